// Draws a federation's poster, square or wide, once its report is loaded; keeps each shape's image and how long drawing took.
import { useEffect, useRef, useState } from 'react'
import { env } from '@/config/env'
import { coverUrl } from '@/domain/cover-ref'
import type { ReportCard } from '@/domain/views'
import { h5Url, renderImage } from '@/platform/media'
import { routes } from '@/routes'
import { api } from '@/services'
import { useAsync } from '@/shared/use-async'
import { POSTER_SIZES, drawPoster, type PosterShape } from './poster-draw'
import { qrModules } from './qr'

export type PosterImage = { src: string; drawMs: number } | { error: string }

export function usePoster(federationId: string, shape: PosterShape) {
  const report = useAsync(() => api.getReport(federationId), [federationId])
  // The drawing keys on the loaded card, never on `report`: useAsync hands back a new object on
  // every render, so an effect on it redrew on every render and each finished image rendered again.
  const card = report.status === 'ready' ? report.data.card : undefined
  const [drawn, setDrawn] = useState<{ card: ReportCard; shape: PosterShape; image: PosterImage }>()
  // Shapes already drawn for this card: switching back shows the image again without redrawing.
  const kept = useRef<{ card?: ReportCard; images: Partial<Record<PosterShape, PosterImage>> }>({ images: {} })
  useEffect(() => {
    if (!card) return
    if (kept.current.card !== card) kept.current = { card, images: {} }
    const done = kept.current.images[shape]
    if (done) {
      setDrawn({ card, shape, image: done })
      return
    }
    let live = true
    const { width, height } = POSTER_SIZES[shape]
    const qr = qrModules(h5Url(routes.report(federationId), env.h5Origin))
    // The cover is loaded onto the canvas first; without one (or if it fails) the poster is as before.
    const pictures = card.cover ? [coverUrl(env.apiBase, card.cover)] : []
    renderImage(width, height, (ctx, [cover]) => drawPoster(ctx, { card, qr, shape, cover }), pictures)
      .then((image: PosterImage) => {
        if (kept.current.card === card) kept.current.images[shape] = image
        if (live) setDrawn({ card, shape, image })
      })
      .catch(() => live && setDrawn({ card, shape, image: { error: '海报没能生成，请稍后再试' } }))
    // A shape left before its image is ready must not replace the one asked for since.
    return () => {
      live = false
    }
  }, [card, federationId, shape])
  // Only this card's image in this shape is shown; anything else means it is still being drawn.
  const image = drawn && drawn.card === card && drawn.shape === shape ? drawn.image : undefined
  return { report, image, link: h5Url(routes.report(federationId), env.h5Origin) }
}
