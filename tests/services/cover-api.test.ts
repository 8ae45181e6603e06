// The cover upload over HTTP: the file goes to its route with the bearer token and its progress,
// the answer's reference is read, and a refusal, an unreachable server, a file too large to send
// and a forged answer each come back as a Chinese ApiError.
import { COVER } from '@/domain/cover'
import type { FileUpload, HttpResponse, PickedImage } from '@/platform/types'
import { ApiError } from '@/services/api'
import { createWorkspaceApi } from '@/services/http/workspace-api'
import { rejection } from '../support/rejection'

const REF = { hash: '0123456789abcdef01234567', width: 750, height: 420 }
const photo: PickedImage = { path: 'blob:photo', size: 120_000 }

function fake(reply: HttpResponse | 'offline', withUpload = true) {
  const sent: Array<Parameters<FileUpload>[0]> = []
  const upload: FileUpload = async (req) => {
    sent.push(req)
    req.onProgress?.(0.5)
    req.onProgress?.(1)
    if (reply === 'offline') throw new Error('uploadFile:fail')
    return reply
  }
  const api = createWorkspaceApi({
    base: 'http://127.0.0.1:8787/',
    transport: async () => ({ statusCode: 200, data: { cover: REF } }),
    ...(withUpload ? { upload } : {}),
  })
  return { api, sent }
}

describe('cover upload over HTTP', () => {
  it('sends the photo to its route with the token, reports progress, and reads the reference (text or JSON)', async () => {
    const { api, sent } = fake({ statusCode: 200, data: JSON.stringify({ cover: REF }) })
    const progress: number[] = []
    expect(await api.uploadCover('tok', photo, (f) => progress.push(f))).toEqual(REF)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      url: 'http://127.0.0.1:8787/api/workspace/cover',
      method: 'PUT',
      header: { authorization: 'Bearer tok' },
      image: photo,
    })
    expect(progress).toEqual([0.5, 1])
    expect(await api.cover('tok')).toEqual(REF)
  })

  it('gives the server’s Chinese refusal, and its own words when no answer came', async () => {
    const refused = fake({
      statusCode: 415,
      data: JSON.stringify({
        error: { code: 'unsupported_media_type', message: '只能上传 JPG、PNG 或 WebP 格式的照片' },
      }),
    })
    const e = await rejection(refused.api.uploadCover('tok', photo))
    expect(e).toBeInstanceOf(ApiError)
    expect((e as ApiError).message).toBe('只能上传 JPG、PNG 或 WebP 格式的照片')
    const offline = await rejection(fake('offline').api.uploadCover('tok', photo))
    expect((offline as ApiError).code).toBe('network')
    expect((offline as ApiError).message).toContain('网络')
  })

  it('does not send a file over 5 MB, nor trust an answer without a sound reference', async () => {
    const { api, sent } = fake({ statusCode: 200, data: { cover: { hash: '../x', width: 1, height: 1 } } })
    const big = await rejection(api.uploadCover('tok', { ...photo, size: COVER.maxUploadBytes + 1 }))
    expect((big as ApiError).message).toContain('5 MB')
    expect(sent).toHaveLength(0)
    const forged = await rejection(api.uploadCover('tok', photo))
    expect((forged as ApiError).message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('says plainly that covers need the server when there is no way to upload', async () => {
    const e = await rejection(fake({ statusCode: 200, data: {} }, false).api.uploadCover('tok', photo))
    expect((e as ApiError).message).toBe('封面图片需要连接服务器后才能上传')
  })
})
