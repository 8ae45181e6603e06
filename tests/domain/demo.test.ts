// What the demo says to a member: one calm line, nothing she would have to do.
import { builtInNotice, DEMO_TEXT } from '@/domain/demo'

describe('demo notices', () => {
  it('name the page the demo lacks, without a command, a server or a build setting', () => {
    const { title, text } = builtInNotice('现场签到')
    expect(title).toBe('演示版本里没有现场签到')
    for (const s of [title, text, DEMO_TEXT]) {
      expect(s).not.toMatch(/npm|服务器|TARO_APP|命令|运行/)
      // One line: a single sentence.
      expect(s.split(/[。！？]/).filter(Boolean)).toHaveLength(1)
    }
  })
})
