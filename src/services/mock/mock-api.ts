// The Api over the mock/ JSON and device storage: what `npm start` runs with no server.
import { findProgram, trustedCatalog, type RawFile } from '@/domain/catalog'
import { filterProblem, pageCards } from '@/domain/filters'
import { openSessionProblem, pageOpenSessions, toOpenSession } from '@/domain/open-sessions'
import { isDemoProgram, programSessions } from '@/domain/sessions'
import { canCancel, cancelAndPromote, closedMessage, decideSignup, withWaitlistPositions } from '@/domain/signup-rules'
import { CONSENT_MESSAGE, validateSignup } from '@/domain/validation'
import { toCard, toProgramDetail, toReport } from '@/domain/views'
import type { Program } from '@/domain/types'
import { toIso, inBeijing } from '@/utils/date'
import { ApiError, type Api, type Answers, type Signup, type SignupRequest } from '../api'
import { clock } from '@/shared/clock'
import type { KeyValueStore } from '@/platform/types'

export type { KeyValueStore } from '@/platform/types'

export interface MockApiOptions {
  files: RawFile[]
  store: KeyValueStore
  now?: () => Date
  /** When it returns true the call fails as a network error would: lets the UI's error state be tested. */
  shouldFail?: (call: keyof Api) => boolean
  /** Told when stored sign-ups could not be read (they are set aside, not dropped). */
  onStorageProblem?: (message: string) => void
}

interface StoredSignup extends Signup {
  idempotencyKey: string
  answers: Answers
}

export const SIGNUPS_KEY = 'jg.mock.signups'
const CORRUPT_KEY = `${SIGNUPS_KEY}.corrupt`

export function createMockApi(options: MockApiOptions): Api {
  const { store, now = clock.now, shouldFail = () => false } = options
  // The app's own files, checked whole by `npm test` before any build (see trustedCatalog); built
  // into the app, they come without quotes (config/built-in-content-loader.cjs).
  const catalog = trustedCatalog(options.files)

  const guard = async (call: keyof Api) => {
    // Yield once so callers always see an asynchronous answer, as from a server.
    await Promise.resolve()
    if (shouldFail(call)) throw new ApiError('network', '网络不太好，没能加载成功，请稍后重试')
  }

  const findFile = (federationId: string) => {
    const file = catalog.files.find((f) => f.federation.id === federationId)
    if (!file) throw new ApiError('not_found', '没有找到这个妇联的年终盘点，可能已下线')
    return file
  }

  const findProgramOrThrow = (programId: string) => {
    const found = findProgram(catalog.files, programId)
    if (!found) throw new ApiError('not_found', '没有找到这个项目，可能已下线')
    return found
  }

  const readSignups = (): StoredSignup[] => {
    const raw = store.get(SIGNUPS_KEY)
    if (!raw) return []
    try {
      const parsed: unknown = JSON.parse(raw)
      if (Array.isArray(parsed)) return parsed as StoredSignup[]
    } catch {
      // fall through
    }
    // Unreadable data is set aside, never silently dropped, and she is told.
    try {
      store.set(CORRUPT_KEY, raw)
      store.remove(SIGNUPS_KEY)
    } catch {
      // storage full: leave the unreadable data where it is rather than lose it
    }
    options.onStorageProblem?.('有一部分报名记录没能读取，已另外保存。如有疑问请联系主办妇联。')
    return []
  }

  const writeSignups = (list: StoredSignup[]) => {
    try {
      store.set(SIGNUPS_KEY, JSON.stringify(list))
    } catch {
      throw new ApiError('storage', '手机存储空间不足，报名没有保存，请清理微信存储后再试')
    }
  }

  // Records stored before sign-ups carried `demo` take it from their program, as the server does.
  const publicView = ({ idempotencyKey: _k, answers: _a, ...signup }: StoredSignup): Signup => {
    if (typeof signup.demo === 'boolean') return signup
    const found = findProgram(catalog.files, signup.programId)
    return { ...signup, demo: found ? isDemoProgram(found.program) : true }
  }

  /** The program's sessions at `at`, each seat this phone's confirmed sign-ups hold counted as taken. */
  const takenWithMine = (program: Program, at: Date, mine: StoredSignup[]) =>
    programSessions(program, at).map((s) => ({
      ...s,
      taken: s.taken + mine.filter((m) => m.sessionId === s.id && m.status === 'confirmed').length,
    }))

  return {
    async listCards(filter = {}, cursor) {
      await guard('listCards')
      // The server's answer to the same request: its 400 for a bad code or cursor, its pages.
      const problem = filterProblem(filter, cursor)
      if (problem) throw new ApiError('invalid', problem.message, problem.field)
      const at = now()
      return pageCards(
        catalog.files.map((f) => toCard(f, at)),
        filter,
        cursor,
      )
    },

    async getReport(federationId) {
      await guard('getReport')
      return toReport(findFile(federationId))
    },

    async listOpenSessions(filter = {}, cursor) {
      await guard('listOpenSessions')
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

    async getProgram(programId) {
      await guard('getProgram')
      const { file, program } = findProgramOrThrow(programId)
      return toProgramDetail(file, program, takenWithMine(program, now(), readSignups()))
    },

    // `subscribed` is ignored: the built-in data sends no messages of any kind (the app never asks without a server).
    async submitSignup(request: SignupRequest) {
      await guard('submitSignup')
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

    async listMySignups() {
      await guard('listMySignups')
      return withWaitlistPositions(readSignups())
        .map(publicView)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    },

    async cancelSignup(signupId) {
      await guard('cancelSignup')
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
    async confirmSignup(signupId) {
      await guard('confirmSignup')
      const target = withWaitlistPositions(readSignups()).find((s) => s.id === signupId)
      if (!target) throw new ApiError('not_found', '没有找到这条报名记录')
      if (target.status === 'cancelled') throw new ApiError('closed', '这条报名已经取消了')
      if (target.status === 'waitlisted') throw new ApiError('closed', '还在候补，有了名额会通知您')
      return publicView(target)
    },

    async deleteMyData() {
      await guard('deleteMyData')
      store.remove(SIGNUPS_KEY)
      store.remove(CORRUPT_KEY)
    },
  }
}
