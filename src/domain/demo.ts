// The words that name demo data to a member, in one place: the DemoNotice component shows them on
// screen, and share titles use them, so a shared link never presents a demo as real.
export const DEMO_LABEL = '示例场次'
export const DEMO_TEXT = '这些是示例场次，不是真实活动，到时不会举办，不用前往。'

/**
 * What a page that needs real sign-ups says in the demo (built-in data): calm, one line each, and
 * nothing a member would have to do about it. `what` names the page, as in "现场签到".
 */
export function builtInNotice(what: string): { title: string; text: string } {
  return { title: `演示版本里没有${what}`, text: '演示版本没有真实报名，这个页面在正式版本里才能使用。' }
}
