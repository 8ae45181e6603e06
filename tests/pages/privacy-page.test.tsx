/** @jest-environment jsdom */
// 隐私说明 names who answers for her data, in each kind of build: the built-in demo (the one
// rendered here), a server build with its operator, and a development build with a server.
import { render, screen } from '@testing-library/react'
import PrivacyPage, {
  operatorParagraphs,
  verificationParagraphs,
  weChatMessageParagraphs,
} from '@/subpackages/signup/privacy/index'

describe('隐私说明', () => {
  it('in the built-in demo says no one receives anything, and that records stay on the phone', () => {
    render(<PrivacyPage />)
    expect(screen.getByText('谁负责你的信息')).toBeTruthy()
    expect(screen.getByText(/^这是演示版本/)).toBeTruthy()
    expect(screen.getByText(/报名记录只保存在你这台手机上/)).toBeTruthy()
    expect(screen.queryByText(/报名服务器/)).toBeNull()
    // Built-in data books on the phone: nothing is verified, so nothing about it is said.
    expect(screen.queryByText('验证手机号')).toBeNull()
    expect(screen.queryByText(/短信验证码/)).toBeNull()
  })

  it('with a server says the mobile is verified by SMS, and what the server keeps of it', () => {
    const text = verificationParagraphs({ apiBase: 'https://api.example.cn' }).join('\n')
    expect(text).toContain('第一次报名前，要用短信验证码验证手机号')
    expect(text).toContain('微信小程序里，由微信登录确认是你本人')
    expect(text).toContain('只保存它加密计算后的摘要（带密钥的哈希）')
    expect(text).toContain('验证码同样只保存摘要，5分钟后失效')
    expect(text).toContain('记住“已验证手机 138****8000”30天')
    expect(verificationParagraphs({ apiBase: '' })).toEqual([])
  })

  it('with subscribe templates says what she is asked and that her openid is kept encrypted', () => {
    const text = weChatMessageParagraphs({
      apiBase: 'https://api.example.cn',
      weChatTemplates: 'reminder=tplReminder0001',
    })
    expect(text.join('\n')).toContain('不允许也照常报名')
    expect(text.join('\n')).toContain('服务器加密保存你在本小程序的微信标识（openid）')
    expect(weChatMessageParagraphs({ apiBase: 'https://api.example.cn', weChatTemplates: '' })).toEqual([])
    expect(weChatMessageParagraphs({ apiBase: '', weChatTemplates: 'reminder=tplReminder0001' })).toEqual([])
    // The built-in demo (rendered) has neither.
    render(<PrivacyPage />)
    expect(screen.queryByText('微信消息')).toBeNull()
  })

  it('with a server names the operator and the contact', () => {
    expect(
      operatorParagraphs({ apiBase: 'https://api.example.cn', operator: '某市妇联', operatorContact: '0731-12345678' }),
    ).toEqual([
      '本服务由某市妇联运营，你的报名信息由它负责保管。',
      '对自己的信息有疑问，或要查询、更正、删除，请联系：0731-12345678。',
    ])
  })

  it('in a development build with a server and no operator says that it is one', () => {
    const [text] = operatorParagraphs({ apiBase: 'http://127.0.0.1:8787', operator: '', operatorContact: '' })
    expect(text).toMatch(/^这是开发用的构建，还没有写明运营方/)
  })
})
