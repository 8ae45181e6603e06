// The one place tests pin the clock: every suite runs at this moment, whatever the machine's date.
// Demo sessions are dated from "now", so screens, the built-in service and rules all agree.
import { setClock } from '@/shared/clock'

export const TEST_NOW = new Date('2026-11-23T10:00:00+08:00')

setClock(() => TEST_NOW)
