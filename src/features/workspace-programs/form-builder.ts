// The sign-up form as she builds it: fields added, removed, reordered and relabelled; 姓名, 手机号
// and 场次 stay as they are (every form has them; the server refuses one without).
import type { FieldType, FormField } from '@/domain/types'

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: '短文字',
  mobile: '手机号',
  single: '单选',
  multi: '多选',
  region: '地区',
  session: '场次',
  number: '数字',
  textarea: '长文字',
  checkbox: '勾选确认',
}

/** Types she can add: 手机号 and 场次 come once, with the base form. */
export const ADDABLE_TYPES: FieldType[] = ['text', 'textarea', 'single', 'multi', 'number', 'region', 'checkbox']

const FIXED = new Set(['name', 'mobile', 'session'])
export const isFixed = (f: FormField) => FIXED.has(f.id)

/** Single and multi choices always list options; a region may. */
export const takesOptions = (type: FieldType) => type === 'single' || type === 'multi'

/** A new field with the first free id f1, f2… */
export function newField(type: FieldType, fields: FormField[]): FormField {
  const ids = new Set(fields.map((f) => f.id))
  let n = 1
  while (ids.has(`f${n}`)) n++
  const field: FormField = { id: `f${n}`, type, label: '', required: false }
  if (takesOptions(type)) field.options = ['', '']
  return field
}

export function moveField(fields: FormField[], index: number, by: number): FormField[] {
  const to = index + by
  if (index < 0 || to < 0 || to >= fields.length) return fields
  const next = [...fields]
  ;[next[index], next[to]] = [next[to], next[index]]
  return next
}

/** Options as typed one per line; blank lines dropped when the form is sent. */
export const optionsText = (f: FormField) => (f.options ?? []).join('\n')
export const optionsFrom = (text: string) => text.split('\n')

/** What is sent: options trimmed of blank lines (the server checks the rest). */
export const formBody = (fields: FormField[]): FormField[] =>
  fields.map((f) => ({
    ...f,
    label: f.label.trim(),
    ...(f.options ? { options: f.options.map((o) => o.trim()).filter(Boolean) } : {}),
  }))
