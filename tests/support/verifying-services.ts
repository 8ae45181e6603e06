// `@/services` as H5 with a server has it: the built-in data behind an Api that books only for a
// verified mobile, with a fake SMS desk that answers as the server's contract says.
import { maskMobile } from '@/domain/mobile'
import { ApiError, type Api, type VerifiedBooker } from '@/services/api'
import { createMockApi } from '@/services/mock/mock-api'
import { contentFiles } from './content-files'
import { memoryStore } from './memory-store'

export const smsDesk = {
  /** Numbers a code was sent to, in order. */
  sent: [] as string[],
  /** The code every SMS carries. */
  code: '123456',
  /** The next send or check is refused with this. */
  refuseSend: undefined as ApiError | undefined,
  refuseCheck: undefined as ApiError | undefined,
  /** The verified booker this phone keeps (the token in storage, as the HTTP Api keeps it). */
  booker: null as VerifiedBooker | null,
  checks: 0,
  reset() {
    this.sent = []
    this.code = '123456'
    this.refuseSend = undefined
    this.refuseCheck = undefined
    this.booker = null
    this.checks = 0
  },
}

export function makeVerifyingServices() {
  const store = memoryStore()
  const base = createMockApi({ files: contentFiles, store })
  const api: Api = {
    ...base,
    async submitSignup(request) {
      if (!smsDesk.booker) throw new ApiError('verify_required', '请先验证手机号再报名', 'mobile')
      return base.submitSignup(request)
    },
    verification: {
      verified: () => smsDesk.booker,
      async sendCode(mobile) {
        const refused = smsDesk.refuseSend
        smsDesk.refuseSend = undefined
        if (refused) throw refused
        smsDesk.sent.push(mobile)
        return { resendAfterSeconds: 60, expiresInSeconds: 300 }
      },
      async checkCode(mobile, code) {
        smsDesk.checks++
        const refused = smsDesk.refuseCheck
        smsDesk.refuseCheck = undefined
        if (refused) throw refused
        if (code !== smsDesk.code) throw new ApiError('invalid', '验证码不对，请再看一下短信', 'code')
        smsDesk.booker = { mobile: maskMobile(mobile), expiresAt: '2026-12-23T02:00:00.000Z' }
        return smsDesk.booker
      },
    },
  }
  return { store, api }
}
