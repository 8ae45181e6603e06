// The workspace card Api over HTTP, with the same bearer token and error handling as the organizer
// Api; a 409 on the card and a refused publish come back as their own errors, with the server's Chinese words.
import type { CardDraft, NumberCandidate } from '@/domain/card-shape'
import { COVER_MESSAGES, coverFileProblem, isCoverRef } from '@/domain/cover'
import type { FileUpload, PickedImage } from '@/platform/types'
import { ApiError } from '../api'
import {
  CardProblemsError,
  StaleDraftError,
  type CardProblem,
  type CardVersion,
  type CheckinAnswer,
  type CheckinApi,
  type CheckinCounts,
  type CheckinSearchRow,
  type FigureCheckAnswer,
  type WorkspaceApi,
  type WorkspaceProgramsApi,
  type WorkspaceCard,
  type WorkspacePrograms,
  type WorkspaceProgram,
  type WorkspaceSession,
} from '../workspace'
import { errorFromResponse, type HttpRequest, type Transport } from './http-api'

const OFFLINE = '网络不太好，没能连上服务器，请稍后再试。'
const STALE = '别处有更新的版本'

export function createWorkspaceApi(options: {
  base: string
  transport: Transport
  /** How a cover photo is sent (platform/photo-upload.ts); without it the editor cannot upload. */
  upload?: FileUpload
}): WorkspaceApi & WorkspaceProgramsApi & CheckinApi {
  const base = options.base.replace(/\/+$/, '')
  const call = async (method: HttpRequest['method'], path: string, token: string, body?: unknown) => {
    const header: Record<string, string> = { authorization: `Bearer ${token.trim()}` }
    if (body !== undefined) header['content-type'] = 'application/json'
    let res
    try {
      res = await options.transport({
        url: `${base}${path}`,
        method,
        header,
        timeout: 15000,
        responseType: 'json',
        ...(body !== undefined ? { data: body } : {}),
      })
    } catch {
      throw new ApiError('network', OFFLINE)
    }
    if (res.statusCode >= 200 && res.statusCode < 300) return res.data
    const data = typeof res.data === 'string' ? safeJson(res.data) : res.data
    const error = errorFromResponse(res.statusCode, data)
    // Only the card's draft and publishing have revisions; a program's 409 says what is in the way.
    if (res.statusCode === 409 && path.startsWith('/api/workspace/card'))
      throw new StaleDraftError(error.message === '请求没有成功，请稍后再试' ? STALE : error.message)
    const problems = problemsOf(data)
    if (res.statusCode === 400 && problems) throw new CardProblemsError(error.message, problems, error.field)
    throw error
  }
  /** The cover upload: the same refusals as `call`, from the text body uploadFile gives back. */
  const uploadCover = async (token: string, image: PickedImage, onProgress?: (fraction: number) => void) => {
    if (!options.upload) throw new ApiError('unknown', COVER_MESSAGES.needsServer)
    const problem = coverFileProblem(image.size)
    if (problem) throw new ApiError('too_large', problem)
    let res
    try {
      res = await options.upload({
        url: `${base}/api/workspace/cover`,
        method: 'PUT',
        header: { authorization: `Bearer ${token.trim()}` },
        image,
        onProgress,
      })
    } catch {
      throw new ApiError('network', OFFLINE)
    }
    const data = typeof res.data === 'string' ? safeJson(res.data) : res.data
    if (res.statusCode >= 200 && res.statusCode < 300) {
      const cover = (data as { cover?: unknown } | undefined)?.cover
      if (isCoverRef(cover)) return cover
      throw new ApiError('unknown', '服务器的回答不完整，请刷新后再看')
    }
    throw errorFromResponse(res.statusCode, data)
  }
  return {
    cover: async (token) => {
      const { cover } = (await call('GET', '/api/workspace/cover', token)) as { cover: unknown }
      return isCoverRef(cover) ? cover : null
    },
    uploadCover,
    removeCover: async (token) => {
      await call('DELETE', '/api/workspace/cover', token)
    },
    card: async (token) => (await call('GET', '/api/workspace/card', token)) as WorkspaceCard,
    saveDraft: async (token, draft: CardDraft, revision) =>
      (await call('PUT', '/api/workspace/card/draft', token, { draft, revision })) as {
        revision: number
        savedAt: string
      },
    publish: async (token, revision) =>
      (await call('POST', '/api/workspace/card/publish', token, { revision })) as {
        version: number
        publishedAt: string
      },
    unpublish: async (token) =>
      (await call('POST', '/api/workspace/card/unpublish', token, {})) as { published: false },
    versions: async (token) => (await call('GET', '/api/workspace/card/versions', token)) as CardVersion[],
    restore: async (token, version) =>
      (await call('POST', `/api/workspace/card/versions/${version}/restore`, token, {})) as {
        version: number
        publishedAt: string
      },
    candidates: async (token, text) =>
      (
        (await call('POST', '/api/workspace/provenance/candidates', token, { text })) as {
          candidates: NumberCandidate[]
        }
      ).candidates,
    checkFigure: async (token, text, value, unit) =>
      (await call('POST', '/api/workspace/provenance/check', token, { text, value, unit })) as FigureCheckAnswer,
    programs: async (token) => (await call('GET', '/api/workspace/programs', token)) as WorkspacePrograms,
    createProgram: async (token, body) =>
      (await call('POST', '/api/workspace/programs', token, body)) as WorkspaceProgram,
    updateProgram: async (token, id, body) =>
      (await call('PUT', `/api/workspace/programs/${encodeURIComponent(id)}`, token, body)) as WorkspaceProgram,
    saveForm: async (token, id, fields) =>
      (await call('PUT', `/api/workspace/programs/${encodeURIComponent(id)}/form`, token, {
        fields,
      })) as WorkspaceProgram,
    addSession: async (token, programId, body) =>
      (await call(
        'POST',
        `/api/workspace/programs/${encodeURIComponent(programId)}/sessions`,
        token,
        body,
      )) as WorkspaceSession,
    changeSession: async (token, id, body) =>
      (await call('PUT', `/api/workspace/sessions/${encodeURIComponent(id)}`, token, body)) as WorkspaceSession,
    cancelSession: async (token, id, reason) =>
      (await call('POST', `/api/workspace/sessions/${encodeURIComponent(id)}/cancel`, token, {
        reason,
      })) as WorkspaceSession,
    deleteSession: async (token, id) =>
      (await call('DELETE', `/api/workspace/sessions/${encodeURIComponent(id)}`, token)) as { ok: boolean },
    checkIn: async (token, sessionId, ticket) =>
      (await call('POST', '/api/workspace/checkin', token, { sessionId, ...ticket })) as CheckinAnswer,
    searchCheckin: async (token, sessionId, q) =>
      (await call(
        'GET',
        `/api/workspace/sessions/${encodeURIComponent(sessionId)}/checkin?q=${encodeURIComponent(q)}`,
        token,
      )) as { counts: CheckinCounts; rows: CheckinSearchRow[] },
    checkinCounts: async (token, sessionId) =>
      (await call(
        'GET',
        `/api/workspace/sessions/${encodeURIComponent(sessionId)}/checkin/counts`,
        token,
      )) as CheckinCounts,
  }
}

/** The `problems` of a refused publish, when the body has them. */
function problemsOf(body: unknown): CardProblem[] | undefined {
  const e = body && typeof body === 'object' ? (body as { error?: { problems?: unknown } }).error : undefined
  if (!Array.isArray(e?.problems)) return undefined
  return e.problems.filter(
    (p): p is CardProblem =>
      Boolean(p) && typeof (p as CardProblem).field === 'string' && typeof (p as CardProblem).message === 'string',
  )
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
