// Sign-up validation: one pure module for the form, the mock and (later) the server. Never throws.
import { isMainlandMobile, normalizeMobile, normalizeNumeric } from './mobile'
import type { FormField } from './types'

export type AnswerValue = string | string[] | number | boolean
export type Answers = Record<string, AnswerValue>

export interface FieldError {
  field: string
  message: string
}

export interface ValidationContext {
  /** Sessions that can be chosen now (open or waitlist). */
  sessionIds: string[]
}

export type ValidationResult = { ok: true; values: Answers } | { ok: false; errors: FieldError[] }

export const DEFAULT_MAX_TEXT = 50
export const DEFAULT_MAX_LONG_TEXT = 300
/** A sign-up is stored only with consent to the privacy notice; the form, the mock and the server say this. */
export const CONSENT_MESSAGE = '请先阅读并勾选同意《隐私说明》'

export const NAME_MAX = 30

/** Counts characters as a person does: an emoji or a rare character is one, not two. */
export const charCount = (s: string): number => Array.from(s).length

/**
 * The whole Han script, rare characters beyond the basic block included (王𠈌, 李𬌗, 〇), with
 * Latin letters, spaces and the middle dot. The `u` flag makes an astral character one match.
 */
const NAME_CHARS = /^[\p{Script=Han}A-Za-z· ]+$/u
/** Dots people type for the middle dot in names like 阿依古丽·买买提. */
const DOTS = /[.．•・‧∙⋅]/g

/** Trims, folds runs of spaces, and turns look-alike dots into the middle dot ·. */
export function normalizeName(raw: string): string {
  return raw
    .replace(DOTS, '·')
    .replace(/\s+/g, ' ')
    .replace(/\s*·\s*/g, '·')
    .trim()
}

export function nameError(raw: string): string | undefined {
  const name = normalizeName(raw)
  if (name === '') return '请填写姓名'
  if (charCount(name) > NAME_MAX) return `姓名最多${NAME_MAX}个字`
  if (/[0-9０-９]/.test(name)) return '姓名里不能有数字'
  if (!NAME_CHARS.test(name)) return '姓名只能用汉字、字母和间隔号“·”'
  if (/^·|·$|··/.test(name)) return '间隔号“·”要写在两个名字中间'
  return undefined
}

export function mobileError(raw: string): string | undefined {
  const s = normalizeMobile(raw)
  if (s === '') return '请填写手机号'
  if (!/^\d+$/.test(s)) return '手机号只能填数字'
  if (s.length !== 11) return `手机号应为11位，现在是${s.length}位`
  // Says which digit is wrong: "not a valid number" leaves her guessing at eleven digits.
  if (s[0] !== '1') return '手机号应以1开头，如 13800138000'
  if (!isMainlandMobile(s)) return `手机号第二位应是3到9，现在是${s[1]}`
  return undefined
}

const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)

export const DEFAULT_REGION_TEXT = 20

function textError(field: FormField, value: string, long: boolean): string | undefined {
  const max = field.maxLength ?? (long ? DEFAULT_MAX_LONG_TEXT : DEFAULT_MAX_TEXT)
  const n = charCount(value)
  if (field.minLength && n < field.minLength) return `${field.label}至少${field.minLength}个字`
  if (n > max) return `${field.label}最多${max}个字，现在是${n}个`
  if (/[<>]/.test(value)) return `${field.label}里请不要用 < > 符号`
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) return `${field.label}里有无法识别的字符`
  return undefined
}

/** Checks one field; returns the normalised value or a message. */
export function checkField(
  field: FormField,
  raw: unknown,
  ctx: ValidationContext,
): { value?: AnswerValue; error?: string } {
  // A list to pick from is chosen, not typed: a region with options is one (a region without is typed).
  const picked = ['single', 'multi', 'session'].includes(field.type) || (field.type === 'region' && !!field.options)
  const what = picked ? '请选择' : '请填写'
  if (field.type === 'checkbox') {
    const on = raw === true
    if (field.required && !on) return { error: `请勾选“${field.label}”` }
    return { value: on }
  }
  if (isBlank(raw)) return field.required ? { error: `${what}${field.label}` } : {}

  switch (field.type) {
    case 'mobile': {
      if (typeof raw !== 'string') return { error: '请填写手机号' }
      const error = mobileError(raw)
      return error ? { error } : { value: normalizeMobile(raw) }
    }
    case 'text':
    case 'textarea': {
      if (typeof raw !== 'string') return { error: `${what}${field.label}` }
      if (field.format === 'name') {
        const error = nameError(raw)
        return error ? { error } : { value: normalizeName(raw) }
      }
      const value = raw.trim()
      const error = textError(field, value, field.type === 'textarea')
      return error ? { error } : { value }
    }
    case 'number': {
      // Typed as phones type it (４０, " 40 "), stored as a plain number.
      const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? normalizeNumeric(raw) : ''
      if (!/^-?\d+$/.test(s)) return { error: `${field.label}请填整数` }
      const n = Number(s)
      if (field.min !== undefined && field.max !== undefined && (n < field.min || n > field.max)) {
        return { error: `${field.label}应在${field.min}到${field.max}之间` }
      }
      if (field.min !== undefined && n < field.min) return { error: `${field.label}不能小于${field.min}` }
      if (field.max !== undefined && n > field.max) return { error: `${field.label}不能大于${field.max}` }
      return { value: n }
    }
    case 'single':
    case 'region': {
      if (typeof raw !== 'string') return { error: `${what}${field.label}` }
      const value = raw.trim()
      if (field.options) return field.options.includes(value) ? { value } : { error: `请从选项中选择${field.label}` }
      // A region without a list is typed in: keep it short and plain.
      const error = textError({ ...field, maxLength: field.maxLength ?? DEFAULT_REGION_TEXT }, value, false)
      return error ? { error } : { value }
    }
    case 'multi': {
      if (!Array.isArray(raw) || !raw.every((v) => typeof v === 'string')) return { error: `${what}${field.label}` }
      const chosen = [...new Set(raw as string[])]
      if (!field.options || chosen.some((v) => !field.options?.includes(v)))
        return { error: `请从选项中选择${field.label}` }
      return { value: field.options.filter((o) => chosen.includes(o)) }
    }
    case 'session': {
      if (typeof raw !== 'string' || !ctx.sessionIds.includes(raw)) return { error: '请选择一个还能报名的场次' }
      return { value: raw }
    }
    default:
      return { error: `${field.label}无法识别` }
  }
}

/**
 * Validates every field of a form. Only the form's own fields are kept (collect no more than it
 * needs); the result carries normalised values or every error, in the form's order.
 */
export function validateSignup(form: FormField[], answers: unknown, ctx: ValidationContext): ValidationResult {
  const input =
    answers && typeof answers === 'object' && !Array.isArray(answers) ? (answers as Record<string, unknown>) : {}
  const values: Answers = {}
  const errors: FieldError[] = []
  for (const field of form) {
    const { value, error } = checkField(field, input[field.id], ctx)
    if (error) errors.push({ field: field.id, message: error })
    else if (value !== undefined) values[field.id] = value
  }
  return errors.length ? { ok: false, errors } : { ok: true, values }
}
