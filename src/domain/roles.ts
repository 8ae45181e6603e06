// Organizer roles and password rules: one pure module shared by the server and the app.

export const ROLES = ['admin', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  editor: '编辑',
  viewer: '查看',
}

/** What each role may do, in the words the staff screen shows. */
export const ROLE_DUTIES: Record<Role, string> = {
  admin: '管理本妇联的成员，也能做编辑能做的一切',
  editor: '编辑和发布内容、项目、场次，查看报名名单',
  viewer: '查看报名名单，在现场签到；不能修改任何内容',
}

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 }

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value)

/** Whether `role` may do what `needed` may: 管理员 ⊇ 编辑 ⊇ 查看. */
export const roleAtLeast = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed]

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 200

/** Why a new password is refused, in Chinese; undefined when it is fine. */
export function passwordProblem(password: string, login?: string): string | undefined {
  const chars = [...password]
  if (chars.length < PASSWORD_MIN_LENGTH) return `密码至少要${PASSWORD_MIN_LENGTH}个字符`
  if (chars.length > PASSWORD_MAX_LENGTH) return `密码最多${PASSWORD_MAX_LENGTH}个字符`
  if (password.trim() !== password) return '密码的开头和结尾不能是空格'
  if (new Set(chars).size < 4) return '密码太简单了，请混用不同的字母、数字或符号'
  if (login && password.toLowerCase().includes(login.toLowerCase())) return '密码里不能包含账号名'
  return undefined
}

/** Login names: what the server stores and compares (trimmed, lower-case). */
export const normalizeLogin = (login: string): string => login.trim().toLowerCase()

/** Letters, digits, dot, dash and underscore; 3 to 40 characters. */
export function loginProblem(login: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9._-]{2,39}$/.test(normalizeLogin(login)))
    return '账号名用3到40个英文字母、数字或 . _ -，以字母或数字开头'
  return undefined
}
