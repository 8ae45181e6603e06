// Every string a client sends is checked before any query: well-formed Unicode (no lone
// surrogates, which PostgreSQL refuses with a 500) and no control characters (NUL ends a string
// in PostgreSQL; the others have no place in a form). Keys of objects are checked like values.
import { invalid, type HttpError } from './errors'

/** C0 controls and DEL, less tab, line feed and carriage return, which a multi-line answer may hold. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ // eslint-disable-line no-control-regex

/** How a field is called in a message; unknown ones by their own name. */
const LABELS: Record<string, string> = {
  name: '姓名',
  mobile: '手机号',
  programId: '项目',
  sessionId: '场次',
  session: '场次',
  id: '编号',
  code: '登录信息',
  province: '地区',
  city: '地区',
  county: '地区',
  q: '搜索',
  cursor: '翻页位置',
  limit: '每页张数',
  topic: '主题',
  'x-device-id': '手机标识',
  'idempotency-key': '提交标识',
  authorization: '登录凭证',
}

const MAX_DEPTH = 8

// Node 20 has String.prototype.isWellFormed; the project's TypeScript lib (es2020) does not list it yet.
const wellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed()

export const isCleanString = (s: string) => wellFormed(s) && !CONTROL.test(s)

/**
 * The first field of `value` holding a string that is not clean, as the name the app's form knows
 * (an answer by its own key), or undefined when everything is clean.
 */
export function badField(value: unknown, field: string, depth = 0): string | undefined {
  if (typeof value === 'string') return isCleanString(value) ? undefined : field
  if (!value || typeof value !== 'object' || depth > MAX_DEPTH) return undefined
  for (const [key, inner] of Object.entries(value)) {
    // An array item is blamed on the array; an object's member on its own key.
    const name = Array.isArray(value) ? field : key
    if (!Array.isArray(value) && !isCleanString(key)) return name
    const bad = badField(inner, name, depth + 1)
    if (bad) return bad
  }
  return undefined
}

/** A field as a message names it. */
export const fieldLabel = (field: string): string => LABELS[field] ?? field

const unreadable = (field: string): HttpError =>
  invalid(`“${fieldLabel(field)}”里有无法识别的字符，请删掉后重新输入`, field)

/** The request's parts in the order they are checked; a Chinese 400 naming the first bad field. */
export function checkRequestStrings(parts: {
  params: unknown
  query: unknown
  headers: Record<string, unknown>
  body: unknown
}): HttpError | undefined {
  for (const part of [parts.params, parts.query, parts.headers, parts.body]) {
    const bad = badField(part, '')
    if (bad !== undefined) return unreadable(bad || 'body')
  }
  return undefined
}
