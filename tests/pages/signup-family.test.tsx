/** @jest-environment jsdom */
// The form anyone can finish: family sign-up, counters that stop at the limit, 加入候补 that looks
// different, a duplicate that points to 我的报名, success and waitlist pages with WeUI's icons and a
// calendar instead of a reminder, and 我的报名 by person.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { __reset, calls, router } from '../support/taro'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import SignupFormPage from '@/subpackages/signup/form/index'
import SignupDonePage from '@/subpackages/signup/done/index'
import MinePage from '@/pages/mine/index'
import { api } from '@/services'
import { useAppStore } from '@/store'

const typeInto = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const openForm = async (programId: string, sessionId: string) => {
  router.params = { programId, sessionId }
  render(<SignupFormPage />)
  await screen.findByText('填写约需1分钟。带“必填”的都要填，其他可不填。')
}
const press = async (label: string) => {
  await act(async () => {
    fireEvent.click(screen.getByLabelText(label))
  })
}
const signUp = async (name: string, mobile: string) => {
  await openForm('zz-legal-aid', 'zz-la-1')
  typeInto('姓名', name)
  typeInto('手机号', mobile)
  fireEvent.click(screen.getByLabelText('婚姻家庭'))
  fireEvent.click(screen.getByLabelText('我已阅读并同意隐私说明'))
  await press('提交报名')
}
const redirectedId = () => new URL(`http://x${calls.redirects.at(-1)}`).searchParams.get('id') ?? ''

beforeEach(async () => {
  __reset()
  useAppStore.getState().resetAll()
  await api.deleteMyData()
  document.body.innerHTML = ''
})

describe('the form', () => {
  it('says family sign-up is allowed, near the top', async () => {
    await openForm('zz-legal-aid', 'zz-la-1')
    expect(screen.getByText('可以为家人报名，每人填一份。')).toBeTruthy()
  })

  it('counts typed text as the validator does and stops at the limit', async () => {
    await openForm('zz-live-farm', 'zz-lf-1')
    expect(screen.getByText('0/40')).toBeTruthy()
    typeInto('主要农产品', '茶叶、黄桃')
    expect(screen.getByText('5/40')).toBeTruthy()
    typeInto('姓名', '王𠈌'.repeat(20))
    // A rare character counts as one: 30 characters kept, and the counter says the limit is reached.
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('王𠈌'.repeat(15))
    expect(screen.getByText('30/30，已到字数上限')).toBeTruthy()
  })

  it('asks to choose a region from its list', async () => {
    await openForm('zz-live-farm', 'zz-lf-1')
    await press('提交报名')
    expect(screen.getAllByText('请选择所在县市区').length).toBeGreaterThan(0)
  })

  it('says 加入候补 for a full session, and how an online session is joined', async () => {
    await openForm('zz-live-farm', 'zz-lf-2')
    expect(screen.getByLabelText('加入候补').className).toContain('signup__submit--wait')
    expect(screen.queryByLabelText('提交报名')).toBeNull()
    expect(screen.getByText(/线上参加：会议号或链接由主办方在开课前另行告诉您/)).toBeTruthy()
    // Another, open session: 提交报名 again, in the primary style.
    fireEvent.click(screen.getByLabelText(/助农直播实操/))
    expect(screen.getByLabelText('提交报名').className).not.toContain('signup__submit--wait')
  })

  it('points a duplicate to 我的报名', async () => {
    await signUp('刘桂兰', '13900139000')
    document.body.innerHTML = ''
    await signUp('刘桂兰', '139-0013-9000')
    expect(screen.getAllByText('刘桂兰 已经报名了这个场次，不用重复报名').length).toBeGreaterThan(0)
    fireEvent.click(screen.getByRole('link', { name: '查看我的报名' }))
    expect(calls.navigations.at(-1)).toBe('/pages/mine/index')
  })
})

describe('the success page', () => {
  it('confirmed: WeUI’s success icon, 添加到日历, and 再帮家人报名 opens a form with session and mobile kept', async () => {
    await signUp('刘桂兰', '13900139000')
    router.params = { id: redirectedId() }
    document.body.innerHTML = ''
    const { container } = render(<SignupDonePage />)
    await screen.findByText('报名成功')
    expect(container.querySelector('[data-icon="success"]')).toBeTruthy()
    expect(container.querySelector('[data-icon="waiting"]')).toBeNull()
    expect(screen.getByLabelText('添加到日历')).toBeTruthy()
    expect(container.textContent).not.toMatch(/[✓√⏳]/)
    fireEvent.click(screen.getByLabelText('再帮家人报名'))
    expect(calls.redirects.at(-1)).toBe('/subpackages/signup/form/index?programId=zz-legal-aid&sessionId=zz-la-1')
    expect(useAppStore.getState().drafts['zz-legal-aid'].answers).toEqual({ session: 'zz-la-1', mobile: '13900139000' })
  })

  it('waitlisted: 已加入候补 with WeUI’s waiting icon, and no calendar for a seat she has not got', async () => {
    await openForm('zz-live-farm', 'zz-lf-2')
    typeInto('姓名', '王芳')
    typeInto('手机号', '13800138000')
    fireEvent.click(screen.getByLabelText('荷塘区'))
    typeInto('主要农产品', '黄桃')
    fireEvent.click(screen.getByLabelText('我已阅读并同意隐私说明'))
    await press('加入候补')
    router.params = { id: redirectedId() }
    document.body.innerHTML = ''
    const { container } = render(<SignupDonePage />)
    await screen.findByText(/^已加入候补，第1位$/)
    expect(container.querySelector('[data-icon="waiting"]')).toBeTruthy()
    expect(container.querySelector('[data-icon="success"]')).toBeNull()
    expect(screen.queryByLabelText('添加到日历')).toBeNull()
    fireEvent.click(screen.getByLabelText('再帮家人报名'))
    expect(useAppStore.getState().drafts['zz-live-farm'].answers).toEqual({
      session: 'zz-lf-2',
      mobile: '13800138000',
      district: '荷塘区',
    })
  })
})

describe('我的报名', () => {
  it('groups sign-ups by person, 本人 first, and keeps 大字模式 when everything is deleted', async () => {
    await signUp('刘桂兰', '13900139000')
    document.body.innerHTML = ''
    await signUp('王秀英', '13900139000')
    document.body.innerHTML = ''
    useAppStore.getState().setLargeFont(true)
    render(<MinePage />)
    const self = await screen.findByRole('group', { name: '本人：刘桂兰' })
    const family = screen.getByRole('group', { name: '家人：王秀英' })
    expect(self.textContent).toContain('刘桂兰 · 139****9000')
    expect(family.textContent).toContain('王秀英 · 139****9000')
    expect(self.compareDocumentPosition(family) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    await press('删除我的全部数据')
    expect(await screen.findByText('还没有报名')).toBeTruthy()
    expect(useAppStore.getState().largeFont).toBe(true)
  })
})
