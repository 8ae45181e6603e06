// The built-in data's writes (sign up, cancel, confirm) and its 可报名 list: loaded with the pages
// that use them (use-mock-more.ts), so the mini-program's main package carries none of their rules.
import { openSessionProblem, pageOpenSessions, toOpenSession } from '@/domain/open-sessions'
import { canCancel, cancelAndPromote, closedMessage, decideSignup, withWaitlistPositions } from '@/domain/signup-rules'
import { CONSENT_MESSAGE, validateSignup } from '@/domain/validation'
import { programSessions } from '@/domain/sessions'
import { inBeijing, toIso } from '@/utils/date'
import { ApiError, type SignupRequest } from '../api'
import type { MockMore, StoredSignup } from './mock-core'

export const mockMore: MockMore = {
  async listOpenSessions({ catalog, now, readSignups, takenWithMine }, filter = {}, cursor) {
    const problem = openSessionProblem(filter, cursor)
    if (problem) throw new ApiError('invalid', problem.message, problem.field)
    const at = now()
    const mine = readSignups()
    const rows = catalog.files.flatMap((file) =>
      file.programs.flatMap((program) =>
        takenWithMine(program, at, mine).flatMap((s) => {
          const session = toOpenSession(
            s,
            {
              programTitle: program.title,
              federationId: file.federation.id,
              federationName: file.federation.name,
              topic: program.topic,
            },
            at,
          )
          return session ? [{ session, regionCode: file.federation.region.code }] : []
        }),
      ),
    )
    return pageOpenSessions(rows, filter, cursor)
  },

  // `subscribed` is ignored: the built-in data sends no messages of any kind (the app never asks without a server).
  async submitSignup({ now, findProgramOrThrow, readSignups, writeSignups, publicView }, request: SignupRequest) {
    const list = readSignups()
    const { file, program } = findProgramOrThrow(request.programId)
    const at = now()
    const session = programSessions(program, at).find((s) => s.id === request.sessionId)
    if (!session || !program.signup) throw new ApiError('not_found', '没有找到这个场次，请重新选择', 'session')

    const again = list.find((r) => r.idempotencyKey === request.idempotencyKey)
    if (again) return publicView(withWaitlistPositions(list).find((r) => r.id === again.id) ?? again)
    // A closed session is said before any field error: she cannot fix it by editing the form.
    const closed = closedMessage(session, at)
    if (closed) throw new ApiError('closed', closed, 'session')

    if (request.consent !== true) throw new ApiError('invalid', CONSENT_MESSAGE, 'consent')
    // The same validation as the form: the mock stands in for the server, which never trusts the client.
    const checked = validateSignup(
      program.signup.form,
      { ...request.answers, session: session.id },
      { sessionIds: [session.id] },
    )
    if (!checked.ok) throw new ApiError('invalid', checked.errors[0].message, checked.errors[0].field)
    const name = String(checked.values.name ?? '')
    const mobile = String(checked.values.mobile ?? '')

    const decision = decideSignup(list, session, { name, mobile }, request.idempotencyKey, at)
    if (decision.kind === 'again') return publicView(decision.record)
    if (decision.kind === 'closed') throw new ApiError('closed', decision.message, 'session')
    if (decision.kind === 'duplicate') throw new ApiError('duplicate', decision.message, 'name')

    const record: StoredSignup = {
      id: `su-${at.getTime().toString(36)}-${list.length + 1}`,
      programId: program.id,
      programTitle: program.title,
      federationName: file.federation.name,
      sessionId: session.id,
      sessionTitle: session.title,
      sessionStart: session.start,
      online: session.online,
      place: session.place,
      status: decision.status,
      demo: session.demo,
      name,
      mobile,
      createdAt: toIso(inBeijing(at)),
      idempotencyKey: request.idempotencyKey,
      answers: checked.values,
    }
    const next = withWaitlistPositions([...list, record])
    writeSignups(next)
    return publicView(next[next.length - 1])
  },

  async cancelSignup({ now, readSignups, writeSignups, publicView }, signupId) {
    const list = readSignups()
    const target = list.find((s) => s.id === signupId)
    if (!target) throw new ApiError('not_found', '没有找到这条报名记录')
    const check = canCancel(target, now())
    if (check.kind === 'started') throw new ApiError('closed', check.message)
    const next = cancelAndPromote(list, signupId)
    if (next !== list) writeSignups(next)
    return publicView(next.find((s) => s.id === signupId) ?? target)
  },

  // The built-in sessions have no hold window, so no seat here is ever held: confirming answers as
  // the server does for a seat without a hold, a waitlist place or a cancelled sign-up.
  async confirmSignup({ readSignups, publicView }, signupId) {
    const target = withWaitlistPositions(readSignups()).find((s) => s.id === signupId)
    if (!target) throw new ApiError('not_found', '没有找到这条报名记录')
    if (target.status === 'cancelled') throw new ApiError('closed', '这条报名已经取消了')
    if (target.status === 'waitlisted') throw new ApiError('closed', '还在候补，有了名额会通知您')
    return publicView(target)
  },
}
