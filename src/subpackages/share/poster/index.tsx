import { useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import { useRouter } from '@/platform/page'
import { PageShell } from '@/components/page-shell'
import { ErrorState, Skeleton } from '@/components/state-view'
import { cardShareTitle } from '@/domain/share'
import { POSTER_SIZES, type PosterShape } from '@/features/share/poster-layout'
import { usePoster } from '@/features/share/use-poster'
import { isWeapp, toast } from '@/platform'
import { albumRefused, openAlbumSetting, saveImage } from '@/platform/media'
import { pressable } from '@/shared/pressable'
import '@/features/share/share.scss'
import './index.scss'

/** The two posters on offer: square for a Moments post, 5:4 (posterPlan's 'wide') for a landscape one. */
const SHAPES: Array<{ shape: PosterShape; name: string; ratio: string; file: string }> = [
  { shape: 'square', name: '方图', ratio: '1:1', file: '方图' },
  { shape: 'wide', name: '横图', ratio: '5:4', file: '横图' },
]

/** Taro's H5 Button is a custom element with no role of its own: aria-pressed needs one to mean anything. */
const BUTTON_ROLE: object = { role: 'button' }

export default function PosterPage() {
  const { params } = useRouter()
  // Kept while she stays on the page: saving and sharing use the shape she chose.
  const [shape, setShape] = useState<PosterShape>('square')
  const { report, image } = usePoster(params.id ?? '', shape)
  const { width, height } = POSTER_SIZES[shape]
  const chosen = SHAPES.find((s) => s.shape === shape) ?? SHAPES[0]
  const [refused, setRefused] = useState(false)

  const save = async (src: string) => {
    if (await albumRefused()) return setRefused(true)
    const r = await saveImage(src, `${params.id ?? 'poster'}-年终盘点-${chosen.file}.png`)
    if (r === 'saved') toast('已保存到相册', 'success')
    else if (r === 'downloaded') toast('海报已下载')
    else if (r === 'denied') setRefused(true)
    else toast('没能保存，请长按图片保存')
  }
  const allow = async (src: string) => {
    if (await openAlbumSetting()) {
      setRefused(false)
      await save(src)
    }
  }

  return (
    <PageShell>
      <View className="poster-shape" role="group" aria-label="海报形状">
        {SHAPES.map((s) => {
          const on = s.shape === shape
          const choose = () => setShape(s.shape)
          return (
            <Button
              key={s.shape}
              className={`poster-shape__option ${on ? 'poster-shape__option--on' : ''}`}
              {...BUTTON_ROLE}
              aria-pressed={on}
              aria-label={`${s.name} ${s.ratio}`}
              onClick={choose}
              {...pressable(choose)}
            >
              <Text className="poster-shape__name">{s.name}</Text>
              <Text className="poster-shape__ratio">{s.ratio}</Text>
            </Button>
          )
        })}
      </View>
      {report.status === 'loading' || (report.status === 'ready' && !image) ? (
        <Skeleton blocks={1} label="正在生成海报" />
      ) : null}
      {report.status === 'error' ? <ErrorState message={report.message} onRetry={() => void report.reload()} /> : null}
      {image && 'error' in image ? <ErrorState message={image.error} onRetry={() => void report.reload()} /> : null}
      {image && 'src' in image ? (
        <View>
          <Image
            className="poster__image"
            src={image.src}
            mode="widthFix"
            style={{ aspectRatio: `${width} / ${height}` }}
            showMenuByLongpress
            aria-label={`年终盘点海报，${chosen.name} ${chosen.ratio}`}
            // The <img> inside Taro's H5 image: its alt is what a screen reader says.
            nativeProps={{
              alt:
                report.status === 'ready'
                  ? `海报（${chosen.name}）：${cardShareTitle(report.data.card)}`
                  : '年终盘点海报',
            }}
          />
          <Text className="poster__tip">
            {isWeapp ? '长按图片可以发送给朋友或保存' : '长按图片可以保存；电脑上点下面的按钮下载'}
          </Text>
          {refused ? (
            <View className="poster__denied" role="alert">
              <Text>保存海报需要“添加到相册”的权限。你之前没有允许，可以到设置里打开。</Text>
              <Button className="button stack-button" onClick={() => void allow(image.src)} aria-label="去设置里允许">
                去设置里允许
              </Button>
            </View>
          ) : (
            <Button
              className="button stack-button"
              onClick={() => void save(image.src)}
              aria-label={isWeapp ? '保存到相册' : '下载海报'}
            >
              {isWeapp ? '保存到相册' : '下载海报'}
            </Button>
          )}
        </View>
      ) : null}
    </PageShell>
  )
}
