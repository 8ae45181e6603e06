/** @jest-environment jsdom */
// 提交报名 in the mini-program with subscribe templates configured: WeChat's request is made in the
// tap itself, before anything is awaited; what she accepted goes with the sign-up, and the success
// page is told; refusing everything still signs her up.
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { SubscribeAnswer } from '@/platform/subscribe'
import { __reset, calls, router } from '../support/taro'

jest.mock('@/config/env', () => ({
  env: {
    apiBase: 'https://api.example.cn',
    h5Origin: '',
    operator: '某市妇联',
    operatorContact: '0551-12345678',
    weChatTemplates: 'promoted=tplPromoted0001,session_changed=tplChanged00001,reminder=tplReminder0001',
  },
}))
jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)
const answer: { next: SubscribeAnswer } = { next: { status: 'unavailable' } }
jest.mock('@/platform/subscribe', () => ({
  askSubscriptions: jest.fn(() => Promise.resolve(answer.next)),
}))

import { askSubscriptions } from '@/platform/subscribe'
import SignupDonePage from '@/subpackages/signup/done/index'
import SignupFormPage from '@/subpackages/signup/form/index'
import { api } from '@/services'
import { useAppStore } from '@/store'

const ask = askSubscriptions as jest.MockedFunction<typeof askSubscriptions>

beforeEach(async () => {
  __reset()
  ask.mockClear()
  useAppStore.getState().resetAll()
  await api.deleteMyData()
})

async function fillAndSubmit() {
  router.params = { programId: 'zz-legal-aid', sessionId: 'zz-la-1' }
  render(<SignupFormPage />)
  await screen.findByLabelText('提交报名')
  fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王芳' } })
  fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800138000' } })
  fireEvent.click(screen.getByLabelText('婚姻家庭'))
  fireEvent.click(screen.getByLabelText('我已阅读并同意隐私说明'))
  await act(async () => void fireEvent.click(screen.getByLabelText('提交报名')))
}

it('asks for the three templates in the tap, before the first await, and sends what she accepted', async () => {
  answer.next = { status: 'answered', accepted: ['promoted', 'reminder'] }
  const random = jest.spyOn(globalThis.crypto, 'getRandomValues')
  const sent = jest.spyOn(api, 'submitSignup')
  await fillAndSubmit()
  expect(ask).toHaveBeenCalledTimes(1)
  expect(ask.mock.calls[0][0].map((t) => t.id)).toEqual(['tplPromoted0001', 'tplChanged00001', 'tplReminder0001'])
  // The idempotency key is the first thing awaited: the request came before it.
  expect(ask.mock.invocationCallOrder[0]).toBeLessThan(random.mock.invocationCallOrder[0])
  expect(sent.mock.calls[0][0].subscribed).toEqual(['promoted', 'reminder'])
  expect(calls.redirects[0]).toMatch(/^\/subpackages\/signup\/done\/index\?id=.+&notices=promoted\.reminder$/)
})

it('she refuses them all: the sign-up still goes, with nothing accepted, and the success page is told', async () => {
  answer.next = { status: 'answered', accepted: [] }
  const sent = jest.spyOn(api, 'submitSignup')
  await fillAndSubmit()
  expect(sent).toHaveBeenCalledTimes(1)
  expect(sent.mock.calls[0][0]).not.toHaveProperty('subscribed')
  expect(await api.listMySignups()).toHaveLength(1)
  expect(calls.redirects[0]).toMatch(/&notices=none$/)
})

it('a form with errors asks nothing', async () => {
  router.params = { programId: 'zz-legal-aid', sessionId: 'zz-la-1' }
  render(<SignupFormPage />)
  await screen.findByLabelText('提交报名')
  await act(async () => void fireEvent.click(screen.getByLabelText('提交报名')))
  expect(ask).not.toHaveBeenCalled()
})

it('the success page says plainly which WeChat messages she will not get', async () => {
  answer.next = { status: 'answered', accepted: ['promoted', 'session_changed'] }
  await fillAndSubmit()
  const url = new URL(calls.redirects[0], 'https://x')
  document.body.innerHTML = ''
  router.params = Object.fromEntries(url.searchParams)
  render(<SignupDonePage />)
  expect(await screen.findByText(/你没有允许“开课提醒”的微信消息/)).toBeTruthy()
  document.body.innerHTML = ''
  router.params = { ...router.params, notices: 'none' }
  render(<SignupDonePage />)
  expect(await screen.findByText(/所以不会收到微信提醒/)).toBeTruthy()
})
