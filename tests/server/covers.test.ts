// Federation cover images over HTTP: a real photo is made again by the server (resized, upright,
// its GPS gone), anything not an image is refused by its bytes, only her own federation's editors
// change it, a refusal leaves nothing behind, the card carries only its reference, the image is
// served immutable by hash, and another instance shows a new cover within a second.
import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { COVER, coverTypeOf, type CoverRef } from '@/domain/cover'
import {
  asDevice,
  asStaff,
  backends,
  loginToken,
  organizerToken,
  rawGet,
  replyOf,
  startSecondInstance,
  startTestServer,
  type Reply,
  type TestServer,
} from './support'

const WUDU = 'wudu-2020'
const ZHUZHOU = 'zhuzhou-2020'

const json = <T = Record<string, unknown>>(r: Reply) => JSON.parse(r.body) as T
const errorOf = (r: Reply) => json<{ error: { code: string; message: string } }>(r).error

/** A photo as a phone takes it: 1600×1200, with where it was taken in its EXIF. */
const gpsPhoto = () =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#c0392b' } })
    .composite([
      {
        input: { create: { width: 600, height: 400, channels: 3, background: '#2e86de' } },
        left: 200,
        top: 300,
      },
    ])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'Cover 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 39/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '104/1 4/1 0/1' },
    })
    .toBuffer()

const pngPicture = () =>
  sharp({ create: { width: 900, height: 600, channels: 4, background: { r: 20, g: 160, b: 90, alpha: 0.6 } } })
    .png()
    .toBuffer()

/** A PNG whose header claims 50,000×50,000 pixels (2.5 gigapixels) in a few hundred bytes. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(50_000, 0)
  ihdr.writeUInt32BE(50_000, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(50_001 * 4))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

describe.each(backends())('federation covers (%s)', (backend) => {
  let server: TestServer
  let admin: string
  let viewer: string
  let other: string

  /** One file sent as a phone's upload: multipart, under a name and type the client chose. */
  const upload = async (token: string, bytes: Buffer, name = 'photo.jpg', type = 'image/jpeg'): Promise<Reply> => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
    const res = await fetch(`${server.origin}/api/workspace/cover`, {
      method: 'PUT',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    })
    return replyOf(res)
  }
  const report = async (id = WUDU, on = server) =>
    json<{ card: { cover?: CoverRef } }>(await on.inject(asDevice('d-cover', 'GET', `/api/reports/${id}`))).card
  const coverRows = () =>
    server.db.query<{ federation_id: string; hash: string }>('SELECT federation_id, hash FROM federation_covers')
  const revision = async (id = WUDU) =>
    String(
      (await server.db.query<{ revision: string }>('SELECT revision FROM federations WHERE id = $1', [id]))[0].revision,
    )

  beforeAll(async () => {
    server = await startTestServer(backend)
    admin = await organizerToken(server, WUDU)
    other = await organizerToken(server, ZHUZHOU)
    const invitation = json<{ token: string }>(
      await server.inject(asStaff(admin, 'POST', '/api/workspace/invitations', { role: 'viewer' })),
    )
    const login = `cover-viewer-${backend}`
    const password = 'a-long-password-1'
    const accepted = await server.inject({
      method: 'POST',
      url: `/api/auth/invitations/${invitation.token}/accept`,
      payload: { login, displayName: '李查看', password },
    })
    expect(accepted.statusCode).toBe(200)
    viewer = await loginToken(server, { login, password })
  }, 60_000)
  afterAll(() => server.close())

  it('takes a real photo, makes it again without its GPS, and the card carries only its reference', async () => {
    const photo = await gpsPhoto()
    expect((await sharp(photo).metadata()).exif).toBeDefined()
    const before = await revision()

    const r = await upload(admin, photo)
    expect(r.statusCode).toBe(200)
    const { cover } = json<{ cover: CoverRef }>(r)
    expect(cover).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{24}$/), width: 750, height: 420 })
    expect(await revision()).not.toBe(before)

    const large = await rawGet(server.origin, `/api/covers/${cover.hash}.jpg`)
    expect(large.status).toBe(200)
    expect(large.headers['content-type']).toBe('image/jpeg')
    expect(large.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(large.body.length).toBeLessThanOrEqual(COVER.maxLargeBytes)
    const meta = await sharp(large.body).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 750, 420])
    // Nothing of the phone's metadata is left: no EXIF (GPS, camera), no orientation.
    expect(meta.exif).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
    expect(large.body.includes(Buffer.from('TestPhone'))).toBe(false)

    const small = await rawGet(server.origin, `/api/covers/${cover.hash}-s.jpg`)
    const smallMeta = await sharp(small.body).metadata()
    expect([smallMeta.width, smallMeta.height]).toEqual([COVER.small.width, COVER.small.height])
    expect(small.body.length).toBeLessThan(large.body.length)

    // An H5 poster loads it as a CORS image, so its canvas can still be saved.
    const cors = await rawGet(server.origin, `/api/covers/${cover.hash}.jpg`, { origin: 'http://localhost:10086' })
    expect(cors.headers['access-control-allow-origin']).toBe('http://localhost:10086')

    // The tag is the address's: asked again, a 304 with no body.
    const again = await rawGet(server.origin, `/api/covers/${cover.hash}.jpg`, {
      'if-none-match': String(large.headers.etag),
    })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)

    // The report and the feed card carry the reference, not the image.
    expect((await report()).cover).toEqual(cover)
    const feed = json<{ cards: Array<{ federationId: string; cover?: CoverRef }> }>(
      await server.inject(asDevice('d-cover', 'GET', '/api/cards')),
    )
    expect(feed.cards.find((c) => c.federationId === WUDU)?.cover).toEqual(cover)
    expect(feed.cards.find((c) => c.federationId === ZHUZHOU)?.cover).toBeUndefined()
    expect(json(await server.inject(asStaff(admin, 'GET', '/api/workspace/cover')))).toEqual({ cover })
  })

  it('takes a PNG with transparency too, as a JPEG', async () => {
    const r = await upload(admin, await pngPicture(), 'banner.png', 'image/png')
    expect(r.statusCode).toBe(200)
    const { cover } = json<{ cover: CoverRef }>(r)
    const served = await rawGet(server.origin, `/api/covers/${cover.hash}.jpg`)
    expect(coverTypeOf(served.body)).toBe('jpeg')
    expect((await report()).cover).toEqual(cover)
    expect(await coverRows()).toHaveLength(1)
  })

  it('refuses what is not a photo by its bytes, whatever its name and type say, and keeps the cover it had', async () => {
    const kept = (await report()).cover
    const rev = await revision()
    const photo = await gpsPhoto()
    const refusals: Array<[string, Buffer, string, string, number]> = [
      ['garbage named .jpg', Buffer.from('这不是一张图片，只是几个字'.repeat(20)), 'photo.jpg', 'image/jpeg', 415],
      [
        'an SVG',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'a.svg',
        'image/svg+xml',
        415,
      ],
      [
        'a PDF named .jpg',
        Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'),
        'scan.jpg',
        'image/jpeg',
        415,
      ],
      ['a JPEG cut short', photo.subarray(0, 600), 'cut.jpg', 'image/jpeg', 422],
      [
        'a JPEG header on garbage',
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 7)]),
        'x.jpg',
        'image/jpeg',
        422,
      ],
      ['a decompression bomb', pngBomb(), 'bomb.png', 'image/png', 422],
      [
        'a picture too small to show',
        await sharp({ create: { width: 120, height: 80, channels: 3, background: '#fff' } })
          .png()
          .toBuffer(),
        'tiny.png',
        'image/png',
        422,
      ],
    ]
    for (const [what, bytes, name, type, status] of refusals) {
      const r = await upload(admin, bytes, name, type)
      expect([what, r.statusCode]).toEqual([what, status])
      expect(errorOf(r).message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect((await report()).cover).toEqual(kept)
    expect(await revision()).toBe(rev)
    expect(await coverRows()).toHaveLength(1)
  })

  it('refuses a file over 5 MB with a 413 in Chinese, and a request that is not an upload', async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(COVER.maxUploadBytes + 10, 1)])
    const r = await upload(admin, big)
    expect(r.statusCode).toBe(413)
    expect(errorOf(r).message).toContain('5 MB')
    const notUpload = await server.inject(
      asStaff(admin, 'PUT', '/api/workspace/cover', { image: 'data:image/png;base64,AAAA' }),
    )
    expect(notUpload.statusCode).toBe(415)
    expect(errorOf(notUpload).message).toContain('图片')
  })

  it('only her own federation’s 编辑 and 管理员 change it: anonymous 401, 查看 403, another federation its own', async () => {
    const kept = (await report()).cover
    const photo = await pngPicture()
    const anonymous = await upload('', photo)
    expect(anonymous.statusCode).toBe(401)
    expect(errorOf(anonymous).message).toMatch(/[\u4e00-\u9fa5]/)
    const member = await upload(viewer, photo)
    expect(member.statusCode).toBe(403)
    expect(errorOf(member).message).toContain('编辑权限')
    expect((await server.inject(asStaff(viewer, 'DELETE', '/api/workspace/cover'))).statusCode).toBe(403)
    expect((await server.inject(asStaff('', 'DELETE', '/api/workspace/cover'))).statusCode).toBe(401)

    // 株洲's 管理员 can only ever reach 株洲's cover: 武都's stays as it was.
    const theirs = await upload(other, await gpsPhoto())
    expect(theirs.statusCode).toBe(200)
    expect((await report()).cover).toEqual(kept)
    expect((await report(ZHUZHOU)).cover).toEqual(json<{ cover: CoverRef }>(theirs).cover)
    // The same photo as 武都's: the same image, served for both, each federation its own row.
    const same = await upload(other, await pngPicture())
    expect(same.statusCode).toBe(200)
    expect(json<{ cover: CoverRef }>(same).cover).toEqual(kept)
    expect((await server.inject(asStaff(other, 'DELETE', '/api/workspace/cover'))).statusCode).toBe(200)
    expect((await report()).cover).toEqual(kept)
    expect((await report(ZHUZHOU)).cover).toBeUndefined()
    expect((await rawGet(server.origin, `/api/covers/${kept?.hash}.jpg`)).status).toBe(200)
  })

  it('limits uploads per federation per hour, counted in the database', async () => {
    // The uploads so far this hour, and as many more as the limit allows, made an hour ago and just now.
    await server.db.query('DELETE FROM cover_uploads')
    for (let i = 0; i < COVER.uploadsPerHour; i++) {
      await server.db.query(
        `INSERT INTO cover_uploads (federation_id, at) VALUES ($1, now() - ($2::integer * interval '1 minute'))`,
        [WUDU, i === 0 ? 61 : 30],
      )
    }
    // The one from over an hour ago no longer counts: one more is let through, then no more.
    const last = await upload(admin, await pngPicture())
    expect(last.statusCode).toBe(200)
    const r = await upload(admin, await pngPicture())
    expect(r.statusCode).toBe(429)
    expect(errorOf(r).message).toContain('每小时')
    // Until the oldest counted upload is an hour old: about 30 minutes.
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(25 * 60)
    expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(30 * 60)
    // Another federation has its own count.
    expect((await upload(other, await pngPicture())).statusCode).toBe(200)
    expect((await server.inject(asStaff(other, 'DELETE', '/api/workspace/cover'))).statusCode).toBe(200)
    await server.db.query('DELETE FROM cover_uploads')
  })

  it('is removed with DELETE: the card has no cover and the old address answers a Chinese 404', async () => {
    const { hash } = (await report()).cover as CoverRef
    const r = await server.inject(asStaff(admin, 'DELETE', '/api/workspace/cover'))
    expect(r.statusCode).toBe(200)
    expect(json(r)).toEqual({ cover: null })
    expect((await report()).cover).toBeUndefined()
    const gone = await server.inject(asDevice('d-cover', 'GET', `/api/covers/${hash}.jpg`))
    expect(gone.statusCode).toBe(404)
    expect(errorOf(gone).message).toContain('封面')
    expect((await server.inject(asDevice('d-cover', 'GET', '/api/covers/..%2Fetc.jpg'))).statusCode).toBe(404)
    expect(await coverRows()).toEqual([])
  })

  if (backend === 'postgres') {
    it('a second instance shows a new cover within a second', async () => {
      const second = await startSecondInstance(server)
      try {
        expect((await report(WUDU, second)).cover).toBeUndefined()
        const r = await upload(admin, await gpsPhoto())
        const { cover } = json<{ cover: CoverRef }>(r)
        const start = Date.now()
        while (!(await report(WUDU, second)).cover && Date.now() - start < 3000) {
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
        expect((await report(WUDU, second)).cover).toEqual(cover)
        expect(Date.now() - start).toBeLessThan(1000)
        const image = await rawGet(second.origin, `/api/covers/${cover.hash}.jpg`)
        expect(image.status).toBe(200)
      } finally {
        await second.close()
      }
    })
  }
})
