// The pure part of the name key: compatibility forms, spaces and case; the fold is passed in.
import { nameKey } from '@/domain/name-key'

describe('nameKey', () => {
  it('folds compatibility ideographs, full-width forms, every space and letter case', () => {
    expect(nameKey('\uF9E1 秀\u3000英')).toBe('李秀英')
    expect(nameKey('  Ａｎｎａ　Li ')).toBe('annali')
    expect(nameKey('阿依古丽·买买提')).toBe('阿依古丽·买买提')
  })

  it('leaves traditional characters to the fold it is given', () => {
    expect(nameKey('陳秀英')).toBe('陳秀英')
    expect(nameKey('陳 秀英', (s) => s.replace('陳', '陈'))).toBe('陈秀英')
  })
})
