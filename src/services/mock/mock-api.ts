// The Api over the mock/ JSON and device storage: what `npm start` runs with no server.
import { buildCatalog, findProgram, pickFigures, type RawFile } from '@/domain/catalog'
import { filterCards } from '@/domain/filters'
import { normalizeMobile } from '@/domain/mobile'
import { isProgramOpen, programSessions, signupState } from '@/domain/sessions'
import type { FederationFile, YearEndCard } from '@/domain/types'
import { toIso, inBeijing } from '@/utils/date'
import { ApiError, type Api, type Answers, type Signup, type SignupRequest } from '../api'

/** The small slice of device storage the mock needs; `set` throws when storage is full. */
export interface KeyValueStore {
  get(key: string): string | null
  set(key: string, value: string): void
}

export interface MockApiOptions {
  files: RawFile[]
  store: KeyValueStore
  now?: () => Date
  /** When it returns true the call fails as a network error would: lets the UI's error state be tested. */
  shouldFail?: (call: keyof Api) => boolean
  onDataProblem?: (message: string) => void
}

interface StoredSignup extends Signup {
  idempotencyKey: string
  answers: Answers
}

export const SIGNUPS_KEY = 'jg.mock.signups'
const CORRUPT_KEY = `${SIGNUPS_KEY}.corrupt`

function toCard(file: FederationFile, now: Date): YearEndCard {
  const f = file.federation
  return {
    federationId: f.id,
    name: f.name,
    region: f.region,
    level: f.level,
    year: f.year,
    color: file.theme.color,
    summary: file.summary,
    topics: file.topics,
    headlineFigures: pickFigures(file, file.headlineFigureIds),
    source: file.source,
    programCount: file.programs.length,
    openProgramCount: file.programs.filter((p) => isProgramOpen(p, now)).length,
  }
}

export function createMockApi(options: MockApiOptions): Api {
  const { store, now = () => new Date(), shouldFail = () => false } = options
  const catalog = buildCatalog(options.files)
  for (const p of catalog.problems) options.onDataProblem?.(p.message)

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
    // Unreadable data is set aside, never silently dropped.
    try {
      store.set(CORRUPT_KEY, raw)
    } catch {
      // nothing more we can do here
    }
    return []
  }

  const writeSignups = (list: StoredSignup[]) => {
    try {
      store.set(SIGNUPS_KEY, JSON.stringify(list))
    } catch {
      throw new ApiError('storage', '手机存储空间不足，报名没有保存，请清理微信存储后再试')
    }
  }

  /** Waitlist positions follow arrival order within each session. */
  const withPositions = (list: StoredSignup[]): StoredSignup[] => {
    const counters = new Map<string, number>()
    return list.map((s) => {
      if (s.status !== 'waitlisted') return { ...s, waitlistPosition: undefined }
      const n = (counters.get(s.sessionId) ?? 0) + 1
      counters.set(s.sessionId, n)
      return { ...s, waitlistPosition: n }
    })
  }

  const publicView = ({ idempotencyKey: _k, answers: _a, ...signup }: StoredSignup): Signup => signup

  return {
    async listCards(filter) {
      await guard('listCards')
      const at = now()
      return filterCards(
        catalog.files.map((f) => toCard(f, at)),
        filter,
      )
    },

    async getReport(federationId) {
      await guard('getReport')
      const file = findFile(federationId)
      return {
        card: toCard(file, now()),
        sections: file.sections.map((s) => ({ ...s, figures: pickFigures(file, s.figureIds) })),
        programs: file.programs,
        source: file.source,
      }
    },

    async getProgram(programId) {
      await guard('getProgram')
      const { file, program } = findProgramOrThrow(programId)
      const mine = readSignups()
      const sessions = programSessions(program, now()).map((s) => ({
        ...s,
        taken: s.taken + mine.filter((m) => m.sessionId === s.id && m.status === 'confirmed').length,
      }))
      return {
        program,
        federation: {
          id: file.federation.id,
          name: file.federation.name,
          region: file.federation.region,
          year: file.federation.year,
        },
        color: file.theme.color,
        figures: pickFigures(file, program.figureIds),
        sessions,
      }
    },

    async submitSignup(request: SignupRequest) {
      await guard('submitSignup')
      const list = readSignups()
      const again = list.find((s) => s.idempotencyKey === request.idempotencyKey)
      if (again) return publicView(withPositions(list).find((s) => s.id === again.id) ?? again)

      const { file, program } = findProgramOrThrow(request.programId)
      const at = now()
      const session = programSessions(program, at).find((s) => s.id === request.sessionId)
      if (!session) throw new ApiError('not_found', '没有找到这个场次，请重新选择', 'session')
      const state = signupState(session, at)
      if (state === 'closed') throw new ApiError('closed', '这个场次的报名已经截止了', 'session')
      if (state === 'notYet') throw new ApiError('closed', '这个场次还没开始报名', 'session')

      const name = typeof request.answers.name === 'string' ? request.answers.name.trim() : ''
      const mobile = typeof request.answers.mobile === 'string' ? normalizeMobile(request.answers.mobile) : ''
      if (!name) throw new ApiError('invalid', '请填写姓名', 'name')
      if (!mobile) throw new ApiError('invalid', '请填写手机号', 'mobile')
      const duplicate = list.find(
        (s) => s.sessionId === session.id && s.status !== 'cancelled' && s.name === name && s.mobile === mobile,
      )
      if (duplicate) throw new ApiError('duplicate', `${name} 已经报名了这个场次，不用重复报名`, 'name')

      const confirmed = list.filter((s) => s.sessionId === session.id && s.status === 'confirmed').length
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
        status: session.taken + confirmed < session.capacity ? 'confirmed' : 'waitlisted',
        name,
        mobile,
        createdAt: toIso(inBeijing(at)),
        idempotencyKey: request.idempotencyKey,
        answers: { ...request.answers, mobile },
      }
      const next = withPositions([...list, record])
      writeSignups(next)
      return publicView(next[next.length - 1])
    },

    async listMySignups() {
      await guard('listMySignups')
      return withPositions(readSignups())
        .map(publicView)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    },

    async cancelSignup(signupId) {
      await guard('cancelSignup')
      const list = readSignups()
      const target = list.find((s) => s.id === signupId)
      if (!target) throw new ApiError('not_found', '没有找到这条报名记录')
      if (target.status === 'cancelled') return publicView(target)
      const wasConfirmed = target.status === 'confirmed'
      let next = list.map((s) => (s.id === signupId ? { ...s, status: 'cancelled' as const } : s))
      if (wasConfirmed) {
        // The freed seat goes to the first on this session's waitlist.
        const first = next.find((s) => s.sessionId === target.sessionId && s.status === 'waitlisted')
        if (first) next = next.map((s) => (s.id === first.id ? { ...s, status: 'confirmed' as const } : s))
      }
      next = withPositions(next)
      writeSignups(next)
      return publicView(next.find((s) => s.id === signupId) ?? target)
    },
  }
}
