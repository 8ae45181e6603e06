// The organizer Api over HTTP: the token travels as a bearer header, never in a URL.
import { ApiError } from '../api'
import type { OrganizerApi, OrganizerOverview, Roster } from '../organizer'
import { errorFromResponse, type Transport } from './http-api'

const OFFLINE = '网络不太好，没能连上服务器，请稍后再试。'
const BOM = '\uFEFF'

export function createOrganizerApi(options: { base: string; transport: Transport }): OrganizerApi {
  const base = options.base.replace(/\/+$/, '')
  const get = async (token: string, path: string, responseType: 'json' | 'text' = 'json') => {
    let res
    try {
      res = await options.transport({
        url: `${base}${path}`,
        method: 'GET',
        header: { authorization: `Bearer ${token.trim()}` },
        timeout: 15000,
        responseType,
      })
    } catch {
      throw new ApiError('network', OFFLINE)
    }
    if (res.statusCode < 200 || res.statusCode >= 300) {
      throw errorFromResponse(res.statusCode, typeof res.data === 'string' ? safeJson(res.data) : res.data)
    }
    return res.data
  }
  const id = encodeURIComponent
  return {
    overview: async (token) => (await get(token, '/api/organizer/programs')) as OrganizerOverview,
    roster: async (token, programId) => (await get(token, `/api/organizer/programs/${id(programId)}/roster`)) as Roster,
    async csv(token, programId) {
      const text = String(await get(token, `/api/organizer/programs/${id(programId)}/roster.csv`, 'text'))
      // Decoding as text drops the BOM; Excel needs it to read the file as UTF-8.
      return { fileName: `${programId}-报名名单.csv`, text: text.startsWith(BOM) ? text : `${BOM}${text}` }
    },
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
