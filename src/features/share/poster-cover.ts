// The federation's cover photo on the poster: drawn into the colour band, cropped to fill it, under
// a veil of the theme colour so the white words on the band stay readable. drawPoster calls this
// only when the report has a cover and the photo loaded.
import type { Ctx2D } from './draw'

/** A loaded picture, as the platform's renderImage hands it over. */
export interface CoverPicture {
  width: number
  height: number
}

interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** How much of the theme colour lies over the photo: white words on it keep about 4.5:1 on a white photo. */
export const COVER_VEIL = 0.85

type PictureCtx = Ctx2D & {
  globalAlpha: number
  save(): void
  restore(): void
  drawImage(
    image: unknown,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
  ): void
}

/** The part of the picture that fills `box` at its shape, centred: drawImage's source rectangle. */
export function coverCrop(picture: CoverPicture, box: { w: number; h: number }) {
  const scale = Math.max(box.w / picture.width, box.h / picture.height)
  const sw = box.w / scale
  const sh = box.h / scale
  return { sx: (picture.width - sw) / 2, sy: (picture.height - sh) / 2, sw, sh }
}

export function drawPosterCover(ctx: Ctx2D, picture: CoverPicture, band: Box, color: string): void {
  const c = ctx as PictureCtx
  if (typeof c.drawImage !== 'function' || !picture.width || !picture.height) return
  const { sx, sy, sw, sh } = coverCrop(picture, band)
  c.save()
  c.drawImage(picture, sx, sy, sw, sh, band.x, band.y, band.w, band.h)
  c.globalAlpha = COVER_VEIL
  c.fillStyle = color
  c.fillRect(band.x, band.y, band.w, band.h)
  c.restore()
}
