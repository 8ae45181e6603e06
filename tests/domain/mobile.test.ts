// Masking a mobile for display: full numbers are masked, a number already masked stays as it is.
import { maskMobile } from '@/domain/mobile'

describe('maskMobile', () => {
  it('masks the middle four digits of a mainland mobile, however it was typed', () => {
    expect(maskMobile('13800138000')).toBe('138****8000')
    expect(maskMobile('+86 138 0013 8000')).toBe('138****8000')
  })

  it('leaves a masked number as it is (tickets kept on the phone hold only that)', () => {
    expect(maskMobile('138****8000')).toBe('138****8000')
    expect(maskMobile(maskMobile('13912345678'))).toBe('139****5678')
  })

  it('hides all but the last two characters of anything else', () => {
    expect(maskMobile('12345')).toBe('***45')
    expect(maskMobile('1')).toBe('**')
  })
})
