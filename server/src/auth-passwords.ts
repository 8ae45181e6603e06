// Password hashes: scrypt (memory-hard) with a random salt, stored as one string that names its
// own parameters, so the cost can be raised later without breaking the hashes already stored.
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

export interface ScryptCost {
  /** log2 of N: 15 costs 32 MB and about 0.1 s a hash. */
  logN: number
  r: number
  p: number
}

export const DEFAULT_COST: ScryptCost = { logN: 15, r: 8, p: 1 }
const KEY_BYTES = 32
const SALT_BYTES = 16

function derive(password: string, salt: Buffer, { logN, r, p }: ScryptCost): Promise<Buffer> {
  const N = 2 ** logN
  // Node refuses past 32 MB by default; N=2^15, r=8 needs exactly that plus a little.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * p + 16 * 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (e, key) => (e ? reject(e) : resolve(key))),
  )
}

/** `scrypt$15$8$1$<salt>$<hash>`, both base64url. */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

function parse(encoded: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | undefined {
  const [kind, logN, r, p, salt, key] = encoded.split('$')
  const cost = { logN: Number(logN), r: Number(r), p: Number(p) }
  if (kind !== 'scrypt' || ![cost.logN, cost.r, cost.p].every((n) => Number.isInteger(n) && n > 0)) return undefined
  if (cost.logN > 20 || cost.r > 32 || cost.p > 4 || !salt || !key) return undefined
  return { cost, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') }
}

/** Whether `password` matches `encoded`, compared in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded)
  if (!parsed) return false
  const key = await derive(password, parsed.salt, parsed.cost)
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key)
}

const decoys = new Map<string, Promise<string>>()

/**
 * A hash of nothing anyone knows, made with `cost`: checked against when the login name is
 * unknown, so that answer takes as long as a wrong password.
 */
export function decoyHash(cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const key = `${cost.logN}/${cost.r}/${cost.p}`
  let decoy = decoys.get(key)
  if (!decoy) {
    decoy = hashPassword(randomBytes(24).toString('base64url'), cost)
    decoys.set(key, decoy)
  }
  return decoy
}

/** 16 characters a person can copy: no 0/O or 1/l/I to confuse. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('')
}

/** A session or invitation token: 32 random bytes, base64url. */
export const randomToken = (): string => randomBytes(32).toString('base64url')
