// QR modules for a link, from qrcode-generator (drawn by draw.ts; no image of its own).
import qrcode from 'qrcode-generator'

export function qrModules(text: string): boolean[][] | null {
  if (!text) return null
  try {
    const qr = qrcode(0, 'M')
    qr.addData(text, 'Byte')
    qr.make()
    const n = qr.getModuleCount()
    return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)))
  } catch {
    return null
  }
}
