// Share images drawn once per page on weapp (5:4 for chats, 1:1 for Moments); H5 shares links.
import { useEffect, useState } from 'react'
import type { ShownFigure } from '@/domain/types'
import { isWeapp } from '@/platform'
import { renderImage } from '@/platform/media'
import { drawShareImage } from './draw'

export interface ShareImageInput {
  color: string
  title: string
  subtitle: string
  figure?: ShownFigure
}

export function useShareImages(input: ShareImageInput | undefined) {
  const [images, setImages] = useState<{ chat?: string; timeline?: string }>({})
  const key = input ? `${input.color}|${input.title}|${input.subtitle}|${input.figure?.id ?? ''}` : ''
  useEffect(() => {
    if (!isWeapp || !input) return
    let live = true
    void Promise.all([
      renderImage(500, 400, (ctx) => drawShareImage(ctx, { width: 500, height: 400 }, input)),
      renderImage(500, 500, (ctx) => drawShareImage(ctx, { width: 500, height: 500 }, input)),
    ])
      .then(([chat, timeline]) => live && setImages({ chat: chat.src, timeline: timeline.src }))
      // Without a drawn image WeChat uses a screenshot of the page: still a good share.
      .catch(() => undefined)
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return images
}
