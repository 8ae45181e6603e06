// Draws a federation's poster once its report is loaded; keeps the image and how long drawing took.
import { useEffect, useState } from 'react'
import { env } from '@/config/env'
import { h5Url, renderImage } from '@/platform/media'
import { routes } from '@/routes'
import { api } from '@/services'
import { useAsync } from '@/shared/use-async'
import { POSTER, drawPoster } from './draw'
import { qrModules } from './qr'

export function usePoster(federationId: string) {
  const report = useAsync(() => api.getReport(federationId), [federationId])
  const [image, setImage] = useState<{ src: string; drawMs: number } | { error: string }>()
  useEffect(() => {
    if (report.status !== 'ready') return
    const link = h5Url(routes.report(federationId), env.h5Origin)
    renderImage(POSTER.width, POSTER.height, (ctx) => drawPoster(ctx, { card: report.data.card, qr: qrModules(link) }))
      .then(setImage)
      .catch(() => setImage({ error: '海报没能生成，请稍后再试' }))
  }, [report, federationId])
  return { report, image, link: h5Url(routes.report(federationId), env.h5Origin) }
}
