// What the organizer pages say in a build on the built-in data: there are no real sign-ups here.
import { BuiltInNotice } from '@/components/demo-notice/built-in'

/** `what`: the page, as in "现场签到". */
export function NeedsServer({ what }: { what: string }) {
  return <BuiltInNotice what={what} />
}
