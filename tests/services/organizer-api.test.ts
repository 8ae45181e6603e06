import { rejection } from '../support/rejection'
import { createOrganizerApi } from '@/services/http/organizer-api'
import type { HttpRequest, HttpResponse } from '@/services/http/http-api'

function fake(reply: HttpResponse | 'offline') {
  const sent: HttpRequest[] = []
  const api = createOrganizerApi({
    base: 'http://127.0.0.1:8787/',
    transport: async (req) => {
      sent.push(req)
      if (reply === 'offline') throw new Error('request:fail')
      return reply
    },
  })
  return { api, sent }
}

describe('organizer Api over HTTP', () => {
  it('sends the token as a bearer header, never in the URL', async () => {
    const { api, sent } = fake({ statusCode: 200, data: { federation: { id: 'f', name: '妇联' }, programs: [] } })
    await api.overview('  secret-token-123456  ')
    expect(sent[0].url).toBe('http://127.0.0.1:8787/api/organizer/programs')
    expect(sent[0].header).toEqual({ authorization: 'Bearer secret-token-123456' })
    expect(sent[0].url).not.toContain('secret')
  })

  it('asks for the CSV as text and puts back the BOM that text decoding drops', async () => {
    const { api, sent } = fake({ statusCode: 200, data: '序号,姓名\r\n1,王芳\r\n' })
    const { text, fileName } = await api.csv('t', 'zz-legal-aid')
    expect(sent[0]).toMatchObject({
      url: 'http://127.0.0.1:8787/api/organizer/programs/zz-legal-aid/roster.csv',
      responseType: 'text',
    })
    expect([text.charCodeAt(0), text.slice(1), fileName]).toEqual([
      0xfeff,
      '序号,姓名\r\n1,王芳\r\n',
      'zz-legal-aid-报名名单.csv',
    ])
    const again = await fake({ statusCode: 200, data: '\uFEFF序号' }).api.csv('t', 'p')
    expect(again.text).toBe('\uFEFF序号')
  })

  it('passes on the server’s Chinese refusal, also when an error body arrives as text', async () => {
    const body = { error: { code: 'unauthorized', message: '组织者口令不对，请检查后重试', field: 'token' } }
    const e = await rejection(fake({ statusCode: 401, data: body }).api.roster('bad', 'p'))
    expect([e.code, e.message]).toEqual(['unauthorized', '组织者口令不对，请检查后重试'])
    const asText = await rejection(fake({ statusCode: 403, data: JSON.stringify(body) }).api.csv('bad', 'p'))
    expect(asText.message).toBe('组织者口令不对，请检查后重试')
    const offline = await rejection(fake('offline').api.overview('t'))
    expect([offline.code, offline.message]).toEqual(['network', '网络不太好，没能连上服务器，请稍后再试。'])
  })
})
