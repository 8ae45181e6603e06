// Password hashing and the slow-down schedule: pure parts of the organizer accounts.
import { waitAfter, waitText, LOCKOUT } from '../../server/src/accounts'
import {
  decoyHash,
  DEFAULT_COST,
  hashPassword,
  randomToken,
  temporaryPassword,
  verifyPassword,
} from '../../server/src/auth-passwords'

describe('password hashes', () => {
  it('are scrypt at N=2^15, r=8, p=1 with a random salt, and say so', async () => {
    const a = await hashPassword('river-stone-42')
    const b = await hashPassword('river-stone-42')
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('river')
    expect(DEFAULT_COST).toEqual({ logN: 15, r: 8, p: 1 })
  })

  it('verify the right password only, whatever cost each hash was made with', async () => {
    const cheap = await hashPassword('river-stone-42', { logN: 10, r: 8, p: 1 })
    expect(cheap.startsWith('scrypt$10$8$1$')).toBe(true)
    expect(await verifyPassword('river-stone-42', cheap)).toBe(true)
    expect(await verifyPassword('river-stone-43', cheap)).toBe(false)
    // The same letters composed differently are the same password.
    const composed = await hashPassword('caf\u00e9-stone-42', { logN: 10, r: 8, p: 1 })
    expect(await verifyPassword('cafe\u0301-stone-42', composed)).toBe(true)
  })

  it('refuse malformed or absurdly costly hashes without throwing', async () => {
    for (const bad of [
      '',
      'plain',
      'scrypt$15$8$1$abc',
      'bcrypt$15$8$1$a$b',
      'scrypt$30$8$1$a$b',
      'scrypt$x$8$1$a$b',
    ]) {
      expect(await verifyPassword('anything-at-all', bad)).toBe(false)
    }
  })

  it('keep a decoy of the configured cost for unknown login names', async () => {
    const decoy = await decoyHash()
    expect(decoy.startsWith('scrypt$15$8$1$')).toBe(true)
    expect(await decoyHash()).toBe(decoy)
    expect((await decoyHash({ logN: 10, r: 8, p: 1 })).startsWith('scrypt$10$')).toBe(true)
  })

  it('make tokens of 32 random bytes and temporary passwords without look-alike characters', () => {
    const tokens = new Set(Array.from({ length: 50 }, randomToken))
    expect(tokens.size).toBe(50)
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const temp = temporaryPassword()
    expect(temp).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/)
    expect(temp).not.toMatch(/[01lIoO]/)
  })
})

describe('slow-down after wrong passwords', () => {
  it('lets three through, then doubles the wait from 5 s, then locks for 15 minutes', () => {
    expect(Array.from({ length: 12 }, (_, i) => waitAfter(i))).toEqual([
      0, 0, 0, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 900_000, 900_000,
    ])
    expect(LOCKOUT.lockAt).toBe(10)
  })

  it('says the wait in seconds or whole minutes, rounded up', () => {
    expect([waitText(5_000), waitText(4_200), waitText(59_000), waitText(61_000), waitText(900_000)]).toEqual([
      '5秒',
      '5秒',
      '59秒',
      '2分钟',
      '15分钟',
    ])
  })
})
