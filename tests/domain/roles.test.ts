// Roles and password rules shared by the server and the organizer screens.
import { isRole, loginProblem, normalizeLogin, passwordProblem, ROLE_LABELS, roleAtLeast, ROLES } from '@/domain/roles'

describe('roles', () => {
  it('label each role in Chinese and order them 管理员 ⊇ 编辑 ⊇ 查看', () => {
    expect(ROLES.map((r) => ROLE_LABELS[r])).toEqual(['管理员', '编辑', '查看'])
    expect(roleAtLeast('admin', 'editor')).toBe(true)
    expect(roleAtLeast('editor', 'editor')).toBe(true)
    expect(roleAtLeast('editor', 'admin')).toBe(false)
    expect(roleAtLeast('viewer', 'editor')).toBe(false)
    expect(roleAtLeast('viewer', 'viewer')).toBe(true)
    expect([isRole('viewer'), isRole('owner'), isRole(undefined), isRole('toString')]).toEqual([
      true,
      false,
      false,
      false,
    ])
  })
})

describe('password rules', () => {
  it('want at least 10 characters, counted as she sees them', () => {
    expect(passwordProblem('abc12345')).toBe('密码至少要10个字符')
    expect(passwordProblem('春眠不觉晓处处闻啼鸟')).toBeUndefined()
    expect(passwordProblem('春眠不觉晓处处闻啼')).toBe('密码至少要10个字符')
    expect(passwordProblem('river-stone-42')).toBeUndefined()
  })

  it('refuse a password of one repeated character, edged by spaces, or holding the login', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch('密码太简单了')
    expect(passwordProblem(' river-stone-42')).toBe('密码的开头和结尾不能是空格')
    expect(passwordProblem('zhangli-2026!', 'ZhangLi')).toBe('密码里不能包含账号名')
    expect(passwordProblem('x'.repeat(150) + 'y'.repeat(51))).toBe('密码最多200个字符')
  })

  it('take login names of letters, digits and . _ -, compared in lower case', () => {
    expect(normalizeLogin('  WuDu-Admin ')).toBe('wudu-admin')
    expect(loginProblem('wudu-2020-admin')).toBeUndefined()
    expect(loginProblem('王芳')).toMatch('账号名用3到40个英文字母')
    expect(loginProblem('ab')).toMatch('账号名')
    expect(loginProblem('-abc')).toMatch('账号名')
  })
})
