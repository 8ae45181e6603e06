// One person is one person: the dedupe key of a name ignores compatibility ideographs, spaces
// anywhere (full-width too), letter case and, with the server's fold, traditional characters.
import fc from 'fast-check'
import { personNameKey } from '../../server/src/name-key'
import { createServer } from '../../server/src/server'
import {
  asDevice,
  backends,
  housekeepingBody,
  NOW,
  startTestServer,
  bookedRequest,
  testConfig,
  type TestServer,
} from './support'

// A server (or a process) starts in seconds, more on a busy machine.
jest.setTimeout(60_000)

/** Simplified characters common in names, each with its traditional form. */
const PAIRS: Array<[string, string]> = [
  ['陈', '陳'],
  ['刘', '劉'],
  ['张', '張'],
  ['黄', '黃'],
  ['丽', '麗'],
  ['华', '華'],
  ['欧', '歐'],
  ['阳', '陽'],
  ['兰', '蘭'],
  ['凤', '鳳'],
  ['红', '紅'],
  ['赵', '趙'],
  ['杨', '楊'],
  ['吴', '吳'],
  ['钟', '鍾'],
]
const PLAIN = [...'王李秀英芳娜敏静玉珍梅林海', ...PAIRS.map(([s]) => s)]

/** CJK compatibility ideographs whose NFKC form is a common character, e.g. U+F9E1 → 李. */
const COMPAT = new Map<string, string>()
for (let cp = 0xf900; cp <= 0xfad9; cp++) {
  const c = String.fromCodePoint(cp)
  const base = c.normalize('NFKC')
  if (base !== c && PLAIN.includes(base)) COMPAT.set(base, c)
}

const SPACES = [' ', '\u3000', '\t', '  ']

/** A name, and a way she might type it differently: another form of some characters, spaces inside. */
const typedTwice = fc.array(fc.constantFrom(...PLAIN), { minLength: 2, maxLength: 4 }).chain((chars) =>
  fc.tuple(
    fc.constant(chars.join('')),
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: chars.length, maxLength: chars.length }),
        fc.array(fc.option(fc.constantFrom(...SPACES), { nil: '' }), {
          minLength: chars.length,
          maxLength: chars.length,
        }),
      )
      .map(([swap, spaces]) =>
        chars
          .map((c, i) => {
            const other = PAIRS.find(([s]) => s === c)?.[1] ?? COMPAT.get(c) ?? c
            return `${swap[i] ? other : c}${spaces[i]}`
          })
          .join(''),
      ),
  ),
)

describe('name keys', () => {
  it('U+F9E1 and 李, an inner space (full-width too), 陳 and 陈', () => {
    expect(COMPAT.get('李')).toBe('\uF9E1')
    expect(personNameKey('\uF9E1秀英')).toBe(personNameKey('李秀英'))
    expect(personNameKey('李 秀英')).toBe(personNameKey('李秀英'))
    expect(personNameKey('李\u3000秀英')).toBe(personNameKey('李秀英'))
    expect(personNameKey('陳秀英')).toBe(personNameKey('陈秀英'))
    expect(personNameKey('Anna Li')).toBe(personNameKey('annali'))
  })

  it('two ways of typing one name give one key', () => {
    fc.assert(
      fc.property(typedTwice, ([name, typed]) => {
        expect(personNameKey(typed)).toBe(personNameKey(name))
      }),
      { numRuns: 300 },
    )
  })

  it('different names keep different keys', () => {
    expect(personNameKey('陈秀英')).not.toBe(personNameKey('陈秀兰'))
    expect(personNameKey('李芳')).not.toBe(personNameKey('李芳芳'))
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PLAIN), { minLength: 2, maxLength: 4 }),
        fc.array(fc.constantFrom(...PLAIN), { minLength: 2, maxLength: 4 }),
        (a, b) => {
          // Only the simplified forms are drawn, so different strings are different people.
          expect(personNameKey(a.join('')) === personNameKey(b.join(''))).toBe(a.join('') === b.join(''))
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe.each(backends())('one person, one sign-up per session (%s)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(backend)
  })
  afterAll(() => server.close())

  const submit = async (device: string, name: string, mobile: string) =>
    server.inject(await bookedRequest(server, device, housekeepingBody({ name, mobile })))

  it.each([
    ['a compatibility ideograph', '李秀英', '\uF9E1秀英', '13811110001'],
    ['a space inside', '李秀英', '李 秀英', '13811110002'],
    ['a full-width space inside', '李秀英', '李\u3000秀英', '13811110003'],
    ['traditional for simplified', '陈秀英', '陳秀英', '13811110004'],
    ['simplified for traditional, with a space', '陳秀英', '陈 秀英', '13811110005'],
  ])(
    '%s is the same person: the second is refused, the first is kept as typed',
    async (_what, first, second, mobile) => {
      const a = await submit(`d-key-a-${mobile}`, first, mobile)
      expect(a.statusCode).toBe(201)
      expect(JSON.parse(a.body).name).toBe(first)
      const b = await submit(`d-key-b-${mobile}`, second, mobile)
      expect(b.statusCode).toBe(409)
      expect(JSON.parse(b.body).error).toMatchObject({ code: 'duplicate', field: 'name' })
      // The same name with another mobile is someone else.
      expect((await submit(`d-key-c-${mobile}`, second, mobile.replace(/^138/, '139'))).statusCode).toBe(201)
    },
  )

  it('a name typed with a space is stored as she typed it', async () => {
    const r = await submit('d-key-typed', '欧阳 秀珍', '13811110099')
    expect(JSON.parse(r.body).name).toBe('欧阳 秀珍')
    const mine = JSON.parse((await server.inject(asDevice('d-key-typed', 'GET', '/api/signups/mine'))).body)
    expect(mine[0].name).toBe('欧阳 秀珍')
  })

  it('sign-ups stored before the key existed get theirs at start, and count as the same person', async () => {
    expect((await submit('d-key-old', '黃麗華', '13811110077')).statusCode).toBe(201)
    await server.db.query(`UPDATE signups SET name_key = NULL WHERE mobile = '13811110077'`)
    const again = await createServer(testConfig(), { db: server.db, now: () => NOW, logger: false })
    await again.app.close()
    const [row] = await server.db.query<{ name_key: string }>(
      `SELECT name_key FROM signups WHERE mobile = '13811110077'`,
    )
    expect(row.name_key).toBe('黄丽华')
    expect((await submit('d-key-new', '黄丽华', '13811110077')).statusCode).toBe(409)
  })
})
