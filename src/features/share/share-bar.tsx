// Share and poster buttons: WeChat's share button on weapp, Web Share or copy-link on H5.
import { Button, View } from '@tarojs/components'
import { isWeapp, toast } from '@/platform'
import { shareLink } from '@/platform/media'
import './share.scss'

const SHARE_RESULT = {
  shared: '',
  cancelled: '',
  copied: '链接已复制，可以粘贴到微信群里',
  failed: '没能复制链接，请截图分享',
} as const

export function ShareBar({ title, url, onPoster }: { title: string; url: string; onPoster?: () => void }) {
  return (
    <View className="share-bar">
      {isWeapp ? (
        <Button className="button share-bar__button" openType="share" aria-label="分享给朋友">
          分享给朋友
        </Button>
      ) : (
        <Button
          className="button share-bar__button"
          onClick={() =>
            void shareLink(title, url).then((r) => {
              if (SHARE_RESULT[r]) toast(SHARE_RESULT[r])
            })
          }
          aria-label="分享给朋友"
        >
          分享给朋友
        </Button>
      )}
      {onPoster ? (
        <Button className="button button--ghost share-bar__button" onClick={onPoster} aria-label="生成海报">
          生成海报
        </Button>
      ) : null}
    </View>
  )
}
