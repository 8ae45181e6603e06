// The share poster of the card as it is now, drawn here by the poster page's own drawing code from
// the draft (no server round trip). Drawing takes a moment, so it is redrawn when she asks.
import { useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import { env } from '@/config/env'
import type { YearEndCard } from '@/domain/types'
import { h5Url, renderImage } from '@/platform/media'
import { routes } from '@/routes'
import { POSTER_SIZES, drawPoster } from '../share/poster-draw'
import { ErrorLine } from '../workspace/field'
import { qrModules } from '../share/qr'

type Drawn = { src: string; of: string } | { error: string } | null

export function PosterPreview({ card }: { card: YearEndCard }) {
  const [drawn, setDrawn] = useState<Drawn>(null)
  const [busy, setBusy] = useState(false)
  const current = JSON.stringify(card)
  const draw = () => {
    setBusy(true)
    const link = h5Url(routes.report(card.federationId), env.h5Origin)
    // The square poster, the one posted to Moments; the poster page offers the wide one too.
    const { width, height } = POSTER_SIZES.square
    renderImage(width, height, (ctx) => drawPoster(ctx, { card, qr: qrModules(link), shape: 'square' }))
      .then((image) => setDrawn({ src: image.src, of: current }))
      .catch(() => setDrawn({ error: '海报没能生成，请稍后再试' }))
      .finally(() => setBusy(false))
  }
  const changed = drawn !== null && 'src' in drawn && drawn.of !== current
  return (
    <View className="wcard__poster">
      <ErrorLine text={drawn && 'error' in drawn ? drawn.error : undefined} />
      {drawn && 'src' in drawn ? (
        <Image className="wcard__poster-image" src={drawn.src} mode="widthFix" aria-label="海报预览" />
      ) : null}
      {changed ? <Text className="ws__meta">卡片改过了，点下面的按钮看最新的海报。</Text> : null}
      <Button
        className="button button--ghost"
        disabled={busy}
        onClick={draw}
        aria-label={drawn ? '更新海报预览' : '生成海报预览'}
      >
        {busy ? '正在生成…' : drawn ? '更新海报预览' : '生成海报预览'}
      </Button>
    </View>
  )
}
