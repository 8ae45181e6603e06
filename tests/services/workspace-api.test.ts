// The workspace client's requests (method, route, bearer header, JSON body) for the card and the
// programs, and how it reads the server's 409, refused publish, 403 and an unreachable server.
import { ApiError } from '@/services/api'
import type { CardDraft } from '@/domain/card-shape'
import { createWorkspaceApi } from '@/services/http/workspace-api'
import type { HttpRequest, HttpResponse } from '@/services/http/http-api'
import { CardProblemsError, StaleDraftError } from '@/services/workspace'
import { rejection } from '../support/rejection'

function fake(reply: HttpResponse | 'offline') {
  const sent: HttpRequest[] = []
  const api = createWorkspaceApi({
    base: 'http://127.0.0.1:8787/',
    transport: async (req) => {
      sent.push(req)
      if (reply === 'offline') throw new Error('request:fail')
      return reply
    },
  })
  return { api, sent }
}

const draft = { id: 'wudu-2020', name: '武都区妇联' } as CardDraft

describe('workspace card Api over HTTP', () => {
  it('sends every call to its route with the bearer token and a JSON body where there is one', async () => {
    const { api, sent } = fake({ statusCode: 200, data: { candidates: [] } })
    await api.card('tok')
    await api.saveDraft('tok', draft, 7)
    await api.publish('tok', 8)
    await api.unpublish('tok')
    await api.versions('tok')
    await api.restore('tok', 3)
    await api.candidates('tok', '培训1200人')
    await api.checkFigure('tok', '培训1200人', '1200', '人')
    expect(
      sent.map((r) => `${r.method} ${r.url.replace('http://127.0.0.1:8787', '')} ${JSON.stringify(r.data ?? null)}`),
    ).toEqual([
      'GET /api/workspace/card null',
      'PUT /api/workspace/card/draft {"draft":{"id":"wudu-2020","name":"武都区妇联"},"revision":7}',
      'POST /api/workspace/card/publish {"revision":8}',
      'POST /api/workspace/card/unpublish {}',
      'GET /api/workspace/card/versions null',
      'POST /api/workspace/card/versions/3/restore {}',
      'POST /api/workspace/provenance/candidates {"text":"培训1200人"}',
      'POST /api/workspace/provenance/check {"text":"培训1200人","value":"1200","unit":"人"}',
    ])
    for (const r of sent) expect(r.header.authorization).toBe('Bearer tok')
    expect(sent.filter((r) => r.data !== undefined).every((r) => r.header['content-type'] === 'application/json')).toBe(
      true,
    )
    expect(sent[0].header['content-type']).toBeUndefined()
  })

  it('returns the candidates list and the check answer as the server sends them', async () => {
    const candidate = {
      value: '近350万',
      unit: '人次',
      qualifiers: ['近'],
      start: 0,
      end: 7,
      written: '近350万人次',
      sentence: 's',
    }
    expect(await fake({ statusCode: 200, data: { candidates: [candidate] } }).api.candidates('t', 'x')).toEqual([
      candidate,
    ])
    const refused = { ok: false, message: '“58.2万户”在原文里找不到' }
    expect(await fake({ statusCode: 200, data: refused }).api.checkFigure('t', 'x', '58.2万', '户')).toEqual(refused)
  })

  it('a 409 on save is a StaleDraftError with the server’s message', async () => {
    const { api } = fake({ statusCode: 409, data: { error: { code: 'stale', message: '别人刚保存了新的版本' } } })
    const e = await rejection(api.saveDraft('t', draft, 1))
    expect(e).toBeInstanceOf(StaleDraftError)
    expect((e as Error).message).toBe('别人刚保存了新的版本')
  })

  it('a refused publish carries every problem with its field, in the server’s words', async () => {
    const problems = [
      { field: 'color', message: '主题色：请用 #RRGGBB' },
      { field: 'figures[1].quote', message: '第2个数字的原文摘句：在原文里找不到' },
    ]
    const { api } = fake({
      statusCode: 400,
      data: { error: { code: 'invalid', message: '卡片还有2处问题', field: 'color', problems } },
    })
    const e = (await rejection(api.publish('t', 3))) as CardProblemsError
    expect(e).toBeInstanceOf(CardProblemsError)
    expect(e.message).toBe('卡片还有2处问题')
    expect(e.problems).toEqual(problems)
  })

  it('403 is a forbidden ApiError; an unreachable server a network one', async () => {
    const forbidden = (await rejection(
      fake({ statusCode: 403, data: { error: { code: 'forbidden', message: '查看角色不能修改卡片' } } }).api.unpublish(
        't',
      ),
    )) as ApiError
    expect([forbidden.code, forbidden.message]).toEqual(['forbidden', '查看角色不能修改卡片'])
    const offline = (await rejection(fake('offline').api.card('t'))) as ApiError
    expect(offline.code).toBe('network')
  })

  it('sends the program, session and form calls to their routes with their bodies', async () => {
    const { api, sent } = fake({ statusCode: 200, data: { ok: true } })
    const program = { title: '家庭教育讲座', topic: '家庭家风', summary: '讲家风', audience: '家长' }
    const session = {
      title: '第一期',
      startsAt: '2026-12-05 14:00',
      endsAt: '2026-12-05 16:00',
      deadlineAt: '2026-12-04 18:00',
      opensAt: null,
      online: false,
      place: '区妇联三楼',
      joinInfo: null,
      latitude: null,
      longitude: null,
      capacity: 30,
      contactPhone: null,
    }
    await api.programs('tok')
    await api.createProgram('tok', program)
    await api.updateProgram('tok', 'p-1', { title: '家风讲座' })
    await api.saveForm('tok', 'p-1', [{ id: 'name', type: 'text', label: '姓名', required: true }])
    await api.addSession('tok', 'p-1', session)
    await api.changeSession('tok', 's-1', { capacity: 40 })
    await api.cancelSession('tok', 's-1', '因天气改期')
    await api.deleteSession('tok', 's/2')
    expect(
      sent.map((r) => `${r.method} ${r.url.replace('http://127.0.0.1:8787', '')} ${JSON.stringify(r.data ?? null)}`),
    ).toEqual([
      'GET /api/workspace/programs null',
      `POST /api/workspace/programs ${JSON.stringify(program)}`,
      'PUT /api/workspace/programs/p-1 {"title":"家风讲座"}',
      'PUT /api/workspace/programs/p-1/form {"fields":[{"id":"name","type":"text","label":"姓名","required":true}]}',
      `POST /api/workspace/programs/p-1/sessions ${JSON.stringify(session)}`,
      'PUT /api/workspace/sessions/s-1 {"capacity":40}',
      'POST /api/workspace/sessions/s-1/cancel {"reason":"因天气改期"}',
      'DELETE /api/workspace/sessions/s%2F2 null',
    ])
    for (const r of sent) expect(r.header.authorization).toBe('Bearer tok')
  })

  it('a refused session names its field; a 409 there is the server’s message, not a stale draft', async () => {
    const invalid = (await rejection(
      fake({
        statusCode: 400,
        data: { error: { code: 'invalid', message: '结束时间要晚于开始时间', field: 'endsAt' } },
      }).api.addSession('t', 'p-1', {} as never),
    )) as ApiError
    expect([invalid.code, invalid.field, invalid.message]).toEqual(['invalid', 'endsAt', '结束时间要晚于开始时间'])
    const busy = (await rejection(
      fake({
        statusCode: 409,
        data: { error: { code: 'invalid', message: '这个场次已有人报名，不能删除；可以取消场次' } },
      }).api.deleteSession('t', 's-1'),
    )) as ApiError
    expect(busy).not.toBeInstanceOf(StaleDraftError)
    expect(busy.message).toBe('这个场次已有人报名，不能删除；可以取消场次')
  })
})

describe('check-in Api over HTTP', () => {
  it('sends a scanned token or a typed code, a search and the counts to their routes', async () => {
    const { api, sent } = fake({ statusCode: 200, data: { confirmed: 3, checkedIn: 1, absent: 2 } })
    await api.checkIn('tok', 's-1', { token: 't1.g-1.mac' })
    await api.checkIn('tok', 's-1', { code: 'K7MQ2P' })
    await api.searchCheckin('tok', 's 1', '王秀兰')
    expect(await api.checkinCounts('tok', 's-1')).toEqual({ confirmed: 3, checkedIn: 1, absent: 2 })
    expect(
      sent.map((r) => `${r.method} ${r.url.replace('http://127.0.0.1:8787', '')} ${JSON.stringify(r.data ?? null)}`),
    ).toEqual([
      'POST /api/workspace/checkin {"sessionId":"s-1","token":"t1.g-1.mac"}',
      'POST /api/workspace/checkin {"sessionId":"s-1","code":"K7MQ2P"}',
      `GET /api/workspace/sessions/s%201/checkin?q=${encodeURIComponent('王秀兰')} null`,
      'GET /api/workspace/sessions/s-1/checkin/counts null',
    ])
    for (const r of sent) expect(r.header.authorization).toBe('Bearer tok')
  })

  it('an unknown ticket is a not_found ApiError in the server’s words', async () => {
    const { api } = fake({ statusCode: 404, data: { error: { code: 'not_found', message: '没有找到这张电子票' } } })
    const e = await rejection(api.checkIn('tok', 's-1', { code: 'K7MQ2P' }))
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toMatchObject({ code: 'not_found', message: '没有找到这张电子票' })
  })
})
