/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { __reset, calls, router } from '../support/taro'
import { serviceControl } from '../support/mock-services'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import SignupFormPage from '@/subpackages/signup/form/index'
import MinePage from '@/pages/mine/index'
import { api } from '@/services'
import { SIGNUPS_KEY } from '@/services/mock/mock-api'
import { TICKETS_KEY } from '@/features/signup/ticket-cache'
import { storage } from '@/platform'
import { useAppStore } from '@/store'

const typeInto = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const openForm = async () => {
  router.params = { programId: 'zz-legal-aid', sessionId: 'zz-la-1' }
  render(<SignupFormPage />)
  await screen.findByText('填写约需1分钟。带“必填”的都要填，其他可不填。')
}
const fillValid = () => {
  typeInto('姓名', '王芳')
  typeInto('手机号', '138 0013 8000')
  fireEvent.click(screen.getByLabelText('婚姻家庭'))
  fireEvent.click(screen.getByLabelText('我已阅读并同意隐私说明'))
}
const submit = async () => {
  await act(async () => {
    fireEvent.click(screen.getByLabelText('提交报名'))
  })
}

beforeEach(async () => {
  __reset()
  serviceControl.fail = false
  useAppStore.getState().resetAll()
  await api.deleteMyData()
})

describe('sign-up form', () => {
  it('renders the fields declared in the data, with the chosen session filled in', async () => {
    await openForm()
    for (const label of ['姓名', '手机号', '咨询方向', '简单说说情况'])
      expect(screen.getAllByText(new RegExp(label)).length).toBeGreaterThan(0)
    expect(screen.getByLabelText(/法律咨询日 · 11月26日 周四 09:00/).getAttribute('aria-checked')).toBe('true')
  })

  it('books on the phone with the built-in data: no mobile verification step', async () => {
    await openForm()
    expect(api.verification).toBeUndefined()
    expect(screen.queryByText(/第一次报名需要验证手机号/)).toBeNull()
    expect(screen.queryByLabelText('获取验证码')).toBeNull()
    expect(screen.queryByLabelText('短信验证码')).toBeNull()
    fillValid()
    await submit()
    expect(await api.listMySignups()).toHaveLength(1)
  })

  it('shows every error beside its field and in a summary, scrolls to the first, and stores nothing', async () => {
    await openForm()
    await submit()
    expect(screen.getByText('有 4 处需要修改：')).toBeTruthy()
    expect(screen.getAllByText('请填写姓名')).toHaveLength(1)
    expect(calls.scrolls).toEqual(['#field-name'])
    expect(await api.listMySignups()).toEqual([])
  })

  it('keeps what she typed as a draft across leaving and coming back', async () => {
    await openForm()
    typeInto('姓名', '王芳')
    typeInto('手机号', '1380013')
    expect(useAppStore.getState().drafts['zz-legal-aid'].answers).toMatchObject({ name: '王芳', mobile: '1380013' })
    // Leave and come back: a fresh page shows the draft.
    document.body.innerHTML = ''
    await openForm()
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('王芳')
    expect((screen.getByLabelText('手机号') as HTMLInputElement).value).toBe('1380013')
  })

  it('submits a valid form once, however often the button is tapped, then clears the draft', async () => {
    await openForm()
    fillValid()
    await act(async () => {
      const button = screen.getByLabelText('提交报名')
      fireEvent.click(button)
      fireEvent.click(button)
      fireEvent.click(button)
    })
    const mine = await api.listMySignups()
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ name: '王芳', mobile: '13800138000', status: 'confirmed' })
    expect(calls.redirects).toEqual([`/subpackages/signup/done/index?id=${mine[0].id}`])
    expect(useAppStore.getState().drafts['zz-legal-aid']).toBeUndefined()
  })

  it('says when storage is full and keeps everything she typed', async () => {
    await openForm()
    fillValid()
    const { store } = jest.requireMock<{ store: { full: boolean } }>('@/services')
    store.full = true
    await submit()
    expect(screen.getByRole('alert').textContent).toContain('手机存储空间不足')
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('王芳')
    expect((screen.getByLabelText('手机号') as HTMLInputElement).value).toBe('138 0013 8000')
    store.full = false
    await submit()
    expect(await api.listMySignups()).toHaveLength(1)
  })

  it('keeps the form when the network fails', async () => {
    await openForm()
    fillValid()
    serviceControl.fail = true
    await submit()
    expect(screen.getByRole('alert').textContent).toContain('网络不太好')
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('王芳')
  })

  it('names the field when the same person signs up twice', async () => {
    await openForm()
    fillValid()
    await submit()
    document.body.innerHTML = ''
    await openForm()
    fillValid()
    await submit()
    expect(screen.getAllByText(/王芳 已经报名了这个场次/).length).toBeGreaterThan(0)
  })
})

describe('a county field without a list', () => {
  it('is typed in, and checked like any text', async () => {
    router.params = { programId: 'wd-two-cancers', sessionId: 'wd-tc-1' }
    render(<SignupFormPage />)
    await screen.findByText('填写约需1分钟。带“必填”的都要填，其他可不填。')
    typeInto('所在乡镇（街道）', '东江镇<b>')
    await submit()
    expect(screen.getAllByText(/所在乡镇（街道）里请不要用 < > 符号/).length).toBeGreaterThan(0)
    typeInto('年龄', '70')
    await submit()
    expect(screen.getAllByText(/年龄应在25到69之间/).length).toBeGreaterThan(0)
  })
})

describe('numbers and names as phones type them', () => {
  const openTwoCancers = async () => {
    router.params = { programId: 'wd-two-cancers', sessionId: 'wd-tc-1' }
    render(<SignupFormPage />)
    await screen.findByText('填写约需1分钟。带“必填”的都要填，其他可不填。')
  }

  it('opens the phone keypad for the mobile and the number keypad for the age, as text inputs', async () => {
    await openTwoCancers()
    const mobile = screen.getByLabelText('手机号')
    const age = screen.getByLabelText('年龄')
    // Text, not type="number": a browser would drop "１３８ ００１３" or "+86" from a number input.
    expect([mobile.getAttribute('type'), mobile.getAttribute('inputmode')]).toEqual(['text', 'tel'])
    expect([age.getAttribute('type'), age.getAttribute('inputmode')]).toEqual(['text', 'numeric'])
    expect(screen.getByLabelText('姓名').getAttribute('inputmode')).toBeNull()
  })

  it('accepts a rare-character name, a full-width mobile and age, and stores them plain', async () => {
    await openTwoCancers()
    typeInto('姓名', '王𠈌')
    typeInto('手机号', '＋８６ １３８ ００１３ ８０００')
    typeInto('所在乡镇（街道）', '东江镇')
    typeInto('年龄', '４５')
    fireEvent.click(screen.getByLabelText('我已阅读并同意隐私说明'))
    await submit()
    const mine = await api.listMySignups()
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ name: '王𠈌', mobile: '13800138000' })
    const { store } = jest.requireMock<{ store: { get(k: string): string | null } }>('@/services')
    const stored = JSON.parse(store.get(SIGNUPS_KEY) ?? '[]') as Array<{ answers: Record<string, unknown> }>
    expect(stored[0].answers).toMatchObject({ name: '王𠈌', mobile: '13800138000', age: 45 })
  })

  it('still refuses letters in a mobile, in Chinese, beside the field', async () => {
    await openTwoCancers()
    typeInto('手机号', '138OO138000')
    await submit()
    expect(screen.getAllByText('手机号只能填数字')).toHaveLength(1)
  })
})

describe('我的报名 with sign-ups', () => {
  it('lists them with status and masked mobile, and deletes all data on request', async () => {
    await api.submitSignup({
      consent: true,
      programId: 'zz-legal-aid',
      sessionId: 'zz-la-1',
      answers: { name: '刘桂兰', mobile: '13800138000', kind: '其他' },
      idempotencyKey: 'a',
    })
    useAppStore.getState().setDraftField('cd-live-commerce', 'name', '草稿')
    render(<MinePage />)
    expect(await screen.findByText('刘桂兰 · 138****8000')).toBeTruthy()
    expect(screen.getByText('已报名')).toBeTruthy()
    fireEvent.click(screen.getByRole('link', { name: /已报名.*示例场次.*刘桂兰.*查看详情/ }))
    expect(calls.navigations.at(-1)).toMatch(/^\/subpackages\/signup\/detail\/index\?id=/)
    // A ticket kept on the phone from a server's answer goes with everything else.
    storage.set(TICKETS_KEY, '[{"id":"su-1","ticket":{"token":"t1.su-1.x","code":"K7M9QX"}}]')
    await act(async () => {
      fireEvent.click(screen.getByLabelText('删除我的全部数据'))
    })
    expect(await screen.findByText('还没有报名')).toBeTruthy()
    expect(await api.listMySignups()).toEqual([])
    expect(useAppStore.getState().drafts).toEqual({})
    expect(storage.get(TICKETS_KEY)).toBeNull()
  })
})
