import { FAMILY_NOTE, familyPrefill } from '@/domain/family'
import { groupByPerson } from '@/domain/person-groups'
import type { FormField } from '@/domain/types'

const f = (id: string, type: FormField['type'], extra: Partial<FormField> = {}): FormField => ({
  id,
  type,
  label: id,
  required: true,
  ...extra,
})

describe('familyPrefill', () => {
  const form = [
    f('name', 'text', { format: 'name' }),
    f('mobile', 'mobile'),
    f('district', 'region', { options: ['荷塘区', '芦淞区'] }),
    f('town', 'region'),
    f('session', 'session'),
    f('age', 'number'),
    f('idcard', 'text'),
    f('status', 'single', { options: ['待业'] }),
    f('skills', 'multi', { options: ['母婴'] }),
    f('care', 'checkbox'),
    f('note', 'textarea'),
  ]
  const answers = {
    name: '刘桂兰',
    mobile: '13900139000',
    district: '荷塘区',
    town: '月塘街道',
    session: 'zz-lf-1',
    age: 56,
    idcard: '430202',
    status: '待业',
    skills: ['母婴'],
    care: true,
    note: '腿脚不便',
  }

  it('keeps the session, the region and the booker’s mobile; the person’s own fields start empty', () => {
    expect(familyPrefill(form, answers)).toEqual({
      mobile: '13900139000',
      district: '荷塘区',
      town: '月塘街道',
      session: 'zz-lf-1',
    })
  })

  it('keeps nothing the form does not ask, and no blank answer', () => {
    expect(familyPrefill([f('session', 'session')], { ...answers, session: ' ' })).toEqual({})
    expect(familyPrefill([], answers)).toEqual({})
  })

  it('says family sign-up is allowed in one line', () => {
    expect(FAMILY_NOTE).toBe('可以为家人报名，每人填一份。')
  })
})

describe('groupByPerson', () => {
  const s = (id: string, name: string, mobile: string, createdAt: string) => ({ id, name, mobile, createdAt })
  const list = [
    s('a', '王秀英', '13900139000', '2026-11-20T10:05:00+08:00'),
    s('b', '刘桂兰', '13900139000', '2026-11-20T10:00:00+08:00'),
    s('c', '李红', '13700137000', '2026-11-21T09:00:00+08:00'),
    s('d', '刘 桂兰', '139 0013 9000', '2026-11-22T09:00:00+08:00'),
  ]

  it('puts the booker first and her relatives after, each person once, in the list’s order', () => {
    const groups = groupByPerson(list)
    expect(groups.map((g) => [g.name, g.self, g.signups.map((x) => x.id)])).toEqual([
      ['刘桂兰', true, ['b', 'd']],
      ['王秀英', false, ['a']],
      ['李红', false, ['c']],
    ])
  })

  it('takes 本人 from the first sign-up made, wherever it stands in the list; none for no sign-ups', () => {
    const later = [list[2], { ...list[0], createdAt: '2026-11-19T08:00:00+08:00' }]
    expect(groupByPerson(later).map((g) => [g.name, g.self])).toEqual([
      ['王秀英', true],
      ['李红', false],
    ])
    expect(groupByPerson([])).toEqual([])
  })
})
