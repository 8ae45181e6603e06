import fc from 'fast-check'
import type { FormField } from '@/domain/types'
import { checkField, mobileError, nameError, normalizeName, validateSignup } from '@/domain/validation'

const ctx = { sessionIds: ['s1', 's2'] }
const field = (over: Partial<FormField> & Pick<FormField, 'type'>): FormField => ({
  id: 'f',
  label: '字段',
  required: true,
  ...over,
})
const NAME = field({ id: 'name', type: 'text', format: 'name', label: '姓名' })
const MOBILE = field({ id: 'mobile', type: 'mobile', label: '手机号' })
const FORM: FormField[] = [
  NAME,
  MOBILE,
  field({ id: 'session', type: 'session', label: '场次' }),
  field({ id: 'age', type: 'number', label: '年龄', min: 25, max: 69 }),
  field({ id: 'job', type: 'single', label: '打算', options: ['本地', '外出'] }),
  field({ id: 'skills', type: 'multi', label: '技能', options: ['母婴', '养老', '收纳'] }),
  field({ id: 'district', type: 'region', label: '区县', options: ['锦江区', '青羊区'] }),
  field({ id: 'note', type: 'textarea', label: '备注', required: false, maxLength: 10 }),
  field({ id: 'care', type: 'checkbox', label: '需要托管', required: false }),
]
const VALID = {
  name: '王芳',
  mobile: '13800138000',
  session: 's1',
  age: '40',
  job: '本地',
  skills: ['养老'],
  district: '锦江区',
}

describe('names', () => {
  it.each([
    ['王芳', undefined],
    ['欧阳娜娜', undefined],
    ['阿依古丽·买买提', undefined],
    ['阿依古丽.买买提', undefined],
    ['  李  娜 ', undefined],
    ['Mary Smith', undefined],
    ['', '请填写姓名'],
    ['王芳2', '姓名里不能有数字'],
    ['王芳😀', '姓名只能用汉字、字母和间隔号“·”'],
    ['<script>', '姓名只能用汉字、字母和间隔号“·”'],
    ['·王芳', '间隔号“·”要写在两个名字中间'],
    ['王'.repeat(31), '姓名最多30个字'],
    ['王'.repeat(30), undefined],
  ])('%j → %s', (name, message) => {
    expect(nameError(name)).toBe(message)
  })

  it('normalises dots and spaces', () => {
    expect(normalizeName(' 阿依古丽 • 买买提 ')).toBe('阿依古丽·买买提')
  })
})

describe('mobiles', () => {
  it.each([
    ['13800138000', undefined],
    ['138 0013 8000', undefined],
    ['138-0013-8000', undefined],
    ['+8613800138000', undefined],
    ['+86 138 0013 8000', undefined],
    ['008613800138000', undefined],
    ['1380013800', '手机号应为11位，现在是10位'],
    ['12800138000', '请填写正确的手机号，以1开头，如 13800138000'],
    ['1380013800a', '手机号只能填数字'],
    ['', '请填写手机号'],
  ])('%j → %s', (mobile, message) => {
    expect(mobileError(mobile)).toBe(message)
  })
})

describe('validateSignup', () => {
  it('accepts a valid form and returns normalised values only for the form fields', () => {
    const r = validateSignup(FORM, { ...VALID, mobile: '+86 138-0013-8000', extra: '多余的数据' }, ctx)
    expect(r).toEqual({
      ok: true,
      values: {
        name: '王芳',
        mobile: '13800138000',
        session: 's1',
        age: 40,
        job: '本地',
        skills: ['养老'],
        district: '锦江区',
        care: false,
      },
    })
  })

  it('reports every problem of an empty form, in form order, in Chinese', () => {
    const r = validateSignup(FORM, {}, ctx)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors).toEqual([
      { field: 'name', message: '请填写姓名' },
      { field: 'mobile', message: '请填写手机号' },
      { field: 'session', message: '请选择场次' },
      { field: 'age', message: '请填写年龄' },
      { field: 'job', message: '请选择打算' },
      { field: 'skills', message: '请选择技能' },
      { field: 'district', message: '请填写区县' },
    ])
  })

  it.each([
    ['age', '24', '年龄应在25到69之间'],
    ['age', '70', '年龄应在25到69之间'],
    ['age', '四十', '年龄请填整数'],
    ['job', '其他', '请从选项中选择打算'],
    ['skills', ['养老', '做饭'], '请从选项中选择技能'],
    ['district', '武侯区', '请从选项中选择区县'],
    ['session', 's9', '请选择一个还能报名的场次'],
    ['note', '这段备注超过了十个字的长度', '备注最多10个字，现在是13个'],
    ['note', '<b>hi</b>', '备注里请不要用 < > 符号'],
  ])('%s = %j → %s', (key, value, message) => {
    const r = validateSignup(FORM, { ...VALID, [key]: value }, ctx)
    expect(r.ok ? [] : r.errors).toEqual([{ field: key, message }])
  })

  it('accepts the range boundaries', () => {
    expect(validateSignup(FORM, { ...VALID, age: '25' }, ctx).ok).toBe(true)
    expect(validateSignup(FORM, { ...VALID, age: 69 }, ctx).ok).toBe(true)
  })

  it('requires a required checkbox to be ticked', () => {
    const consent = field({ id: 'ok', type: 'checkbox', label: '同意' })
    expect(checkField(consent, false, ctx).error).toBe('请勾选“同意”')
    expect(checkField(consent, true, ctx).value).toBe(true)
  })
})

// An independent statement of the rules, to check the validator against.
const NAME_ORACLE = (raw: string) => {
  const s = raw
    .replace(/[.．•・‧∙⋅]/g, '·')
    .replace(/\s+/g, ' ')
    .replace(/\s*·\s*/g, '·')
    .trim()
  return (
    s.length > 0 &&
    Array.from(s).length <= 30 &&
    /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z· ]+$/.test(s) &&
    !/^·|·$|··/.test(s)
  )
}
const MOBILE_ORACLE = (raw: string) => /^1[3-9]\d{9}$/.test(raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, ''))

const nameChars = fc.constantFrom(...'王李张芳娜丽阿依古买提欧阳abcXYZ·. 0１😀<>\t-'.split(''))
const mobileChars = fc.constantFrom(...'0123456789  -+86abc'.split(''))

describe('property tests', () => {
  it('never throws, whatever the answers', () => {
    fc.assert(
      fc.property(fc.anything(), (answers) => {
        validateSignup(FORM, answers, ctx)
      }),
      { numRuns: 3000 },
    )
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FORM.map((f) => f.id)), fc.anything()), (answers) => {
        validateSignup(FORM, answers, ctx)
      }),
      { numRuns: 3000 },
    )
  })

  it('accepts exactly the names the rule allows', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(nameChars, { maxLength: 40 }).map((cs) => cs.join('')),
        ),
        (raw) => {
          expect(nameError(raw) === undefined).toBe(NAME_ORACLE(raw))
        },
      ),
      { numRuns: 5000 },
    )
  })

  it('accepts exactly the mainland mobiles, after normalising', () => {
    const likely = fc
      .tuple(
        fc.constantFrom('', '+86', '0086', '+86 '),
        fc.constantFrom('1'),
        fc.array(mobileChars, { minLength: 8, maxLength: 14 }),
      )
      .map(([p, one, rest]) => `${p}${one}${rest.join('')}`)
    fc.assert(
      fc.property(fc.oneof(fc.string(), likely), (raw) => {
        expect(mobileError(raw) === undefined).toBe(MOBILE_ORACLE(raw))
      }),
      { numRuns: 5000 },
    )
  })

  it('accepts a number exactly when it is an integer within the range', () => {
    const age = FORM[3]
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100, max: 200 }).map(String), fc.string()), (raw) => {
        const ok = /^-?\d+$/.test(raw.trim()) && Number(raw) >= 25 && Number(raw) <= 69
        expect(checkField(age, raw, ctx).error === undefined).toBe(ok)
      }),
      { numRuns: 3000 },
    )
  })
})
