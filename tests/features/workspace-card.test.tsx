/** @jest-environment jsdom */
// The card editor against a fake workspace server: loading, numbers picked from the article or typed
// and refused, the debounced autosave with its revision, a stale save, no network, a local draft
// offered back after a reload, a refused publish shown field by field, and 查看 kept read-only.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { federationFileToDraft, type CardDraft } from '@/domain/card-draft'
import type { NumberCandidate } from '@/domain/card-shape'
import type { FederationFile } from '@/domain/types'
import { sessionStore } from '@/features/organizer/session'
import { CardEditorView } from '@/features/workspace-card/card-editor-view'
import { draftKey, draftStore, mineKey, type LocalDraft } from '@/features/workspace-card/draft-store'
import {
  OFFLINE_MESSAGE,
  READ_ONLY_MESSAGE,
  RESTORE_QUESTION,
  useCardEditor,
  type CardEditorDeps,
} from '@/features/workspace-card/use-card-editor'
import { ApiError } from '@/services/api'
import { CardProblemsError, StaleDraftError, type WorkspaceApi, type WorkspaceCard } from '@/services/workspace'
import { clock } from '@/shared/clock'
import { MOCK_DIR } from '../support/content-files'
import { memoryStore } from '../support/memory-store'

// The poster is drawn onto a recording canvas: jsdom has none.
const drawnTexts: string[] = []
jest.mock('@/platform/media', () => ({
  ...jest.requireActual('@/platform/media'),
  renderImage: async (_w: number, _h: number, draw: (ctx: unknown) => void) => {
    drawnTexts.length = 0
    const ctx = {
      fillStyle: '',
      font: '',
      textAlign: 'left',
      textBaseline: 'alphabetic',
      fillRect: () => undefined,
      fillText: (text: string) => drawnTexts.push(text),
      measureText: (text: string) => ({ width: text.length * 10 }),
      // The topic's illustration is stroked (poster-art.test.ts checks it); here only the text counts.
      ...Object.fromEntries(
        [
          'save',
          'restore',
          'beginPath',
          'rect',
          'clip',
          'moveTo',
          'lineTo',
          'bezierCurveTo',
          'closePath',
          'stroke',
        ].map((name) => [name, () => undefined]),
      ),
    }
    draw(ctx)
    return { src: 'data:image/png;base64,AAAA', drawMs: 1, pixelRatio: 1 }
  },
}))

const wudu = JSON.parse(readFileSync(join(MOCK_DIR, 'wudu-2020.json'), 'utf8')) as FederationFile
const TEXT = '2020年，武都区妇联开展巾帼宣讲活动60余场次。连续八年为妇女免费体检，累计筛查12万人。'
const serverDraft = (): CardDraft => federationFileToDraft(wudu, TEXT)
const TOKEN = 'T'.repeat(43)

const account = (role: 'admin' | 'editor' | 'viewer') => ({
  id: 1,
  login: `wudu-${role}`,
  displayName: '王芳',
  role,
  federation: { id: 'wudu-2020', name: '武都区妇联' },
})

const card = (over: Partial<WorkspaceCard> = {}): WorkspaceCard => ({
  federation: { id: 'wudu-2020', name: '武都区妇联' },
  draft: serverDraft(),
  revision: 5,
  published: true,
  publishedAt: '2026-11-20T02:00:00.000Z',
  publishedVersion: 2,
  updatedAt: '2026-11-22T02:00:00.000Z',
  updatedBy: { id: 2, displayName: '李娜' },
  ...over,
})

const candidate: NumberCandidate = {
  value: '12万',
  unit: '人',
  qualifiers: [],
  start: 38,
  end: 41,
  written: '12万人',
  sentence: '连续八年为妇女免费体检，累计筛查12万人',
}

type Fake = WorkspaceApi & { calls: string[]; saved: Array<{ draft: CardDraft; revision: number }> }

function fakeApi(over: Partial<WorkspaceApi> = {}): Fake {
  const calls: string[] = []
  const saved: Fake['saved'] = []
  let revision = 5
  return {
    calls,
    saved,
    card: async (token) => {
      calls.push(`card ${token === TOKEN}`)
      return card()
    },
    saveDraft: async (_t, draft, rev) => {
      calls.push(`save ${rev}`)
      saved.push({ draft, revision: rev })
      revision += 1
      return { revision, savedAt: '2026-11-23T02:00:00.000Z' }
    },
    publish: async (_t, rev) => {
      calls.push(`publish ${rev}`)
      return { version: 3, publishedAt: '2026-11-23T02:00:00.000Z' }
    },
    unpublish: async () => {
      calls.push('unpublish')
      return { published: false as const }
    },
    versions: async () => [],
    restore: async (_t, v) => ({ version: v + 10, publishedAt: '' }),
    candidates: async (_t, text) => {
      calls.push(`candidates ${text.length}`)
      return [candidate]
    },
    checkFigure: async (_t, text, value, unit) => {
      calls.push(`check ${value}${unit}`)
      return text.includes(`${value}${unit}`)
        ? { ok: true as const, quote: candidate.sentence, scope: { scope: 'total' as const, scopeLabel: '八年累计' } }
        : { ok: false as const, message: `“${value}${unit}”在原文里找不到，请核对数值和单位` }
    },
    cover: async () => null,
    uploadCover: async () => {
      throw new Error('not in these tests')
    },
    removeCover: async () => undefined,
    ...over,
  }
}

function setup(
  api: WorkspaceApi,
  role: 'admin' | 'editor' | 'viewer' = 'editor',
  kv = memoryStore(),
  more: Partial<CardEditorDeps> = {},
) {
  const session = sessionStore(kv)
  session.write({ token: TOKEN, account: account(role) })
  function Page() {
    return <CardEditorView e={useCardEditor({ api, session, store: kv, saveDelayMs: 40, retryMs: 60, ...more })} />
  }
  render(<Page />)
  return kv
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const local = (kv: ReturnType<typeof memoryStore>) =>
  JSON.parse(kv.data.get(draftKey('wudu-2020')) ?? 'null') as LocalDraft
const figures = () => screen.getAllByRole('group', { name: /^数字\d+$/ })
const sleep = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)))

describe('card editor', () => {
  it('loads the draft from the server and previews it with the public card and report', async () => {
    const api = fakeApi()
    setup(api)
    expect(((await screen.findByLabelText('妇联名称')) as HTMLInputElement).value).toBe('武都区妇联')
    expect((screen.getByLabelText('行政区划代码') as HTMLInputElement).value).toBe('621202')
    expect(api.calls).toEqual(['card true'])
    expect(screen.getByText(/已发布第2版/)).toBeTruthy()
    const preview = screen.getByLabelText('预览')
    // The feed card (its name) and the report (its section titles) from the draft.
    expect(within(preview).getAllByText('武都区妇联').length).toBeGreaterThan(0)
    expect(within(preview).getByText(wudu.sections[0].title)).toBeTruthy()
    // The preview follows her typing.
    type('妇联名称', '武都区妇女联合会')
    expect(within(preview).getAllByText('武都区妇女联合会').length).toBeGreaterThan(0)
  })

  it('picking a found number makes a figure with its sentence as the quote and the suggested scope', async () => {
    const api = fakeApi()
    const kv = setup(api)
    await screen.findByLabelText('妇联名称')
    const before = figures().length
    await act(async () => fireEvent.click(screen.getByLabelText('找出数字')))
    const found = screen.getAllByRole('group', { name: /^找到的数字/ })
    expect(found).toHaveLength(1)
    // Its sentence, with the number itself marked.
    expect(found[0].querySelector('.wcard__hit')?.textContent).toBe('12万人')
    expect(found[0].textContent).toContain(candidate.sentence)
    await act(async () => fireEvent.click(screen.getByLabelText('选用 12万人')))
    // The scope the server suggests for that sentence is already chosen.
    expect(screen.getByLabelText('范围：累计').getAttribute('aria-checked')).toBe('true')
    expect((screen.getByLabelText('累计范围') as HTMLInputElement).value).toBe('八年累计')
    fireEvent.click(screen.getByLabelText('加入卡片'))
    expect(screen.getByRole('alert').textContent).toContain('请填写这个数字的名称')
    type('数字的名称', '免费筛查妇女')
    fireEvent.click(screen.getByLabelText('所在部分：' + wudu.sections[3].title))
    fireEvent.click(screen.getByLabelText('加入卡片'))
    const now = figures()
    expect(now).toHaveLength(before + 1)
    expect(within(now[before]).getByText(candidate.sentence)).toBeTruthy()
    const added = local(kv).draft.figures.at(-1)
    expect(added).toEqual({
      id: expect.any(String),
      label: '免费筛查妇女',
      value: '12万',
      unit: '人',
      scope: 'total',
      scopeLabel: '八年累计',
      quote: candidate.sentence,
      section: wudu.sections[3].id,
    })
    expect(local(kv).draft.sections[3].order.at(-1)).toBe(added?.id)
  })

  it('a typed figure the server cannot find in the article is refused with its message and not added', async () => {
    const api = fakeApi()
    const kv = setup(api)
    await screen.findByLabelText('妇联名称')
    const before = figures().length
    type('数值', '58.2万')
    type('单位', '户')
    await act(async () => fireEvent.click(screen.getByLabelText('核对并添加')))
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toBe('“58.2万户”在原文里找不到，请核对数值和单位')
    expect(alert.className).toContain('ws__error')
    expect(api.calls).toContain('check 58.2万户')
    expect(figures()).toHaveLength(before)
    expect(screen.queryByLabelText('加入卡片')).toBeNull()
    expect(kv.data.has(draftKey('wudu-2020'))).toBe(true)
    expect(local(kv).draft.figures).toHaveLength(before)
  })

  it('keeps each change on the device at once and saves to the server once after the pause, with the revision', async () => {
    const api = fakeApi()
    const kv = setup(api)
    await screen.findByLabelText('妇联名称')
    type('简介', '一')
    type('简介', '一年')
    expect(local(kv)).toMatchObject({ pending: true, revision: 5 })
    expect(local(kv).draft.summary).toBe('一年')
    expect(screen.getByRole('status').textContent).toBe('正在保存…')
    expect(api.saved).toHaveLength(0)
    await waitFor(() => expect(screen.getByText('已保存')).toBeTruthy())
    expect(api.saved).toHaveLength(1)
    expect(api.saved[0].revision).toBe(5)
    expect(api.saved[0].draft.summary).toBe('一年')
    expect(local(kv)).toMatchObject({ pending: false, revision: 6 })
    // The next save goes with the revision the server gave back.
    type('简介', '一年又一年')
    await waitFor(() => expect(api.saved).toHaveLength(2))
    expect(api.saved[1].revision).toBe(6)
  })

  it('a save refused as stale says so, keeps her copy on the device, and offers the latest', async () => {
    const theirs = { ...serverDraft(), summary: '别人改过的简介' }
    let loads = 0
    const api = fakeApi({
      saveDraft: async () => Promise.reject(new StaleDraftError('别处有更新的版本')),
      card: async () => (loads++ === 0 ? card() : card({ draft: theirs, revision: 9 })),
    })
    const kv = setup(api)
    await screen.findByLabelText('妇联名称')
    type('简介', '我的简介')
    expect(await screen.findByText('别处有更新的版本。你的修改已保存在本机。')).toBeTruthy()
    expect(local(kv)).toMatchObject({ pending: true })
    expect(local(kv).draft.summary).toBe('我的简介')
    await act(async () => fireEvent.click(screen.getByLabelText('载入最新')))
    expect(((await screen.findByLabelText('简介')) as HTMLTextAreaElement).value).toBe('别人改过的简介')
    expect(JSON.parse(kv.data.get(mineKey('wudu-2020')) ?? 'null').draft.summary).toBe('我的简介')
    expect(screen.getByLabelText('用回我的版本')).toBeTruthy()
  })

  it('without network it says the draft is kept on the device, then saves by itself when the network is back', async () => {
    let online = false
    const real = fakeApi()
    const api = fakeApi({
      saveDraft: async (t, d, r) => {
        if (!online) throw new ApiError('network', '网络不太好')
        return real.saveDraft(t, d, r)
      },
    })
    const kv = setup(api)
    await screen.findByLabelText('妇联名称')
    type('简介', '断网时写的')
    expect(await screen.findByText(OFFLINE_MESSAGE)).toBeTruthy()
    expect(local(kv)).toMatchObject({ pending: true })
    online = true
    await waitFor(() => expect(screen.getByText('已保存')).toBeTruthy())
    expect(real.saved[0].draft.summary).toBe('断网时写的')
    expect(local(kv)).toMatchObject({ pending: false })
  })

  it('after a reload, offers back a local draft newer than the server’s and saves it when accepted', async () => {
    const kv = memoryStore()
    const mine = { ...serverDraft(), summary: '还没上传的简介' }
    draftStore(kv).write('wudu-2020', {
      draft: mine,
      revision: 5,
      changedAt: clock.now().toISOString(),
      pending: true,
    })
    // The server's last save, half an hour before hers, written in Beijing time.
    const api = fakeApi({ card: async () => card({ updatedAt: '2026-11-23T09:30:00+08:00' }) })
    setup(api, 'editor', kv)
    expect(await screen.findByText(RESTORE_QUESTION)).toBeTruthy()
    // Nothing to type into until she answers: an edit would write over the copy on offer.
    expect(screen.queryByLabelText('简介')).toBeNull()
    fireEvent.click(screen.getByLabelText('恢复本机草稿'))
    expect((screen.getByLabelText('简介') as HTMLTextAreaElement).value).toBe('还没上传的简介')
    expect(screen.queryByText(RESTORE_QUESTION)).toBeNull()
    await waitFor(() => expect(api.saved).toHaveLength(1))
    expect(api.saved[0]).toMatchObject({ revision: 5, draft: { summary: '还没上传的简介' } })
  })

  it('declining the offer keeps the server’s draft and sets nothing aside', async () => {
    const kv = memoryStore()
    draftStore(kv).write('wudu-2020', {
      draft: { ...serverDraft(), summary: '不要了的简介' },
      revision: 5,
      changedAt: clock.now().toISOString(),
      pending: true,
    })
    const api = fakeApi()
    setup(api, 'editor', kv)
    fireEvent.click(await screen.findByLabelText('不恢复，用服务器上的'))
    expect((screen.getByLabelText('简介') as HTMLTextAreaElement).value).toBe(serverDraft().summary)
    expect(local(kv)).toMatchObject({ pending: false, draft: { summary: serverDraft().summary } })
    expect(kv.data.has(mineKey('wudu-2020'))).toBe(false)
    await sleep(120)
    expect(api.saved).toHaveLength(0)
  })

  it('draws the share poster from the draft, and says when the card has changed since', async () => {
    setup(fakeApi())
    await screen.findByLabelText('妇联名称')
    await act(async () => fireEvent.click(screen.getByLabelText('生成海报预览')))
    expect(screen.getByLabelText('海报预览')).toBeTruthy()
    expect(drawnTexts).toContain('武都区妇联')
    type('妇联名称', '武都区妇女联合会')
    expect(screen.getByText('卡片改过了，点下面的按钮看最新的海报。')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByLabelText('更新海报预览')))
    expect(drawnTexts).toContain('武都区妇女联合会')
    expect(screen.queryByText('卡片改过了，点下面的按钮看最新的海报。')).toBeNull()
  })

  it('does not offer a local copy older than the server’s, and sets it aside instead of dropping it', async () => {
    const kv = memoryStore()
    draftStore(kv).write('wudu-2020', {
      draft: { ...serverDraft(), summary: '很早以前的' },
      revision: 3,
      changedAt: '2026-11-21T02:00:00.000Z',
      pending: true,
    })
    setup(fakeApi(), 'editor', kv)
    await screen.findByLabelText('妇联名称')
    expect(screen.queryByText(RESTORE_QUESTION)).toBeNull()
    expect(JSON.parse(kv.data.get(mineKey('wudu-2020')) ?? 'null').draft.summary).toBe('很早以前的')
    expect(screen.getByLabelText('用回我的版本')).toBeTruthy()
  })

  it('publishes after confirmation; a refused publish shows every problem beside its field', async () => {
    const problems = [
      { field: 'name', message: '妇联名称：不能为空' },
      { field: 'figures[1].quote', message: '第2个数字的原文摘句：在原文里找不到' },
    ]
    let refuse = true
    const api = fakeApi({
      publish: async (_t, rev) => {
        api.calls.push(`publish ${rev}`)
        if (refuse) throw new CardProblemsError('卡片还有2处问题，改好后才能发布', problems, 'name')
        return { version: 3, publishedAt: '2026-11-23T02:00:00.000Z' }
      },
    })
    setup(api)
    await screen.findByLabelText('妇联名称')
    fireEvent.click(screen.getByLabelText('发布'))
    expect(api.calls).not.toContain('publish 5')
    await act(async () => fireEvent.click(screen.getByLabelText('确定发布')))
    expect(api.calls).toContain('publish 5')
    expect(screen.getByText('卡片还有2处问题，改好后才能发布')).toBeTruthy()
    const second = figures()[1]
    expect(within(second).getByText('第2个数字的原文摘句：在原文里找不到')).toBeTruthy()
    expect(within(figures()[0]).queryByText(/原文摘句：在原文里找不到/)).toBeNull()
    const nameField = screen.getByLabelText('妇联名称').parentElement?.nextElementSibling as HTMLElement
    expect(within(nameField).getByText('妇联名称：不能为空')).toBeTruthy()
    refuse = false
    fireEvent.click(screen.getByLabelText('发布'))
    await act(async () => fireEvent.click(screen.getByLabelText('确定发布')))
    expect(await screen.findByText('已发布第3版，公众现在看到的就是这张卡片')).toBeTruthy()
    expect(screen.queryByText('第2个数字的原文摘句：在原文里找不到')).toBeNull()
  })

  it('lists the versions with who published them and restores one after confirmation; unpublishes too', async () => {
    let loads = 0
    const api = fakeApi({
      card: async () =>
        loads++ === 0 ? card() : card({ publishedVersion: 4, draft: { ...serverDraft(), summary: '第1版的简介' } }),
      versions: async () => [
        {
          version: 2,
          publishedAt: '2026-11-20T02:00:00.000Z',
          publishedBy: { id: 1, displayName: '王芳' },
          restoredFrom: 1,
        },
        {
          version: 1,
          publishedAt: '2026-11-10T02:00:00.000Z',
          publishedBy: { id: 2, displayName: '李娜' },
        },
      ],
      restore: async (_t, v) => {
        api.calls.push(`restore ${v}`)
        return { version: 4, publishedAt: '2026-11-23T02:00:00.000Z' }
      },
    })
    setup(api, 'admin')
    await screen.findByLabelText('妇联名称')
    await act(async () => fireEvent.click(screen.getByLabelText('版本记录')))
    const first = screen.getByRole('group', { name: '第1版' })
    expect(first.textContent).toContain('李娜')
    expect(screen.getByRole('group', { name: '第2版' }).textContent).toMatch(/王芳.*（由第1版恢复） · 公开中/)
    fireEvent.click(within(first).getByLabelText('恢复第1版'))
    expect(api.calls).not.toContain('restore 1')
    await act(async () => fireEvent.click(screen.getByLabelText('确定恢复第1版')))
    expect(api.calls).toContain('restore 1')
    expect(await screen.findByText('已恢复第1版，现在公开的是第4版')).toBeTruthy()
    expect((screen.getByLabelText('简介') as HTMLTextAreaElement).value).toBe('第1版的简介')

    fireEvent.click(screen.getByLabelText('取消发布'))
    fireEvent.click(screen.getByLabelText('再想想'))
    expect(api.calls).not.toContain('unpublish')
    fireEvent.click(screen.getByLabelText('取消发布'))
    await act(async () => fireEvent.click(screen.getByLabelText('确定取消发布')))
    expect(api.calls).toContain('unpublish')
    expect(screen.getByText('已取消发布，公众暂时看不到这张卡片')).toBeTruthy()
    expect(screen.queryByLabelText('取消发布')).toBeNull()
  })

  it('an ended session sends her to log in again, with her change still on the device', async () => {
    const api = fakeApi({
      saveDraft: async () => Promise.reject(new ApiError('unauthorized', '登录已过期，请重新登录')),
    })
    const kv = setup(api)
    await screen.findByLabelText('妇联名称')
    type('简介', '过期前写的')
    expect(await screen.findByText('登录已过期，请重新登录')).toBeTruthy()
    expect(screen.getByLabelText('去登录')).toBeTruthy()
    expect(local(kv)).toMatchObject({ pending: true, draft: { summary: '过期前写的' } })
  })

  it('adds, reorders and removes sections, and orders the 3–4 headline figures', async () => {
    const kv = setup(fakeApi())
    await screen.findByLabelText('妇联名称')
    const count = wudu.sections.length
    fireEvent.click(screen.getByLabelText('添加一部分'))
    type(`第${count + 1}部分的标题`, '新的一部分')
    fireEvent.click(screen.getByLabelText(`第${count + 1}部分上移`))
    expect(local(kv).draft.sections.map((x) => x.title)[count - 1]).toBe('新的一部分')
    fireEvent.click(screen.getByLabelText(`删除第1部分`))
    expect(local(kv).draft.sections).toHaveLength(count)
    // Figures of a removed section stay on the card, in no section.
    expect(local(kv).draft.figures.filter((f) => f.section === wudu.sections[0].id)).toEqual([])
    expect(local(kv).draft.figures).toHaveLength(wudu.figures.length)

    const [a, b] = wudu.headlineFigureIds
    fireEvent.click(screen.getByLabelText('首页第2个数字上移'))
    expect(local(kv).draft.headlineFigureIds.slice(0, 2)).toEqual([b, a])
    // Four chosen: a fifth cannot be added until one is taken off.
    const other = wudu.figures.find((f) => !wudu.headlineFigureIds.includes(f.id))
    expect(screen.getByLabelText(`放到首页：${other?.label}`).hasAttribute('disabled')).toBe(true)
    fireEvent.click(screen.getByLabelText(`移出首页：${wudu.figures.find((f) => f.id === a)?.label}`))
    expect(screen.getByText('已选 3 个')).toBeTruthy()
    fireEvent.click(screen.getByLabelText(`放到首页：${other?.label}`))
    expect(local(kv).draft.headlineFigureIds).toEqual([b, ...wudu.headlineFigureIds.slice(2), other?.id])
  })

  it('chooses the hero among the headline figures; taking it off the card leaves the first as hero', async () => {
    const kv = setup(fakeApi())
    await screen.findByLabelText('妇联名称')
    const ids = wudu.headlineFigureIds
    const labelOf = (id: string) => wudu.figures.find((f) => f.id === id)?.label
    const heroAt = ids.indexOf(wudu.heroFigureId!)
    // The shipped hero carries its mark, and has no button to choose it again.
    expect(within(screen.getByRole('group', { name: `首页数字${heroAt + 1}` })).getByText('主打')).toBeTruthy()
    expect(screen.queryByLabelText(`把首页第${heroAt + 1}个数字设为主打：${labelOf(ids[heroAt])}`)).toBeNull()
    fireEvent.click(screen.getByLabelText(`把首页第1个数字设为主打：${labelOf(ids[0])}`))
    expect(local(kv).draft.heroFigureId).toBe(ids[0])
    expect(within(screen.getByRole('group', { name: '首页数字1' })).getByText('主打')).toBeTruthy()
    fireEvent.click(screen.getByLabelText(`移出首页：${labelOf(ids[0])}`))
    expect(local(kv).draft.heroFigureId).toBeUndefined()
    expect(within(screen.getByRole('group', { name: '首页数字1' })).getByText('主打')).toBeTruthy()
  })

  it('查看 sees the card and the preview read-only: no publishing, no picking, nothing saved', async () => {
    const api = fakeApi()
    const kv = setup(api, 'viewer')
    expect(await screen.findByText(READ_ONLY_MESSAGE)).toBeTruthy()
    expect(screen.queryByLabelText('发布')).toBeNull()
    expect(screen.queryByLabelText('找出数字')).toBeNull()
    expect(screen.queryByLabelText('核对并添加')).toBeNull()
    expect(screen.getByLabelText('预览')).toBeTruthy()
    type('简介', '查看也想改')
    await sleep(120)
    expect(api.saved).toHaveLength(0)
    expect(local(kv).pending).toBe(false)
    expect((screen.getByLabelText('简介') as HTMLTextAreaElement).value).toBe(serverDraft().summary)
  })

  it('a 403 on save turns the editor read-only and says why', async () => {
    const api = fakeApi({
      saveDraft: async () => Promise.reject(new ApiError('forbidden', '你的角色不能修改卡片')),
    })
    setup(api, 'editor')
    await screen.findByLabelText('妇联名称')
    type('简介', '试试')
    expect(await screen.findByText(READ_ONLY_MESSAGE)).toBeTruthy()
    expect(screen.getByText(/你的角色不能修改卡片/)).toBeTruthy()
    expect(screen.queryByLabelText('发布')).toBeNull()
  })
})

describe('封面图片 in the card editor', () => {
  const REF = { hash: '0123456789abcdef01234567', width: 750, height: 420 }
  const photo = { path: 'blob:chosen', size: 300_000 }

  it('chooses a photo, shows it with the upload’s progress, and says the new cover is live', async () => {
    let finish: (ref: typeof REF) => void = () => undefined
    const progress: Array<(f: number) => void> = []
    const api = fakeApi({
      uploadCover: (_t, image, onProgress) => {
        expect(image).toBe(photo)
        if (onProgress) progress.push(onProgress)
        return new Promise((resolve) => (finish = resolve))
      },
    })
    setup(api, 'editor', memoryStore(), { choosePhoto: async () => photo })
    expect(await screen.findByText('还没有封面图片：卡片和报告只用主题色。')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByLabelText('选择封面图片')))
    expect(screen.getByLabelText('正在上传的照片')).toBeTruthy()
    act(() => progress[0](0.4))
    expect(screen.getByRole('progressbar', { name: '上传进度' }).getAttribute('aria-valuenow')).toBe('40')
    expect(screen.getByText('正在上传 40%')).toBeTruthy()
    await act(async () => finish(REF))
    expect(screen.getByRole('status').textContent).toContain('封面图片已更新')
    expect(screen.getByLabelText('现在的封面图片')).toBeTruthy()
    // Now it can be replaced or removed.
    expect(screen.getByLabelText('更换封面图片')).toBeTruthy()
    expect(screen.queryByRole('progressbar')).toBeNull()
  })

  it('shows the server’s Chinese refusal and keeps the cover it had; 删除 removes it', async () => {
    const calls: string[] = []
    const api = fakeApi({
      cover: async () => REF,
      uploadCover: async () => {
        calls.push('upload')
        throw new ApiError('invalid', '这张图片打不开，可能已损坏，请换一张')
      },
      removeCover: async () => {
        calls.push('remove')
      },
    })
    setup(api, 'editor', memoryStore(), { choosePhoto: async () => photo })
    expect(await screen.findByLabelText('现在的封面图片')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByLabelText('更换封面图片')))
    expect(screen.getByText('这张图片打不开，可能已损坏，请换一张')).toBeTruthy()
    expect(screen.getByLabelText('现在的封面图片')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByLabelText('删除封面图片')))
    expect(calls).toEqual(['upload', 'remove'])
    expect(screen.getByRole('status').textContent).toContain('已删除封面图片')
    expect(screen.queryByLabelText('现在的封面图片')).toBeNull()
    expect(screen.getByLabelText('选择封面图片')).toBeTruthy()
  })

  it('refuses a file over 5 MB before sending it, and does nothing when she cancels', async () => {
    const sent: string[] = []
    let next: { path: string; size: number } | null = { path: 'blob:big', size: 6 * 1024 * 1024 }
    const api = fakeApi({
      uploadCover: async () => {
        sent.push('upload')
        return REF
      },
    })
    setup(api, 'editor', memoryStore(), { choosePhoto: async () => next })
    await screen.findByText('还没有封面图片：卡片和报告只用主题色。')
    await act(async () => fireEvent.click(screen.getByLabelText('选择封面图片')))
    expect(screen.getByText(/图片不能超过 5 MB/)).toBeTruthy()
    next = null
    await act(async () => fireEvent.click(screen.getByLabelText('选择封面图片')))
    expect(sent).toEqual([])
    expect(screen.queryByText(/图片不能超过 5 MB/)).toBeNull()
  })

  it('查看 sees the cover but has no button to change it', async () => {
    setup(fakeApi({ cover: async () => REF }), 'viewer')
    expect(await screen.findByLabelText('现在的封面图片')).toBeTruthy()
    expect(screen.getByText('你的角色是「查看」，不能更换封面图片。')).toBeTruthy()
    expect(screen.queryByLabelText('更换封面图片')).toBeNull()
    expect(screen.queryByLabelText('删除封面图片')).toBeNull()
  })
})
