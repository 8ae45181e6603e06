// 添加到日历, 导航 (or 复制地址) and 打电话 for a sign-up that will take place.
import { Button, View } from '@tarojs/components'
import type { CalendarEvent } from '@/domain/calendar'
import { spacedTicketCode } from '@/domain/tickets'
import { toast } from '@/platform'
import { addToCalendar, callPhone, canOpenMap, copyText, openMap, type CalendarResult } from '@/platform/visit'
import type { Signup } from '@/services/api'

const CALENDAR_TEXT: Record<CalendarResult, string> = {
  added: '已添加到手机日历，开始前 15 分钟提醒',
  downloaded: '日历文件已下载，打开它就能添加到日历',
  cancelled: '',
  failed: '没能添加到日历，请记下活动时间',
}

/** The session as a calendar entry; the sign-up id keeps a second download from adding a copy. */
export function calendarEventOf(signup: Signup): CalendarEvent {
  const notes = [
    // A demo session will not take place: the entry says so where she reads it first.
    ...(signup.demo ? ['这是演示场次，不会真的举办'] : []),
    `主办：${signup.federationName}`,
    ...(signup.ticket ? [`入场码：${spacedTicketCode(signup.ticket.code)}`] : []),
    ...(signup.contactPhone ? [`联系电话：${signup.contactPhone}`] : []),
  ]
  return {
    uid: `${signup.id}@jinguo-nianzhong-pandian`,
    title: `${signup.demo ? '示例：' : ''}${signup.programTitle}（${signup.sessionTitle}）`,
    start: signup.sessionStart,
    ...(signup.sessionEnd ? { end: signup.sessionEnd } : {}),
    location: signup.online ? '线上' : (signup.place ?? ''),
    description: notes.join('\n'),
  }
}

/**
 * Shown for a real session still to come (a demo one will not take place). The map needs the
 * session's point and WeChat; otherwise the address is offered to copy into a map app.
 * `calendarOnly` (the success page): just 添加到日历, offered for a demo sign-up too, marked 示例,
 * so every sign-up has a way to be reminded that needs no message templates.
 */
export function VisitActions({ signup, calendarOnly }: { signup: Signup; calendarOnly?: boolean }) {
  if ((signup.demo && !calendarOnly) || signup.status === 'cancelled' || signup.sessionCancelled) return null
  if (calendarOnly && signup.status !== 'confirmed') return null
  const place = signup.online ? '' : (signup.place ?? '')
  const hasPoint = signup.latitude !== undefined && signup.longitude !== undefined
  const mapButton = canOpenMap() && hasPoint && place
  return (
    <View className="visit-actions">
      {signup.status === 'confirmed' ? (
        <Button
          className="button button--ghost visit-actions__button"
          aria-label="添加到日历"
          onClick={() =>
            void addToCalendar(calendarEventOf(signup)).then((r) => {
              if (CALENDAR_TEXT[r]) toast(CALENDAR_TEXT[r])
            })
          }
        >
          添加到日历
        </Button>
      ) : null}
      {calendarOnly ? null : mapButton ? (
        <Button
          className="button button--ghost visit-actions__button"
          aria-label={`导航到${place}`}
          onClick={() =>
            void openMap({ latitude: signup.latitude!, longitude: signup.longitude!, name: place }).then((ok) => {
              if (!ok) toast('地图没能打开，请稍后再试')
            })
          }
        >
          导航
        </Button>
      ) : place ? (
        <Button
          className="button button--ghost visit-actions__button"
          aria-label={`复制地址：${place}`}
          onClick={() =>
            void copyText(place).then((ok) =>
              toast(ok ? '地址已复制，可以粘贴到地图里' : '没能复制，请长按地址手动复制'),
            )
          }
        >
          复制地址
        </Button>
      ) : null}
      {signup.contactPhone && !calendarOnly ? (
        <Button
          className="button button--ghost visit-actions__button"
          aria-label={`打电话给主办方 ${signup.contactPhone}`}
          onClick={() => void callPhone(signup.contactPhone!)}
        >
          打电话
        </Button>
      ) : null}
    </View>
  )
}
