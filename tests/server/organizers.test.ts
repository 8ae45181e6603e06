// Pure parts of the organizer side: tokens, CSV cells, answer text.
import { answerText, csvCell, federationForToken, parseTokens } from '../../server/src/organizers'

describe('organizer tokens', () => {
  const tokens = parseTokens('{"wudu-2020":"token-for-wudu-0001","hebei-2021":"token-for-hebei-0002"}', 'test')

  it('find the federation a token belongs to, and nothing for a wrong or empty one', () => {
    expect(federationForToken(tokens, 'token-for-hebei-0002')).toBe('hebei-2021')
    expect(federationForToken(tokens, 'token-for-hebei-0003')).toBeUndefined()
    expect(federationForToken(tokens, '')).toBeUndefined()
    expect(federationForToken(tokens, undefined)).toBeUndefined()
  })

  it('refuse bad configuration with a message naming where it came from', () => {
    expect(() => parseTokens('{', 'ORGANIZER_TOKENS')).toThrow('ORGANIZER_TOKENS：不是合法的 JSON')
    expect(() => parseTokens('["a"]', 'f.json')).toThrow('f.json：应为 { "妇联id": "口令" } 的对象')
    expect(() => parseTokens('{"wudu-2020":"short"}', 'x')).toThrow('x：wudu-2020 的口令至少要16个字符')
  })
})

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
