// Getting to a session: into the phone's calendar, onto a map, a call to its organizer, its
// address copied. weapp has an API for each; H5 downloads a .ics file, dials a tel: link, copies.
import Taro from '@tarojs/taro'
import { buildIcs, icsFileName, phoneCalendarOf, type CalendarEvent } from '@/domain/calendar'
import { clock } from '@/shared/clock'
import { isWeapp } from './index'

export type CalendarResult = 'added' | 'downloaded' | 'cancelled' | 'failed'

const cancelled = (e: unknown) => /cancel/i.test(String((e as { errMsg?: unknown } | null)?.errMsg ?? ''))

/** weapp: the phone's own calendar (wx.addPhoneCalendar); H5: the .ics file, which phones open in theirs. */
export async function addToCalendar(event: CalendarEvent): Promise<CalendarResult> {
  if (isWeapp) {
    try {
      // Taro's type has endTime as a string; WeChat takes unix seconds, as a number.
      await Taro.addPhoneCalendar(phoneCalendarOf(event) as unknown as Taro.addPhoneCalendar.Option)
      return 'added'
    } catch (e) {
      return cancelled(e) ? 'cancelled' : 'failed'
    }
  }
  try {
    const blob = new Blob([buildIcs(event, clock.now())], { type: 'text/calendar;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = icsFileName(event.title)
    document.body.appendChild(a)
    a.click()
    a.remove()
    // The click has handed the file to the browser; the address can go after it starts.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return 'downloaded'
  } catch {
    return 'failed'
  }
}

/** Only WeChat opens a map at a point; the browser gets the address to copy instead. */
export const canOpenMap = (): boolean => isWeapp

/** WeChat's map at the session's point (GCJ-02), from where she can start navigation. */
export async function openMap(place: { latitude: number; longitude: number; name: string }): Promise<boolean> {
  try {
    await Taro.openLocation({ latitude: place.latitude, longitude: place.longitude, name: place.name, scale: 16 })
    return true
  } catch {
    return false
  }
}

/** Dials the number (a tel: link on H5); she confirms in the phone's own dialog. */
export async function callPhone(phoneNumber: string): Promise<void> {
  try {
    await Taro.makePhoneCall({ phoneNumber })
  } catch {
    // She closed the dialog: nothing to say.
  }
}

/** Puts text on the clipboard; false when the browser would not. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (isWeapp) {
      await Taro.setClipboardData({ data: text })
      return true
    }
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
    const t = document.createElement('textarea')
    t.value = text
    document.body.appendChild(t)
    t.select()
    const ok = document.execCommand('copy')
    t.remove()
    return ok
  } catch {
    return false
  }
}
