// The Api over the mock/ JSON and device storage: what `npm start` runs with no server. Its reads
// are here; its writes and the 可报名 list (mock-more.ts) load with the pages that use them, so the
// mini-program's main package carries neither (mock-api.ts joins the two for tests).
import { findProgram, trustedCatalog, type RawFile } from '@/domain/catalog'
import { filterProblem, pageCards } from '@/domain/filters'
import { isDemoProgram, programSessions } from '@/domain/sessions'
import { withWaitlistPositions } from '@/domain/signup-rules'
import { toCard, toProgramDetail, toReport } from '@/domain/views'
import type { FederationFile, FormField, Program, Session } from '@/domain/types'
import { ApiError, type Api, type Answers, type Signup } from '../api'
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

export interface StoredSignup extends Signup {
  idempotencyKey: string
  answers: Answers
}

export const SIGNUPS_KEY = 'jg.mock.signups'
const CORRUPT_KEY = `${SIGNUPS_KEY}.corrupt`

/** What the writes and the 可报名 list work with: the catalog, this phone's stored sign-ups, the clock. */
export interface MockContext {
  catalog: ReturnType<typeof trustedCatalog>
  now: () => Date
  findProgramOrThrow: (programId: string) => { file: FederationFile; program: Program }
  readSignups: () => StoredSignup[]
  writeSignups: (list: StoredSignup[]) => void
  publicView: (s: StoredSignup) => Signup
  takenWithMine: (program: Program, at: Date, mine: StoredSignup[]) => Session[]
}

/** The part of the Api mock-more.ts gives, each method taking the context first. */
export type MockMore = {
  [K in 'submitSignup' | 'cancelSignup' | 'confirmSignup' | 'listOpenSessions']: (
    ctx: MockContext,
    ...args: Parameters<Api[K]>
  ) => ReturnType<Api[K]>
}

const registered: { more?: MockMore; forms?: Record<string, FormField[]> } = {}

/**
 * Called when a page that writes (or lists open sessions) loads: see use-mock-more.ts. `forms`: the
 * built-in files' sign-up forms, which the app's copy of them leaves out (content-forms.ts).
 */
export function registerMockMore(more: MockMore, forms?: Record<string, FormField[]>): void {
  registered.more = more
  registered.forms = forms
}

/** `more`: the writes and the 可报名 list, given (tests) or registered by the pages that use them. */
export function createMockCore(options: MockApiOptions, more: () => MockMore | undefined = () => registered.more): Api {
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
    const { signup } = found.program
    // The app's copy of a file comes without its forms until a page that signs up registers them.
    if (signup && !signup.form) {
      return {
        ...found,
        program: { ...found.program, signup: { ...signup, form: registered.forms?.[programId] ?? [] } },
      }
    }
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

  const ctx: MockContext = {
    catalog,
    now,
    findProgramOrThrow,
    readSignups,
    writeSignups,
    publicView,
    takenWithMine,
  }
  /** Each of these after the guard, as the reads are. */
  const later =
    <K extends keyof MockMore>(call: K) =>
    async (...args: Parameters<Api[K]>): Promise<Awaited<ReturnType<Api[K]>>> => {
      await guard(call)
      const given = more()
      // A page calling these imports use-mock-more.ts: without it the app was built wrong.
      if (!given) throw new ApiError('network', '这个功能还没有加载好，请返回后重新打开')
      return (given[call] as (c: MockContext, ...a: Parameters<Api[K]>) => Promise<Awaited<ReturnType<Api[K]>>>)(
        ctx,
        ...args,
      )
    }

  return {
    listOpenSessions: later('listOpenSessions'),
    submitSignup: later('submitSignup'),
    cancelSignup: later('cancelSignup'),
    confirmSignup: later('confirmSignup'),

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

    async getProgram(programId) {
      await guard('getProgram')
      const { file, program } = findProgramOrThrow(programId)
      return toProgramDetail(file, program, takenWithMine(program, now(), readSignups()))
    },

    async listMySignups() {
      await guard('listMySignups')
      return withWaitlistPositions(readSignups())
        .map(publicView)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    },

    async deleteMyData() {
      await guard('deleteMyData')
      store.remove(SIGNUPS_KEY)
      store.remove(CORRUPT_KEY)
    },
  }
}
