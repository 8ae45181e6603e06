// 封面图片 in the card editor: the photo atop the report and on the poster, optional. Chosen,
// previewed while it is sent (with its progress), replaced (更换) or removed (删除); it takes effect
// at once, so the words say so. In the built-in mode the one calm line of the demo notice instead.
import { Button, Icon, Image, Text, View } from '@tarojs/components'
import { BuiltInNotice } from '@/components/demo-notice/built-in'
import { env } from '@/config/env'
import { COVER, coverUrl } from '@/domain/cover'
import { ErrorLine } from '../workspace/field'
import type { CoverEditor } from './use-cover'
import './cover-field.scss'

const ABOUT = `放在报告顶部和海报上的一张照片，可以不放。JPG、PNG 或 WebP，不超过 ${
  COVER.maxUploadBytes / 1024 / 1024
} MB；服务器会裁成横图，并去掉照片里的拍摄地点等信息。上传或删除后马上生效，不用重新发布。`

export function CoverField({ c }: { c: CoverEditor }) {
  if (!c.available) return <BuiltInNotice what="封面图片" />
  const busy = c.step !== 'idle'
  const shown = c.preview ?? (c.cover ? coverUrl(env.apiBase, c.cover) : null)
  const percent = Math.round(c.progress * 100)
  return (
    <View className="card wcard__part cover-field">
      <Text className="section-title wcard__part-title">封面图片（可不填）</Text>
      <Text className="ws__meta">{ABOUT}</Text>
      {c.step === 'loading' ? <Text className="ws__meta">正在读取封面图片…</Text> : null}
      {shown ? (
        <View className="cover-field__frame">
          <Image
            className="cover-field__image"
            src={shown}
            mode="aspectFill"
            aria-label={c.preview ? '正在上传的照片' : '现在的封面图片'}
            nativeProps={{ alt: c.preview ? '正在上传的照片' : '现在的封面图片' }}
          />
        </View>
      ) : c.step === 'loading' ? null : (
        <Text className="ws__meta">还没有封面图片：卡片和报告只用主题色。</Text>
      )}
      {c.step === 'uploading' ? (
        <View className="cover-field__progress">
          <View
            className="cover-field__bar"
            role="progressbar"
            aria-label="上传进度"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <View className="cover-field__fill" style={{ width: `${percent}%` }} />
          </View>
          <Text className="ws__meta">{percent < 100 ? `正在上传 ${percent}%` : '已传完，服务器正在处理…'}</Text>
        </View>
      ) : null}
      <ErrorLine text={c.error} />
      {c.done ? (
        <View className="cover-field__done" role="status">
          <Icon type="success" size={18} />
          <Text className="ws__notice">{c.done}</Text>
        </View>
      ) : null}
      {c.readOnly ? (
        <Text className="ws__meta">你的角色是「查看」，不能更换封面图片。</Text>
      ) : (
        <View className="wcard__row">
          <Button
            className="button button--ghost"
            disabled={busy}
            onClick={() => void c.pick()}
            aria-label={c.cover ? '更换封面图片' : '选择封面图片'}
          >
            {c.cover ? '更换' : '选择照片'}
          </Button>
          {c.cover ? (
            <Button
              className="button button--ghost"
              disabled={busy}
              onClick={() => void c.remove()}
              aria-label="删除封面图片"
            >
              {c.step === 'removing' ? '正在删除…' : '删除'}
            </Button>
          ) : null}
        </View>
      )}
    </View>
  )
}
