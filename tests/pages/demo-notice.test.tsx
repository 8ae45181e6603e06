/** @jest-environment jsdom */
// Demo sessions are said to be demo, in words, on every screen a member sees them: the program
// page, the form, the success page, and 我的报名 (list and detail). Real sign-ups are not marked.
import { render, screen } from '@testing-library/react'
import { DEMO_LABEL, DEMO_TEXT } from '@/components/demo-notice'
import type { Signup } from '@/services/api'
import { SIGNUPS_KEY, type KeyValueStore } from '@/services/mock/mock-api'
import { __reset, router } from '../support/taro'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import ProgramPage from '@/pages/program/index'
import MinePage from '@/pages/mine/index'
import SignupDetailPage from '@/subpackages/signup/detail/index'
import SignupDonePage from '@/subpackages/signup/done/index'
import SignupFormPage from '@/subpackages/signup/form/index'
import { api } from '@/services'
import { useAppStore } from '@/store'

const signUp = () =>
  api.submitSignup({
    consent: true,
    programId: 'zz-legal-aid',
    sessionId: 'zz-la-1',
    answers: { name: '刘桂兰', mobile: '13800138000', kind: '婚姻家庭' },
    idempotencyKey: `demo-${Math.random()}`,
  })

/** The same sign-up as if its session were a real one: the mock data only has demo sessions. */
const makeReal = () => {
  const { store } = jest.requireMock<{ store: KeyValueStore }>('@/services')
  const list = JSON.parse(store.get(SIGNUPS_KEY) ?? '[]') as Signup[]
  store.set(SIGNUPS_KEY, JSON.stringify(list.map((s) => ({ ...s, demo: false }))))
}

beforeEach(async () => {
  __reset()
  useAppStore.getState().resetAll()
  await api.deleteMyData()
})

describe('demo sessions are labelled in words', () => {
  it('on the program page: a banner over the sessions and a badge on each', async () => {
    router.params = { id: 'zz-legal-aid' }
    render(<ProgramPage />)
    expect(await screen.findByText(DEMO_TEXT)).toBeTruthy()
    expect(screen.getAllByText(DEMO_LABEL).length).toBeGreaterThanOrEqual(1)
  })

  it('on the sign-up form', async () => {
    router.params = { programId: 'zz-legal-aid', sessionId: 'zz-la-1' }
    render(<SignupFormPage />)
    expect(await screen.findByText(DEMO_TEXT)).toBeTruthy()
  })

  it('on the success page, which does not ask her to come on time', async () => {
    const signup = await signUp()
    router.params = { id: signup.id }
    render(<SignupDonePage />)
    expect(await screen.findByText('报名成功')).toBeTruthy()
    expect(screen.getByText(DEMO_TEXT)).toBeTruthy()
    expect(screen.queryByText(/请按时参加/)).toBeNull()
  })

  it('in 我的报名, on each row and on the detail page', async () => {
    const signup = await signUp()
    render(<MinePage />)
    expect(await screen.findByText('刘桂兰 · 138****8000')).toBeTruthy()
    expect(screen.getByText(DEMO_LABEL)).toBeTruthy()
    // The row is a link named by what it shows: the program, her status, the demo badge, then 查看详情.
    const row = screen.getByRole('link', {
      name: new RegExp(`^巾帼普法与免费法律咨询.*已报名.*${DEMO_LABEL}.*刘桂兰.*，查看详情$`),
    })
    expect(row).toBeTruthy()
    document.body.innerHTML = ''
    router.params = { id: signup.id }
    render(<SignupDetailPage />)
    expect(await screen.findByText(DEMO_TEXT)).toBeTruthy()
  })
})

describe('a real sign-up is not called a demo', () => {
  it('on the success page, which asks her to come on time', async () => {
    const signup = await signUp()
    makeReal()
    router.params = { id: signup.id }
    render(<SignupDonePage />)
    expect(await screen.findByText(/请按时参加/)).toBeTruthy()
    // Not asked about WeChat messages (H5, the built-in data): the page says nothing about them.
    expect(screen.queryByText(/微信/)).toBeNull()
    expect(screen.queryByText(DEMO_TEXT)).toBeNull()
  })

  it('in 我的报名 and its detail page', async () => {
    const signup = await signUp()
    makeReal()
    render(<MinePage />)
    expect(await screen.findByText('刘桂兰 · 138****8000')).toBeTruthy()
    expect(screen.queryByText(DEMO_LABEL)).toBeNull()
    document.body.innerHTML = ''
    router.params = { id: signup.id }
    render(<SignupDetailPage />)
    expect(await screen.findByText('刘桂兰（138****8000）')).toBeTruthy()
    expect(screen.queryByText(DEMO_TEXT)).toBeNull()
  })
})
