// Draws a federation's poster, square or wide, once its report is loaded; keeps the image and how long drawing took.
import { useEffect, useState } from 'react'
import { env } from '@/config/env'
import { coverUrl } from '@/domain/cover-ref'
import { h5Url, renderImage } from '@/platform/media'
import { routes } from '@/routes'
import { api } from '@/services'
import { useAsync } from '@/shared/use-async'
import { POSTER_SIZES, drawPoster, type PosterShape } from './poster-draw'
import { qrModules } from './qr'

export function usePoster(federationId: string, shape: PosterShape) {
  const report = useAsync(() => api.getReport(federationId), [federationId])
  const [image, setImage] = useState<{ src: string; drawMs: number } | { error: string }>()
  useEffect(() => {
    if (report.status !== 'ready') return
    const link = h5Url(routes.report(federationId), env.h5Origin)
    const { width, height } = POSTER_SIZES[shape]
    setImage(undefined)
    const { card } = report.data
    // The cover is loaded onto the canvas first; without one (or if it fails) the poster is as before.
    const pictures = card.cover ? [coverUrl(env.apiBase, card.cover)] : []
    renderImage(width, height, (ctx, [cover]) => drawPoster(ctx, { card, qr: qrModules(link), shape, cover }), pictures)
      .then(setImage)
      .catch(() => setImage({ error: '海报没能生成，请稍后再试' }))
  }, [report, federationId, shape])
  return { report, image, link: h5Url(routes.report(federationId), env.h5Origin) }
}
