// Cover rules: the type by the bytes alone, which references are sound, where an image is served,
// and the credit that exists only with a cover.
import {
  COVER,
  coverCredit,
  coverFileProblem,
  coverPath,
  coverTypeOf,
  coverUrl,
  isCoverRef,
  parseCoverFile,
  withCover,
} from '@/domain/cover'
import type { FederationFile } from '@/domain/types'
import { shownSource } from '@/domain/views'

const bytes = (...b: number[]) => Uint8Array.from(b)
const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'))
const REF = { hash: '0123456789abcdef01234567', width: 750, height: 420 }

describe('coverTypeOf', () => {
  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(coverTypeOf(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0))).toBe('jpeg')
    expect(coverTypeOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png')
    expect(coverTypeOf(ascii('RIFF\u0010\u0000\u0000\u0000WEBPVP8 '))).toBe('webp')
  })

  it('refuses everything else, however it is named', () => {
    expect(coverTypeOf(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined()
    expect(coverTypeOf(ascii('%PDF-1.7'))).toBeUndefined()
    expect(coverTypeOf(ascii('RIFF\u0010\u0000\u0000\u0000WAVEfmt '))).toBeUndefined()
    expect(coverTypeOf(bytes(0x89, 0x50, 0x4e, 0x47))).toBeUndefined()
    expect(coverTypeOf(bytes(0xff, 0xd8))).toBeUndefined()
    expect(coverTypeOf(bytes())).toBeUndefined()
  })
})

describe('cover references', () => {
  it('are sound only with a 24-hex hash and positive whole sizes', () => {
    expect(isCoverRef(REF)).toBe(true)
    expect(isCoverRef({ ...REF, hash: '../../etc/passwd' })).toBe(false)
    expect(isCoverRef({ ...REF, hash: REF.hash.toUpperCase() })).toBe(false)
    expect(isCoverRef({ ...REF, width: 0 })).toBe(false)
    expect(isCoverRef({ ...REF, height: 1.5 })).toBe(false)
    expect(isCoverRef(null)).toBe(false)
  })

  it('are attached to a document only when sound, from JSON or text, with nothing extra', () => {
    const file: { id: string; cover?: typeof REF } = { id: 'x' }
    expect(withCover(file, REF)).toEqual({ id: 'x', cover: REF })
    expect(withCover(file, JSON.stringify({ ...REF, url: 'https://evil.example' }))).toEqual({ id: 'x', cover: REF })
    expect(withCover(file, null)).toBe(file)
    expect(withCover(file, '{broken')).toBe(file)
    expect(withCover(file, { hash: 'x' })).toBe(file)
    expect(withCover(undefined, REF)).toBeUndefined()
  })

  it('name where the two sizes are served, and are read back from that name', () => {
    expect(coverPath(REF)).toBe(`/api/covers/${REF.hash}.jpg`)
    expect(coverPath(REF, 'small')).toBe(`/api/covers/${REF.hash}-s.jpg`)
    expect(coverUrl('https://api.example.cn/', REF)).toBe(`https://api.example.cn/api/covers/${REF.hash}.jpg`)
    expect(parseCoverFile(`${REF.hash}.jpg`)).toEqual({ hash: REF.hash, size: 'large' })
    expect(parseCoverFile(`${REF.hash}-s.jpg`)).toEqual({ hash: REF.hash, size: 'small' })
    expect(parseCoverFile(`${REF.hash}.png`)).toBeUndefined()
    expect(parseCoverFile('..%2F.jpg')).toBeUndefined()
  })
})

describe('what she is told', () => {
  it('credits the federation only when there is a cover', () => {
    expect(coverCredit('武都区妇联', REF)).toBe('封面图片由武都区妇联提供')
    expect(coverCredit('武都区妇联', undefined)).toBeUndefined()
  })

  it('refuses an empty or over-5 MB file before it is sent', () => {
    expect(coverFileProblem(0)).toContain('空')
    expect(coverFileProblem(COVER.maxUploadBytes + 1)).toContain('5 MB')
    expect(coverFileProblem(COVER.maxUploadBytes)).toBeUndefined()
  })

  it('shows the article’s photo credit only beside a cover, the one photo the app shows', () => {
    const file = (publisher: string, cover?: typeof REF) =>
      ({ source: { publisher, headline: 'x', date: '2021' }, ...(cover ? { cover } : {}) }) as FederationFile
    expect(shownSource(file('株洲本地报纸报道（图片由市妇联提供）')).publisher).toBe('株洲本地报纸报道')
    expect(shownSource(file('某报 (照片由区妇联提供)')).publisher).toBe('某报')
    expect(shownSource(file('株洲本地报纸报道（图片由市妇联提供）', REF)).publisher).toBe(
      '株洲本地报纸报道（图片由市妇联提供）',
    )
    // Other words in brackets are the publisher's own.
    expect(shownSource(file('武都区妇联（原文）')).publisher).toBe('武都区妇联（原文）')
  })
})
