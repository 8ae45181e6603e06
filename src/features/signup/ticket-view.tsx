// Her e-ticket: the QR for the door's scanner, the code to read out, and whose ticket it is.
import { Image, Text, View } from '@tarojs/components'
import { env } from '@/config/env'
import { maskMobile } from '@/domain/mobile'
import { spacedTicketCode } from '@/domain/tickets'
import { formatSessionTime } from '@/utils/date'
import type { MySignup } from './use-my-signup'
import { ticketQrDataUrl } from './ticket-qr'
import { keyboardStop } from '@/shared/keyboard-stop'

export const WAITLIST_TICKET_TEXT = '候补中，转正后这里会出现电子票'
export const OFFLINE_TICKET_TEXT = '离线显示，可以直接出示'

/**
 * Confirmed with a ticket: the ticket. Waitlisted on a server: a line saying one comes when she is
 * promoted. Cancelled, held until she confirms, or the built-in data (which issues no tickets): nothing.
 */
export function TicketView({ signup }: { signup: MySignup }) {
  if (signup.status === 'waitlisted') {
    return env.apiBase ? (
      <View className="card ticket ticket--waiting" {...keyboardStop}>
        <Text className="ticket__note">{WAITLIST_TICKET_TEXT}</Text>
      </View>
    ) : null
  }
  // A held seat is hers only once she confirms (HoldPanel): the server's ticket waits until then.
  if (signup.status !== 'confirmed' || !signup.ticket || signup.holdUntil) return null
  const qr = ticketQrDataUrl(signup.ticket.token)
  const code = spacedTicketCode(signup.ticket.code)
  return (
    // A keyboard stop: at 1.4× the page scrolls, and Taro's H5 buttons take no focus of their own.
    <View className="card ticket" role="group" aria-label="电子票" {...keyboardStop}>
      <Text className="ticket__heading">电子票</Text>
      {signup.offline ? (
        <View className="ticket__offline" role="status">
          <Text>{OFFLINE_TICKET_TEXT}</Text>
        </View>
      ) : null}
      {qr ? (
        <View className="ticket__qr-box">
          <Image
            className="ticket__qr"
            src={qr}
            aria-label="电子票二维码"
            // H5 draws an <img> inside the component: its alt is what a screen reader reads.
            nativeProps={{ alt: '电子票二维码' }}
          />
        </View>
      ) : null}
      <View className="ticket__code" role="group" aria-label={`入场码 ${[...signup.ticket.code].join(' ')}`}>
        <Text className="ticket__code-label">入场码</Text>
        <Text className="ticket__code-value">{code}</Text>
      </View>
      <View className="ticket__rows">
        <Text className="ticket__row">
          {signup.name}（<Text className="keep">{maskMobile(signup.mobile)}</Text>）
        </Text>
        <Text className="ticket__row ticket__row--strong">{signup.sessionTitle}</Text>
        <Text className="ticket__row keep-words">{formatSessionTime(signup.sessionStart)}（北京时间）</Text>
        <Text className="ticket__row">{signup.online ? '线上参加' : (signup.place ?? '')}</Text>
      </View>
      <Text className="ticket__hint">入场时请出示二维码；扫不出来时，把入场码念给工作人员。</Text>
    </View>
  )
}
