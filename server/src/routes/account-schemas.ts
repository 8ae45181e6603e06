// JSON schemas shared by the account routes (auth.ts, staff.ts): what they take and answer.
import { PASSWORD_MAX_LENGTH, ROLES } from '../../../src/domain/roles'

export const role = { type: 'string', enum: [...ROLES] } as const
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const
export const password = text(PASSWORD_MAX_LENGTH * 4)

export const account = {
  type: 'object',
  required: ['id', 'login', 'displayName', 'role', 'federation'],
  properties: {
    id: { type: 'integer' },
    login: { type: 'string' },
    displayName: { type: 'string' },
    role,
    federation: {
      type: 'object',
      required: ['id', 'name'],
      properties: { id: { type: 'string' }, name: { type: 'string' } },
    },
  },
} as const

export const loginResult = {
  type: 'object',
  required: ['token', 'expiresAt', 'account', 'mustChangePassword'],
  properties: {
    token: { type: 'string' },
    expiresAt: { type: 'string' },
    account,
    mustChangePassword: { type: 'boolean' },
  },
} as const

export const ok = { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } } as const

export const staffMember = {
  type: 'object',
  required: ['id', 'login', 'displayName', 'role', 'roleLabel', 'disabled', 'locked', 'mustChangePassword'],
  properties: {
    id: { type: 'integer' },
    login: { type: 'string' },
    displayName: { type: 'string' },
    role,
    roleLabel: { type: 'string' },
    disabled: { type: 'boolean' },
    locked: { type: 'boolean' },
    mustChangePassword: { type: 'boolean' },
    createdAt: { type: 'string' },
    lastSeenAt: { type: ['string', 'null'] },
  },
} as const

export const strings = { login: text(100), displayName: text(100), note: text(200) }

export const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 20 } },
} as const
