/** @jest-environment jsdom */
// The sign-up's idempotency key: cryptographically random, made once per form and kept for retries.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { __reset, router } from '../support/taro'
import { serviceControl } from '../support/mock-services'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import SignupFormPage from '@/subpackages/signup/form/index'
import { api } from '@/services'
import { useAppStore } from '@/store'

beforeEach(async () => {
  __reset()
  serviceControl.fail = false
  useAppStore.getState().resetAll()
  await api.deleteMyData()
})

it('sends one random key for a form, the same again when she retries after a network failure', async () => {
  const random = jest.spyOn(globalThis.crypto, 'getRandomValues')
  const sent = jest.spyOn(api, 'submitSignup')
  router.params = { programId: 'zz-legal-aid', sessionId: 'zz-la-1' }
  render(<SignupFormPage />)
  await screen.findByLabelText('提交报名')
  fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王芳' } })
  fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13800138000' } })
  fireEvent.click(screen.getByLabelText('婚姻家庭'))
  fireEvent.click(screen.getByLabelText('我已阅读并同意隐私说明'))
  const submit = () => act(async () => void fireEvent.click(screen.getByLabelText('提交报名')))

  serviceControl.fail = true
  await submit()
  serviceControl.fail = false
  await submit()

  const keys = sent.mock.calls.map(([request]) => request.idempotencyKey)
  expect(keys).toHaveLength(2)
  expect(keys[0]).toMatch(/^k-[0-9a-f]{32}$/)
  expect(keys[1]).toBe(keys[0])
  expect(random).toHaveBeenCalledTimes(1)
  expect(await api.listMySignups()).toHaveLength(1)
})
