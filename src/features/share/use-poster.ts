// Draws a federation's poster, square or wide, once its report is loaded; keeps the image and how long drawing took.
import { useEffect, useState } from 'react'
import { env } from '@/config/env'
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
    renderImage(width, height, (ctx) => drawPoster(ctx, { card: report.data.card, qr: qrModules(link), shape }))
      .then(setImage)
      .catch(() => setImage({ error: '海报没能生成，请稍后再试' }))
  }, [report, federationId, shape])
  return { report, image, link: h5Url(routes.report(federationId), env.h5Origin) }
}
