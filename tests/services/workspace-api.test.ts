// The workspace card client's requests (method, route, bearer header, JSON body) and how it reads
// the server's 409, refused publish, 403 and an unreachable server, against a fake transport.
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
})
