// Her sign-ups: submit one (once per idempotency key), list hers, cancel one, confirm a held seat,
// delete them all.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { SUBSCRIBE_TOPICS, type SubscribeTopic } from '../../../src/domain/subscriptions'
import { charCount, CONSENT_MESSAGE } from '../../../src/domain/validation'
import type { AnswerValue, Answers } from '../../../src/services/api'
import { bookerFrom, bookerKey } from '../booker'
import { invalid } from '../errors'
import { checkFirst } from '../http/checks'
import { LIMITS, param } from '../http/limits'
import { clientIdFrom } from '../identity'
import { ROUTE_SCHEMAS } from '../schemas'
import type { Signups } from '../signups'

export interface SignupDeps {
  signups: Signups
  /** Verifies the booker tokens (booker.ts). */
  bookerSecret: string
  now: () => Date
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/

function checkAnswers(raw: unknown): Answers {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('报名内容缺失，请重新填写', 'answers')
  const entries = Object.entries(raw)
  if (entries.length > LIMITS.answerKeys) throw invalid('报名内容的项目太多了', 'answers')
  const answers: Answers = {}
  for (const [key, value] of entries) {
    if (key.length > LIMITS.keyLength) throw invalid('报名内容里有不认识的项目', 'answers')
    answers[key] = checkValue(key, value)
  }
  return answers
}

function checkValue(field: string, value: unknown): AnswerValue {
  if (typeof value === 'string') {
    // Counted as she counts them: a rare character beyond the basic block is one, not two.
    if (value.length > LIMITS.textLength && charCount(value) > LIMITS.textLength)
      throw invalid(`这一项最多${LIMITS.textLength}个字`, field)
    return value
  }
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid('请填写数字', field)
    return value
  }
  if (Array.isArray(value)) {
    if (value.length > LIMITS.listItems) throw invalid('选得太多了', field)
    if (!value.every((v) => typeof v === 'string' && v.length <= LIMITS.itemLength))
      throw invalid('选项不对，请重新选择', field)
    return value as string[]
  }
  throw invalid('这一项的内容不对，请重新填写', field)
}

/** The templates she accepted (mini-program); anything else is refused rather than guessed at. */
function checkSubscribed(raw: unknown): SubscribeTopic[] {
  if (raw === undefined) return []
  const known = SUBSCRIBE_TOPICS as readonly unknown[]
  if (!Array.isArray(raw) || raw.length > known.length || !raw.every((t) => known.includes(t)))
    throw invalid('订阅消息的选择不对，请重新提交', 'subscribed')
  return [...new Set(raw as SubscribeTopic[])]
}

export function checkSubmit(body: unknown): {
  programId: string
  sessionId: string
  answers: Answers
  subscribed: SubscribeTopic[]
} {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('报名内容缺失，请重新填写')
  const { programId, sessionId, answers, consent, subscribed } = body as Record<string, unknown>
  if (consent !== true) throw invalid(CONSENT_MESSAGE, 'consent')
  if (typeof programId !== 'string' || !programId || programId.length > LIMITS.idLength) {
    throw invalid('没有说明报名哪个项目', 'programId')
  }
  if (typeof sessionId !== 'string' || !sessionId || sessionId.length > LIMITS.idLength) {
    throw invalid('请选择场次', 'session')
  }
  return { programId, sessionId, answers: checkAnswers(answers), subscribed: checkSubscribed(subscribed) }
}

/** Whose phone, who verified, the submit's key and the sign-up itself, checked in that order. */
function checkSubmitRequest(req: FastifyRequest, secret: string, now: Date) {
  const clientId = clientIdFrom(req.headers['x-device-id'])
  const booker = bookerKey(bookerFrom(req.headers['x-booker-token'], secret, now))
  const key = req.headers['idempotency-key']
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw invalid('提交缺少标识，请刷新页面后重新提交', 'idempotency-key')
  }
  return { clientId, booker, idempotencyKey: key, ...checkSubmit(req.body) }
}

const device = (req: FastifyRequest) => clientIdFrom(req.headers['x-device-id'])

/** What checkSubmitRequest made of a request before its schema was checked: the handler uses it as it is. */
const submitted = new WeakMap<FastifyRequest, ReturnType<typeof checkSubmitRequest>>()

export async function signupRoutes(app: FastifyInstance, { signups, bookerSecret, now }: SignupDeps): Promise<void> {
  app.post(
    '/api/signups',
    {
      schema: ROUTE_SCHEMAS.submitSignup,
      preValidation: checkFirst((req) => submitted.set(req, checkSubmitRequest(req, bookerSecret, now()))),
    },
    async (req, reply) => {
      const at = now()
      const checked = submitted.get(req) ?? checkSubmitRequest(req, bookerSecret, at)
      const { signup, created } = await signups.submit({ ...checked, now: at })
      return reply.code(created ? 201 : 200).send(signup)
    },
  )

  app.get('/api/signups/mine', { schema: ROUTE_SCHEMAS.mySignups, preValidation: checkFirst(device) }, async (req) =>
    signups.mine(device(req)),
  )

  app.post(
    '/api/signups/:id/cancel',
    { schema: ROUTE_SCHEMAS.cancelSignup, preValidation: checkFirst(device) },
    async (req) => signups.cancel(device(req), param(req, 'id', '没有找到这条报名记录'), now()),
  )
  app.post(
    '/api/signups/:id/confirm',
    { schema: ROUTE_SCHEMAS.confirmSignup, preValidation: checkFirst(device) },
    async (req) => signups.confirm(device(req), param(req, 'id', '没有找到这条报名记录'), now()),
  )

  app.delete(
    '/api/signups/mine',
    { schema: ROUTE_SCHEMAS.deleteMySignups, preValidation: checkFirst(device) },
    async (req, reply) => {
      await signups.deleteMine(device(req), now())
      return reply.code(204).send()
    },
  )
}
