// The words that name demo sessions to a member, in one place: the DemoNotice component shows
// them on screen, and share titles use them, so a shared link never presents a demo as real.
export const DEMO_LABEL = '示例场次'
export const DEMO_TEXT = '这是演示用的示例场次，不是真实活动：时间、地点和名额都是示例，到时不会举办，不用前往。'
