// The notice a page that needs real sign-ups shows in the demo (built-in data), in one shared form.
// Kept apart from DemoNotice so only the organizer's subpackage carries it.
import { EmptyState } from '@/components/state-view'
import { builtInNotice } from '@/domain/demo'

/** `what`: the page, as in "现场签到". */
export function BuiltInNotice({ what }: { what: string }) {
  const { title, text } = builtInNotice(what)
  return <EmptyState title={title} text={text} />
}
