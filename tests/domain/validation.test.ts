import fc from 'fast-check'
import { normalizeMobile } from '@/domain/mobile'
import type { FormField } from '@/domain/types'
import { charCount, checkField, mobileError, nameError, normalizeName, validateSignup } from '@/domain/validation'
import { clipChars, maxChars } from '@/domain/text-limits'

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
    ['王𠈌', undefined],
    ['李𬌗', undefined],
    ['张〇', undefined],
    ['𰻝𰻝', undefined],
    ['王芳2', '姓名里不能有数字'],
    ['王芳２', '姓名里不能有数字'],
    ['김민지', '姓名只能用汉字、字母和间隔号“·”'],
    ['さくら', '姓名只能用汉字、字母和间隔号“·”'],
    ['王芳😀', '姓名只能用汉字、字母和间隔号“·”'],
    ['<script>', '姓名只能用汉字、字母和间隔号“·”'],
    ['·王芳', '间隔号“·”要写在两个名字中间'],
    ['王'.repeat(31), '姓名最多30个字'],
    ['王'.repeat(30), undefined],
    // Lengths count characters, not UTF-16 units: 30 astral characters are 60 units.
    ['𠈌'.repeat(30), undefined],
    ['𠈌'.repeat(31), '姓名最多30个字'],
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
    ['１３８ ００１３ ８０００', undefined],
    ['１３８－００１３－８０００', undefined],
    ['＋８６　１３８００１３８０００', undefined],
    ['138—0013—8000', undefined],
    ['\u200b13800138000', undefined],
    ['1380013800', '手机号应为11位，现在是10位'],
    ['12800138000', '手机号第二位应是3到9，现在是2'],
    ['12345678901', '手机号第二位应是3到9，现在是2'],
    ['23800138000', '手机号应以1开头，如 13800138000'],
    ['1380013800a', '手机号只能填数字'],
    ['', '请填写手机号'],
  ])('%j → %s', (mobile, message) => {
    expect(mobileError(mobile)).toBe(message)
  })

  it('stores the plain 11 digits, however she typed them', () => {
    const mobile = field({ id: 'mobile', type: 'mobile', label: '手机号' })
    expect(checkField(mobile, '＋８６ １３８-００１３-８０００', ctx)).toEqual({ value: '13800138000' })
  })
})

describe('numbers', () => {
  const age = field({ id: 'age', type: 'number', label: '年龄', min: 25, max: 69 })
  it.each([
    ['40', 40],
    ['４０', 40],
    [' ４ ０ ', 40],
    ['２５', 25],
  ])('%j is stored as %d', (raw, value) => {
    expect(checkField(age, raw, ctx)).toEqual({ value })
  })

  it.each([
    ['７０', '年龄应在25到69之间'],
    ['－３０', '年龄应在25到69之间'],
    ['四十', '年龄请填整数'],
    ['4O', '年龄请填整数'],
  ])('%j → %s', (raw, error) => {
    expect(checkField(age, raw, ctx)).toEqual({ error })
  })
})

describe('length limits', () => {
  it('gives the counter the limit the validator applies', () => {
    expect(maxChars(NAME)).toBe(30)
    expect(maxChars(field({ type: 'text', maxLength: 20 }))).toBe(20)
    expect(maxChars(field({ type: 'text' }))).toBe(50)
    expect(maxChars(field({ type: 'textarea' }))).toBe(300)
    expect(maxChars(field({ type: 'region' }))).toBe(20)
    expect(maxChars(field({ type: 'region', options: ['锦江区'] }))).toBeUndefined()
    expect(maxChars(MOBILE)).toBeUndefined()
  })

  it('stops text at the limit, a rare character counting as one', () => {
    const limited = field({ type: 'text', label: '产品', maxLength: 3 })
    const clipped = clipChars('王𠈌李𬌗张', maxChars(limited)!)
    expect(clipped).toBe('王𠈌李')
    expect(charCount(clipped)).toBe(3)
    expect(checkField(limited, clipped, ctx)).toEqual({ value: '王𠈌李' })
    expect(checkField(limited, '王𠈌李𬌗', ctx).error).toBe('产品最多3个字，现在是4个')
    expect(clipChars('茶叶', 3)).toBe('茶叶')
  })

  it('asks to choose from a list, and to type where there is none', () => {
    expect(checkField(field({ type: 'region', label: '区县', options: ['锦江区'] }), '', ctx).error).toBe('请选择区县')
    expect(checkField(field({ type: 'region', label: '区县' }), '', ctx).error).toBe('请填写区县')
    expect(checkField(field({ type: 'single', label: '打算', options: ['本地'] }), '', ctx).error).toBe('请选择打算')
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
      { field: 'district', message: '请选择区县' },
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
  return s.length > 0 && Array.from(s).length <= 30 && /^[\p{Script=Han}A-Za-z· ]+$/u.test(s) && !/^·|·$|··/.test(s)
}
/** Full-width digits and ＋ read as ASCII; spaces, zero-width spaces and every dash dropped. */
const asTyped = (raw: string, keepMinus: boolean) => {
  let s = ''
  for (const ch of raw) {
    const c = ch.codePointAt(0) ?? 0
    if (c >= 0xff10 && c <= 0xff19) s += String(c - 0xff10)
    else if (ch === '＋') s += '+'
    else if (/[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/.test(ch)) s += keepMinus ? '-' : ''
    else if (!/[\s\u200b-\u200d\u2060]/.test(ch)) s += ch
  }
  return s
}
const MOBILE_ORACLE = (raw: string) => /^(\+86|0086)?1[3-9]\d{9}$/.test(asTyped(raw, false))

/**
 * The Han script's blocks, written out here rather than taken from the validator: CJK Unified
 * Ideographs and Extensions A–I, both Compatibility Ideographs blocks, and 〇. Unassigned code
 * points at the end of a block are dropped by the test's own \p{Script=Han} check.
 */
const HAN_BLOCKS: Array<[number, number]> = [
  [0x3007, 0x3007],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x2a6df],
  [0x2a700, 0x2b73f],
  [0x2b740, 0x2b81f],
  [0x2b820, 0x2ceaf],
  [0x2ceb0, 0x2ebef],
  [0x2ebf0, 0x2ee5f],
  [0x2f800, 0x2fa1f],
  [0x30000, 0x3134f],
  [0x31350, 0x323af],
]
const hanChar = fc
  .oneof(...HAN_BLOCKS.map(([min, max]) => fc.integer({ min, max })))
  .map((cp) => String.fromCodePoint(cp))
  .filter((ch) => /^\p{Script=Han}$/u.test(ch))
const hanName = fc.array(hanChar, { minLength: 1, maxLength: 30 }).map((cs) => cs.join(''))

const nameChars = fc.oneof(fc.constantFrom(...'王李张芳娜丽阿依古买提欧阳abcXYZ·. 0１😀<>\t-가あ'.split('')), hanChar)
const mobileChars = fc.constantFrom(...'0123456789  -+86abc０１８９＋－\u3000'.split(''))

const fullWidth = (d: string) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)
const validMobile = fc
  .tuple(fc.constantFrom(...'3456789'), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join('')}`)
/** A valid mobile as a phone might send it: any digit full-width, any separator, any prefix. */
const typedMobile = fc
  .tuple(
    validMobile,
    fc.constantFrom('', '+86', '+86 ', '0086', '＋８６', '＋86 ', '００８６-'),
    fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
    fc.array(fc.constantFrom('', '', '', ' ', '  ', '-', '－', '—', '\u3000', '\u00a0', '\u200b'), {
      minLength: 11,
      maxLength: 11,
    }),
  )
  .map(([mobile, prefix, wide, gaps]) => ({
    mobile,
    typed: prefix + [...mobile].map((d, i) => (wide[i] ? fullWidth(d) : d) + gaps[i]).join(''),
  }))

const MOBILE_MESSAGES =
  /^(请填写手机号|手机号只能填数字|手机号应为11位，现在是\d+位|手机号应以1开头，如 13800138000|手机号第二位应是3到9，现在是\d)$/

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
          fc.string({ unit: 'grapheme' }),
          fc.array(nameChars, { maxLength: 40 }).map((cs) => cs.join('')),
        ),
        (raw) => {
          expect(nameError(raw) === undefined).toBe(NAME_ORACLE(raw))
        },
      ),
      { numRuns: 5000 },
    )
  })

  it('accepts any name of 1 to 30 characters from the whole Han script, as typed', () => {
    fc.assert(
      fc.property(hanName, (name) => {
        expect(nameError(name)).toBeUndefined()
        expect(checkField(NAME, name, ctx)).toEqual({ value: name })
      }),
      { numRuns: 5000 },
    )
  })

  it('counts Han characters, not UTF-16 units, against the 30-character limit', () => {
    fc.assert(
      fc.property(fc.array(hanChar, { minLength: 31, maxLength: 40 }), (cs) => {
        expect(nameError(cs.join(''))).toBe('姓名最多30个字')
      }),
      { numRuns: 500 },
    )
  })

  it('accepts exactly the mainland mobiles, after normalising', () => {
    const likely = fc
      .tuple(
        fc.constantFrom('', '+86', '0086', '+86 ', '＋８６'),
        fc.constantFrom('1', '１'),
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

  it('turns a valid mobile typed with full-width digits, spaces, dashes or +86 into the same 11 digits', () => {
    fc.assert(
      fc.property(typedMobile, ({ mobile, typed }) => {
        expect(normalizeMobile(typed)).toBe(mobile)
        expect(mobileError(typed)).toBeUndefined()
        expect(checkField(MOBILE, typed, ctx)).toEqual({ value: mobile })
      }),
      { numRuns: 3000 },
    )
  })

  it('refuses anything with letters or symbols in it, with a Chinese message', () => {
    const garbage = fc
      .tuple(fc.string(), fc.constantFrom(...'a字?*#/.,()😀'.split('')), fc.string())
      .map(([a, bad, b]) => `${a}${bad}${b}`)
    fc.assert(
      fc.property(
        fc.oneof(
          garbage,
          typedMobile.map(({ typed }) => `${typed}x`),
        ),
        (raw) => {
          expect(mobileError(raw)).toMatch(MOBILE_MESSAGES)
          expect(checkField(MOBILE, raw, ctx).value).toBeUndefined()
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('accepts a number exactly when it is an integer within the range, typed either way', () => {
    const age = FORM[3]
    const typedInt = fc
      .tuple(fc.integer({ min: -100, max: 200 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }))
      .map(([n, wide]) => [...String(n)].map((c, i) => (wide[i] && /\d/.test(c) ? fullWidth(c) : c)).join(' '))
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100, max: 200 }).map(String), typedInt, fc.string()), (raw) => {
        const s = asTyped(raw, true)
        const ok = /^-?\d+$/.test(s) && Number(s) >= 25 && Number(s) <= 69
        const checked = checkField(age, raw, ctx)
        expect(checked.error === undefined).toBe(ok)
        if (ok) expect(checked.value).toBe(Number(s))
      }),
      { numRuns: 3000 },
    )
  })
})
