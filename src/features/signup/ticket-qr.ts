// The ticket's QR as an image address (a small GIF, ~3 KB): one <Image> in weapp and H5 alike, where
// a grid of views would be hundreds of nodes in the page's first setData.
import qrcode from 'qrcode-generator'

/** Pixels a module: the GIF is drawn sharp at this size, and scaled on screen by CSS. */
export const TICKET_QR_CELL = 6
/** The quiet zone the QR standard asks for, in modules: scanners find the code by it. */
export const TICKET_QR_MARGIN = 4

export function ticketQrDataUrl(token: string): string | null {
  if (!token) return null
  try {
    const qr = qrcode(0, 'M')
    qr.addData(token, 'Byte')
    qr.make()
    return qr.createDataURL(TICKET_QR_CELL, TICKET_QR_MARGIN * TICKET_QR_CELL)
  } catch {
    return null
  }
}
