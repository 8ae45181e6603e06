/** @jest-environment jsdom */
// The sign-up form with a server on H5: the first booking verifies her mobile by SMS, then books.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { __reset, router } from '../support/taro'
import { TEST_NOW } from '../support/clock'
import { smsDesk } from '../support/verifying-services'

jest.mock('@/services', () =>
  jest
    .requireActual<typeof import('../support/verifying-services')>('../support/verifying-services')
    .makeVerifyingServices(),
)

import SignupFormPage from '@/subpackages/signup/form/index'
import { api } from '@/services'
import { ApiError } from '@/services/api'
import { setClock } from '@/shared/clock'
import { useAppStore } from '@/store'

const WHY = '为防止名额被恶意抢占，第一次报名需要验证手机号'
const typeInto = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value
const tap = (label: string) => act(async () => void fireEvent.click(screen.getByLabelText(label)))
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
const errorBeside = (field: string) => document.querySelector(`#field-${field} .field__error`)?.textContent

beforeEach(async () => {
  __reset()
  smsDesk.reset()
  useAppStore.getState().resetAll()
  await api.deleteMyData()
})

describe('verifying her mobile before the first booking', () => {
  it('shows the block with the form’s mobile filled in, a numeric one-time-code input of 6 digits', async () => {
    await openForm()
    expect(screen.getByText(new RegExp(WHY))).toBeTruthy()
    typeInto('手机号', '13800138000')
    expect(value('接收验证码的手机号')).toBe('13800138000')
    const code = screen.getByLabelText('短信验证码')
    expect([code.getAttribute('inputmode'), code.getAttribute('autocomplete'), code.getAttribute('maxlength')]).toEqual(
      ['numeric', 'one-time-code', '6'],
    )
    // Editable: a cadre receives the code on her own phone; the form's 手机号 stays the elder's.
    typeInto('接收验证码的手机号', '13900139000')
    expect([value('接收验证码的手机号'), value('手机号')]).toEqual(['13900139000', '13800138000'])
  })

  it('books nothing without a code, and says to get one first', async () => {
    await openForm()
    fillValid()
    await tap('提交报名')
    expect(errorBeside('verify-code')).toBe('请先点“获取验证码”，再填写短信里的6位验证码')
    expect(smsDesk.checks).toBe(0)
    expect(await api.listMySignups()).toEqual([])
  })

  it('on 提交报名 checks the code, then books, and the block becomes one line', async () => {
    await openForm()
    fillValid()
    await tap('获取验证码')
    expect(smsDesk.sent).toEqual(['13800138000'])
    expect(screen.getByText('验证码已发到 138****8000，5分钟内有效。')).toBeTruthy()
    typeInto('短信验证码', '１２３ ４５６')
    expect(value('短信验证码')).toBe('123456')
    await tap('提交报名')
    const mine = await api.listMySignups()
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ name: '王芳', mobile: '13800138000' })
    expect(smsDesk.booker?.mobile).toBe('138****8000')
  })

  it('once verified shows “已验证手机 138****8000” instead of the block, in any program', async () => {
    smsDesk.booker = { mobile: '138****8000', expiresAt: '2026-12-23T02:00:00.000Z' }
    router.params = { programId: 'wd-two-cancers', sessionId: 'wd-tc-1' }
    render(<SignupFormPage />)
    await screen.findByText('填写约需1分钟。带“必填”的都要填，其他可不填。')
    expect(screen.getByText('已验证手机 138****8000')).toBeTruthy()
    expect(screen.queryByText(new RegExp(WHY))).toBeNull()
    expect(screen.queryByLabelText('获取验证码')).toBeNull()
  })

  it('shows a wrong code’s message beside the code and keeps every field', async () => {
    await openForm()
    fillValid()
    await tap('获取验证码')
    typeInto('短信验证码', '000000')
    await tap('提交报名')
    expect(errorBeside('verify-code')).toBe('验证码不对，请再看一下短信')
    expect([value('姓名'), value('手机号'), value('短信验证码')]).toEqual(['王芳', '138 0013 8000', '000000'])
    expect(screen.getByLabelText('婚姻家庭').getAttribute('aria-checked')).toBe('true')
    expect(await api.listMySignups()).toEqual([])
    // She corrects it: the message goes as she types, and the next submit books.
    typeInto('短信验证码', '123456')
    expect(errorBeside('verify-code')).toBeUndefined()
    await tap('提交报名')
    expect(await api.listMySignups()).toHaveLength(1)
  })

  it.each([
    ['expired', new ApiError('invalid', '验证码已过期，请重新获取', 'code')],
    ['too many tries', new ApiError('invalid', '错误次数太多，请重新获取验证码')],
  ])('says when the code is %s', async (_, refusal) => {
    await openForm()
    fillValid()
    await tap('获取验证码')
    typeInto('短信验证码', '123456')
    smsDesk.refuseCheck = refusal
    await tap('提交报名')
    expect(errorBeside('verify-code')).toBe(`${refusal.message}`)
    expect(value('姓名')).toBe('王芳')
  })

  it('shows a send refusal with its wait, and a bad number beside the number', async () => {
    await openForm()
    typeInto('接收验证码的手机号', '1380013')
    await tap('获取验证码')
    expect(errorBeside('verify-mobile')).toBe('请填写11位手机号')
    expect(smsDesk.sent).toEqual([])
    typeInto('接收验证码的手机号', '13800138000')
    smsDesk.refuseSend = new ApiError('rate_limited', '验证码已发送，请42秒后再试')
    await tap('获取验证码')
    expect(errorBeside('verify-code')).toBe('验证码已发送，请42秒后再试')
    expect(errorBeside('verify-mobile')).toBeUndefined()
  })

  it('counts down from the server’s 60 seconds by the app clock before another code may be asked', async () => {
    let now = TEST_NOW.getTime()
    const restore = setClock(() => new Date(now))
    try {
      await openForm()
      typeInto('接收验证码的手机号', '13800138000')
      jest.useFakeTimers()
      await tap('获取验证码')
      expect(screen.getByLabelText('60秒后可重新获取')).toBeTruthy()
      const pass = (ms: number) =>
        act(() => {
          now += ms
          jest.advanceTimersByTime(ms)
        })
      pass(2000)
      const button = screen.getByLabelText('58秒后可重新获取')
      expect(button.textContent).toBe('58秒后可重新获取')
      expect(button.getAttribute('disabled')).not.toBeNull()
      // Tapping while it counts sends nothing.
      fireEvent.click(button)
      expect(smsDesk.sent).toHaveLength(1)
      pass(58_000)
      await tap('重新获取验证码')
      expect(smsDesk.sent).toEqual(['13800138000', '13800138000'])
    } finally {
      jest.useRealTimers()
      restore()
    }
  })

  it('after a 401 verify_required shows the block again with every field kept', async () => {
    smsDesk.booker = { mobile: '138****8000', expiresAt: '2026-12-23T02:00:00.000Z' }
    await openForm()
    fillValid()
    expect(screen.getByText('已验证手机 138****8000')).toBeTruthy()
    // The server no longer takes the kept token; the Api forgets it.
    smsDesk.booker = null
    await tap('提交报名')
    expect(screen.queryByText(/已验证手机/)).toBeNull()
    expect(screen.getByText(new RegExp(WHY))).toBeTruthy()
    expect(errorBeside('verify-code')).toBe('请先验证手机号再报名')
    expect(errorBeside('mobile')).toBeUndefined()
    expect([value('姓名'), value('手机号'), value('接收验证码的手机号')]).toEqual([
      '王芳',
      '138 0013 8000',
      '138 0013 8000',
    ])
    await tap('获取验证码')
    typeInto('短信验证码', '123456')
    await tap('提交报名')
    expect(await api.listMySignups()).toHaveLength(1)
  })
})
