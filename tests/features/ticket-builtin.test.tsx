/** @jest-environment jsdom */
// The built-in data issues no tickets: its sign-up pages show no ticket block. The detail page has no
// visit actions for a demo session; the success page offers only 添加到日历, the reminder it has.
import { render, screen } from '@testing-library/react'
import { __reset, router } from '../support/taro'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import SignupDetailPage from '@/subpackages/signup/detail/index'
import SignupDonePage from '@/subpackages/signup/done/index'
import { env } from '@/config/env'
import { api } from '@/services'

beforeEach(async () => {
  __reset()
  await api.deleteMyData()
})

it.each([
  ['detail', SignupDetailPage],
  ['success', SignupDonePage],
])('the %s page of a built-in sign-up shows no ticket', async (_, Page) => {
  expect(env.apiBase).toBe('')
  const signup = await api.submitSignup({
    programId: 'zz-legal-aid',
    sessionId: 'zz-la-1',
    consent: true,
    idempotencyKey: 'builtin-ticket-1',
    answers: { name: '王芳', mobile: '13800138000', kind: '婚姻家庭', session: 'zz-la-1' },
  })
  expect(signup.status).toBe('confirmed')
  router.params = { id: signup.id }
  render(<Page />)
  await screen.findByText('报名人')
  expect(screen.queryByLabelText('电子票')).toBeNull()
  expect(screen.queryByLabelText('电子票二维码')).toBeNull()
  expect(screen.queryByText(/入场码|电子票/)).toBeNull()
  // With no message templates the calendar is the way to be reminded, on the success page only.
  expect(Boolean(screen.queryByLabelText('添加到日历'))).toBe(Page === SignupDonePage)
  expect(screen.queryByLabelText(/导航|复制地址|打电话/)).toBeNull()
})
