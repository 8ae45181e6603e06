/** @jest-environment jsdom */
// The detail page's cancel button follows the one canCancel rule, and so does the service behind it.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { setClock } from '@/shared/clock'
import { __reset, calls, router } from '../support/taro'
import { TEST_NOW } from '../support/clock'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import SignupDetailPage from '@/subpackages/signup/detail/index'
import { api } from '@/services'

let restoreClock = () => undefined as void
beforeEach(async () => {
  __reset()
  await api.deleteMyData()
})
afterEach(() => restoreClock())

/** A sign-up for 律师坐班咨询, which starts 2026-11-26 09:00 Beijing time. */
async function signUp() {
  const signup = await api.submitSignup({
    programId: 'zz-legal-aid',
    sessionId: 'zz-la-1',
    consent: true,
    idempotencyKey: 'detail-test-1',
    answers: { name: '王芳', mobile: '13800138000', kind: '婚姻家庭', session: 'zz-la-1' },
  })
  expect(signup.sessionStart).toBe('2026-11-26T09:00:00+08:00')
  router.params = { id: signup.id }
  return signup
}
const at = (iso: string) => (restoreClock = setClock(() => new Date(iso)))

describe('signup detail', () => {
  it('links to its program', async () => {
    await signUp()
    render(<SignupDetailPage />)
    fireEvent.click(await screen.findByLabelText('查看培训：巾帼普法与免费法律咨询'))
    expect(calls.navigations).toEqual(['/pages/program/index?id=zz-legal-aid'])
  })

  it('offers cancel before the session starts', async () => {
    await signUp()
    render(<SignupDetailPage />)
    const button = await screen.findByLabelText('取消这个报名')
    await act(async () => void fireEvent.click(button))
    expect(calls.toasts).toEqual(['已取消报名'])
    expect(await screen.findByText('这个报名已经取消。')).toBeTruthy()
    expect((await api.listMySignups())[0].status).toBe('cancelled')
  })

  it('says why there is no cancel once the session has started', async () => {
    await signUp()
    at('2026-11-26T09:00:00+08:00')
    render(<SignupDetailPage />)
    expect(await screen.findByText('活动已经开始，不能再取消报名了')).toBeTruthy()
    expect(screen.queryByLabelText('取消这个报名')).toBeNull()
  })

  it('is refused by the service when the session starts while the page is open', async () => {
    await signUp()
    expect(TEST_NOW.getTime()).toBeLessThan(Date.parse('2026-11-26T09:00:00+08:00'))
    render(<SignupDetailPage />)
    const button = await screen.findByLabelText('取消这个报名')
    at('2026-11-26T09:30:00+08:00')
    await act(async () => void fireEvent.click(button))
    expect(calls.toasts).toEqual(['活动已经开始，不能再取消报名了'])
    expect((await api.listMySignups())[0].status).toBe('confirmed')
  })
})
