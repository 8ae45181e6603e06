// Pure parts of the organizer side: CSV cells, answer text.
import { answerText, csvCell } from '../../server/src/organizers'

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks', () => {
    expect(csvCell('东江镇')).toBe('东江镇')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('她说"好"')).toBe('"她说""好"""')
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"')
  })

  it('keep a typed formula from running in Excel', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('+86')).toBe("'+86")
    expect(csvCell('@sum')).toBe("'@sum")
  })

  it('write answers as plain text', () => {
    expect([
      answerText(['周末', '晚上']),
      answerText(true),
      answerText(false),
      answerText(42),
      answerText(undefined),
    ]).toEqual(['周末、晚上', '是', '否', '42', ''])
  })
})
