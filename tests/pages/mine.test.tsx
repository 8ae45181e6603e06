/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react'
import { calls } from '../support/taro'
import type { Api } from '@/services/api'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import MinePage from '@/pages/mine/index'
import { api } from '@/services'

describe('我的报名 page', () => {
  it('says there are no sign-ups yet', async () => {
    render(<MinePage />)
    expect(await screen.findByText('还没有报名')).toBeTruthy()
    // Not a dead end: a way to the trainings she could sign up for.
    fireEvent.click(screen.getByLabelText('去找培训和活动'))
    expect(calls.navigations).toContain('/pages/feed/index')
  })

  it('lists a sign-up with its status and a masked mobile number', async () => {
    await (api as Api).submitSignup({
      consent: true,
      programId: 'zz-legal-aid',
      sessionId: 'zz-la-1',
      answers: { name: '刘桂兰', mobile: '13800138000', session: 'zz-la-1', kind: '婚姻家庭' },
      idempotencyKey: 'mine-test-1',
    })
    render(<MinePage />)
    expect(await screen.findByText('巾帼普法与免费法律咨询')).toBeTruthy()
    expect(screen.getByText('已报名')).toBeTruthy()
    expect(screen.getByText(/刘桂兰 · 138\*\*\*\*8000/)).toBeTruthy()
    expect(screen.queryByText(/13800138000/)).toBeNull()
  })
})
