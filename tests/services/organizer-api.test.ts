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
  it('logs in without a token, sending login and password as JSON', async () => {
    const session = { token: 't'.repeat(43), expiresAt: 'x', account: {}, mustChangePassword: false }
    const { api, sent } = fake({ statusCode: 200, data: session })
    expect(await api.login('wudu-2020-admin', 'river-stone-42')).toEqual(session)
    expect(sent[0]).toMatchObject({
      url: 'http://127.0.0.1:8787/api/auth/login',
      method: 'POST',
      header: { 'content-type': 'application/json' },
      data: { login: 'wudu-2020-admin', password: 'river-stone-42' },
    })
    expect(sent[0].header.authorization).toBeUndefined()
  })

  it('sends each account call to its route with the session token', async () => {
    const { api, sent } = fake({ statusCode: 200, data: { staff: [], entries: [], nextBefore: null } })
    await api.logout('tok')
    await api.changePassword('tok', 'old-one-123', 'new-one-456')
    await api.acceptInvitation('a/b', { login: 'li-na', displayName: '李娜', password: 'river-stone-42' })
    await api.staff('tok')
    await api.invite('tok', 'viewer')
    await api.invite('tok', 'editor', '宣传部')
    await api.setDisabled('tok', 7, true)
    await api.setDisabled('tok', 7, false)
    await api.setRole('tok', 7, 'admin')
    await api.resetPassword('tok', 7)
    await api.audit('tok')
    await api.audit('tok', 42)
    expect(
      sent.map((r) => `${r.method} ${r.url.replace('http://127.0.0.1:8787', '')} ${JSON.stringify(r.data ?? null)}`),
    ).toEqual([
      'POST /api/auth/logout {}',
      'POST /api/auth/password {"current":"old-one-123","next":"new-one-456"}',
      'POST /api/auth/invitations/a%2Fb/accept {"login":"li-na","displayName":"李娜","password":"river-stone-42"}',
      'GET /api/workspace/staff null',
      'POST /api/workspace/invitations {"role":"viewer"}',
      'POST /api/workspace/invitations {"role":"editor","note":"宣传部"}',
      'POST /api/workspace/staff/7/disable {}',
      'POST /api/workspace/staff/7/enable {}',
      'POST /api/workspace/staff/7/role {"role":"admin"}',
      'POST /api/workspace/staff/7/reset-password {}',
      'GET /api/workspace/audit null',
      'GET /api/workspace/audit?before=42 null',
    ])
    // The invitation is its own credential: no session token goes with it.
    expect(sent[2].header.authorization).toBeUndefined()
    expect(sent.filter((r) => r !== sent[2]).every((r) => r.header.authorization === 'Bearer tok')).toBe(true)
  })

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
    const body = { error: { code: 'unauthorized', message: '登录已过期，请重新登录' } }
    const e = await rejection(fake({ statusCode: 401, data: body }).api.roster('bad', 'p'))
    expect([e.code, e.message]).toEqual(['unauthorized', '登录已过期，请重新登录'])
    const asText = await rejection(fake({ statusCode: 401, data: JSON.stringify(body) }).api.csv('bad', 'p'))
    expect([asText.code, asText.message]).toEqual(['unauthorized', '登录已过期，请重新登录'])
    const offline = await rejection(fake('offline').api.overview('t'))
    expect([offline.code, offline.message]).toEqual(['network', '网络不太好，没能连上服务器，请稍后再试。'])
  })
})
