// Text messages with verification codes: the development stand-in (kept in memory and logged,
// nothing sent) and a plain HTTP gateway for deployments. Which one runs is config.ts's `sms`.
import { maskMobile } from '../../src/domain/mobile'

export interface SmsSender {
  /** Sends `text` to `mobile` (11 digits); throws when the message did not go out. */
  send(mobile: string, text: string): Promise<void>
}

/** The message with a code in it: the one wording every sender sends. */
export const codeText = (code: string, minutes: number) =>
  `【巾帼年终盘点】您的报名验证码是 ${code}，${minutes}分钟内有效。请勿告诉他人。`

export interface DevMessage {
  mobile: string
  code: string
  sentAt: Date
}

/**
 * Development stand-in: nothing is sent. The last code per mobile stays in memory for the
 * development endpoint (GET /api/dev/sms/latest) and is written to the log.
 */
export class DevSmsSender implements SmsSender {
  private readonly messages = new Map<string, DevMessage>()
  private log: (line: string) => void = () => undefined

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Where the stand-in writes each message (the server's log, once the app exists). */
  logTo(log: (line: string) => void): void {
    this.log = log
  }

  /** Other messages (notices), the last hundred, for tests. */
  readonly notices: Array<{ mobile: string; text: string }> = []

  async send(mobile: string, text: string): Promise<void> {
    const code = text.includes('验证码') ? /\d{6}/.exec(text)?.[0] : undefined
    if (!code) {
      // A notice: it must not take the place of her last code.
      this.notices.push({ mobile, text })
      if (this.notices.length > 100) this.notices.splice(0, this.notices.length - 100)
      this.log(`开发用短信（未真正发送）：发给 ${maskMobile(mobile)}：${text}`)
      return
    }
    this.messages.set(mobile, { mobile, code, sentAt: this.now() })
    this.log(`开发用短信（未真正发送）：${maskMobile(mobile)} 的验证码 ${code}`)
  }

  latest(mobile: string): DevMessage | undefined {
    return this.messages.get(mobile)
  }
}

type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number }>

/**
 * SMS_PROVIDER=webhook: POSTs `{ "mobile", "text" }` as JSON with `Authorization: Bearer <token>`
 * to the deployment's own SMS gateway, which talks to the carrier. Any answer but 2xx is a failure.
 */
export function webhookSmsSender(url: string, token: string, fetchFn: Fetch): SmsSender {
  return {
    async send(mobile, text) {
      const res = await fetchFn(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ mobile, text }),
        signal: AbortSignal.timeout(5000),
      })
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`)
    },
  }
}
