// `npm run seed:scale`: fills an EMPTY database with national-scale made-up data (3,000 federations,
// 30,000 programs, 100,000 sessions, 1,000,000 sign-ups) for measuring the server at that size.
// Federations are copies of the five in mock/ (figures untouched) placed in real counties; the
// sign-ups are written with generate_series in the same SQL on PostgreSQL and PGlite.
import { fillMissingCardIndex } from '../card-index'
import { createHash } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import { divisions } from '../../../src/domain/divisions'
import { buildCatalog } from '../../../src/domain/catalog'
import type { FederationFile, FormField, Program } from '../../../src/domain/types'
import { validateSignup } from '../../../src/domain/validation'
import { beijingDayAt, toIso } from '../../../src/utils/date'
import { devLogin, devPassword } from '../accounts'
import { hashPassword, type ScryptCost } from '../auth-passwords'
import { bumpContentVersion, MOCK_DIR, readJsonDir } from '../content'
import type { Db, Queryable } from '../db/db'
import { personNameKey } from '../name-key'
import { RECOUNT_SESSIONS } from '../sessions'

/** The national scale: what `npm run seed:scale` writes without options. */
export const NATIONAL = { federations: 3000, programs: 30_000, sessions: 100_000, signups: 1_000_000 }

export interface ScaleOptions {
  federations: number
  signups: number
}

/** The busy session every scale has, for the roster measurement: this many sign-ups (or a quarter of all). */
export const HOT_SIGNUPS = 5000
/** One phone with this many sign-ups on as many sessions, for the 我的报名 measurement. */
export const BUSY_SIGNUPS = 50
/** Her phone's id (x-device-id), and her mobile. */
export const BUSY_CLIENT = 'd-scale-busy-phone'
export const BUSY_MOBILE = '19900000000'
/** Every other sign-up's mobile is 1990 and seven digits of its number: made up, one number a person. */
export const MOBILE_PREFIX = '1990'

/**
 * The development passwords of these accounts are public (README), so their hashes are made at a
 * low cost: 3,000 at the default cost would take minutes. Each hash names its own cost.
 */
const ACCOUNT_COST: ScryptCost = { logN: 10, r: 8, p: 1 }

const USAGE =
  '用法：npm run seed:scale [-- --federations <个数> --signups <条数> | --scale <比例，如 0.1>]（默认 3000 个妇联、1000000 条报名）'

/** Reads `--federations N --signups M` or `--scale f` (a fraction of the national scale). */
export function parseScaleArgs(args: string[]): ScaleOptions {
  const options: ScaleOptions = { federations: NATIONAL.federations, signups: NATIONAL.signups }
  for (let i = 0; i < args.length; i += 2) {
    const [key, raw] = [args[i], args[i + 1]]
    const value = Number(raw)
    if (raw === undefined || !Number.isFinite(value) || value <= 0) throw new Error(`${key} 后面要跟一个正数\n${USAGE}`)
    if (key === '--scale') {
      if (value > 1) throw new Error(`--scale 是全国规模的比例，应在 0 到 1 之间\n${USAGE}`)
      options.federations = Math.max(1, Math.round(NATIONAL.federations * value))
      options.signups = Math.max(1, Math.round(NATIONAL.signups * value))
    } else if (key === '--federations' && Number.isInteger(value)) options.federations = value
    else if (key === '--signups' && Number.isInteger(value)) options.signups = value
    else throw new Error(`不认识的参数 ${key} ${raw}\n${USAGE}`)
  }
  const most = counties().length
  if (options.federations > most) throw new Error(`--federations 最多 ${most} 个（每个妇联放在不同的区县）`)
  return options
}

export interface County {
  code: string
  province: string
  city?: string
  name: string
}

/**
 * Mainland counties of the national division table (the one the feed's region codes come from), in
 * code order, no 市辖区 placeholder; a county directly under its province (仙桃) has no city.
 */
export function counties(): County[] {
  const table = divisions()
  const list: County[] = []
  for (const [code, county] of table.counties) {
    const province = table.provinces.get(`${code.slice(0, 2)}0000`)
    const city = table.cities.get(`${code.slice(0, 4)}00`)
    if (!province || Number(code.slice(0, 2)) > 65 || code.endsWith('00') || /市辖区|其它区/.test(county.name)) continue
    list.push({ code, name: county.name, province: province.name, city: city?.name })
  }
  return list.sort((a, b) => a.code.localeCompare(b.code))
}

/** `n` counties spread over the whole list, so a small scale still spans the country. */
export function spreadCounties(n: number): County[] {
  const all = counties()
  return Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)])
}

const PROGRAMS_PER_FEDERATION = NATIONAL.programs / NATIONAL.federations

/**
 * The sign-up form of a copy: the original's, but a region field lists no districts (the
 * original's are another city's), so it is typed in.
 */
function copyForm(form: FormField[]): FormField[] {
  return form.map((f) => {
    if (f.type !== 'region' || !f.options) return f
    const { options: _left, ...rest } = f
    return rest
  })
}

/**
 * Federation `i`: a copy of original `i % 5` in `county`, with its own ids; ten programs, the
 * original's repeated as later rounds (第2期), taking sign-ups as an organizer's program does
 * (not demo: its sessions live in the sessions table).
 */
export function copyFederation(original: FederationFile, county: County): FederationFile {
  const suffix = county.code
  const programs: Program[] = Array.from({ length: PROGRAMS_PER_FEDERATION }, (_, j) => {
    const p = original.programs[j % original.programs.length]
    const round = Math.floor(j / original.programs.length) + 1
    return {
      ...p,
      id: `${p.id}-${suffix}${round > 1 ? `-${round}` : ''}`,
      title: round > 1 ? `${p.title}（第${round}期）` : p.title,
      ...(p.signup ? { signup: { demo: false, sessions: [], form: copyForm(p.signup.form) } } : {}),
    }
  })
  return {
    ...original,
    federation: {
      ...original.federation,
      id: `${original.federation.id}-${suffix}`,
      name: `${county.name}妇联`,
      region: { province: county.province, city: county.city, district: county.name, code: county.code },
      level: '区县级',
    },
    programs,
  }
}

/** What a woman answers on a copy's form, less her name, mobile and session (filled per sign-up). */
export function sampleAnswers(form: FormField[], county: County): Record<string, unknown> {
  const answers: Record<string, unknown> = {}
  for (const f of form) {
    if (['name', 'mobile', 'session'].includes(f.id)) continue
    if (f.type === 'checkbox') answers[f.id] = f.required
    else if (!f.required) continue
    else if (f.type === 'region') answers[f.id] = county.name
    else if (f.type === 'single') answers[f.id] = f.options?.[0]
    else if (f.type === 'multi') answers[f.id] = f.options?.slice(0, 1)
    else if (f.type === 'number') answers[f.id] = Math.min(f.max ?? 40, Math.max(f.min ?? 40, 40))
    else answers[f.id] = f.id === 'product' ? '家乡土特产' : `${county.name}`
  }
  return answers
}

interface PlannedSession {
  id: string
  program_id: string
  title: string
  starts_at: string
  ends_at: string
  deadline_at: string
  online: boolean
  place: string | null
  capacity: number
}

interface PlanRow {
  idx: number
  session_id: string
  program_id: string
  program_title: string
  federation_name: string
  session_title: string
  session_start: string
  online: boolean
  place: string | null
  capacity: number
  n: number
  first_g: number
  busy: boolean
  answers: Record<string, unknown>
}

export interface ScaleResult {
  federations: number
  programs: number
  sessions: number
  signups: number
  /** The session with HOT_SIGNUPS sign-ups, and its program (the roster measurement). */
  hotSession: string
  hotProgram: string
  /** Its federation, whose development 管理员 reads the roster. */
  hotFederation: string
  seconds: number
}

// Common simplified characters only: each name is its own dedupe key (no traditional form to fold).
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏'
const GIVEN = '秀桂兰英芳玉珍华梅霞丽敏静燕红萍娟琴云凤春艳雪莉慧颖琳佳欣怡婷晓月文明冬青荣平'

/** Ticket codes: a session's sign-up r gets (start + r·3^18) mod 31^6 in the alphabet of src/domain/tickets.ts. */
const TICKET_CODE = Array.from(
  { length: 6 },
  (_, i) => `substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', ((t.n / ${31 ** (5 - i)}) % 31)::integer + 1, 1)`,
).join(' || ')

/** Rows through one jsonb parameter, `size` at a time: no statement carries thousands of parameters. */
async function inBatches<T>(items: T[], size: number, write: (json: string) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await write(JSON.stringify(items.slice(i, i + size)))
}

export class NotEmptyForScaleError extends Error {
  constructor(what: string) {
    super(
      `数据库不是空的（${what}），不能写入规模测试数据：seed:scale 只用于新建的空数据库，以免混进真实的内容和报名。`,
    )
    this.name = 'NotEmptyForScaleError'
  }
}

async function refuseNonEmpty(tx: Queryable): Promise<void> {
  const [row] = await tx.query<{ f: string | number; s: string | number; a: string | number }>(
    `SELECT (SELECT count(*) FROM federations) AS f, (SELECT count(*) FROM signups) AS s,
       (SELECT count(*) FROM accounts) AS a`,
  )
  const found = [
    [row.f, '个妇联'],
    [row.s, '条报名'],
    [row.a, '个组织者账号'],
  ]
    .filter(([n]) => Number(n) > 0)
    .map(([n, what]) => `已有 ${Number(n)} ${what}`)
  if (found.length) throw new NotEmptyForScaleError(found.join('、'))
}

/**
 * Writes the national-scale data into an empty database in one transaction (a failure leaves it
 * empty), dated from `now`; checks the content with the catalog's validator and a sample of the
 * sign-ups with the server's, and the seat counts with SQL, before committing.
 */
export async function seedScale(
  db: Db,
  options: ScaleOptions,
  now: Date,
  log: (line: string) => void = () => undefined,
): Promise<ScaleResult> {
  const started = performance.now()
  const originals = buildCatalog(readJsonDir(MOCK_DIR, 'mock')).files.sort((a, b) =>
    a.federation.id.localeCompare(b.federation.id),
  )
  const places = spreadCounties(options.federations)
  const docs = places.map((county, i) => ({ county, doc: copyFederation(originals[i % originals.length], county) }))
  const checked = buildCatalog(
    docs.map(({ doc }) => ({ file: `federations/${doc.federation.id}`, data: doc })),
    { datedSessions: true },
  )
  if (checked.problems.length) throw new Error(`生成的内容没有通过检查：${checked.problems[0].message}`)

  // Sessions: NATIONAL's share per federation, spread evenly over the programs that take sign-ups.
  const sessionTotal = Math.max(1, Math.round((options.federations * NATIONAL.sessions) / NATIONAL.federations))
  const takers = docs.flatMap(({ county, doc }) =>
    doc.programs.filter((p) => p.signup).map((program) => ({ county, doc, program })),
  )
  const original = new Map(originals.flatMap((f) => f.programs).map((p) => [p.id, p]))
  const templatesOf = (p: Program) => original.get(p.id.replace(/-\d{6}(-\d+)?$/, ''))?.signup?.sessions ?? []
  const sessions: Array<PlannedSession & { taker: (typeof takers)[number] }> = []
  takers.forEach((taker, k) => {
    const count = Math.floor(((k + 1) * sessionTotal) / takers.length) - Math.floor((k * sessionTotal) / takers.length)
    const templates = templatesOf(taker.program)
    for (let n = 0; n < count; n++) {
      const t = templates[n % templates.length]
      const round = Math.floor(n / templates.length) + 1
      // Over the next five months, from a week ahead; sign-up closes two days before, at 18:00.
      const days = 7 + ((sessions.length * 37) % 150)
      const start = beijingDayAt(now, days, t.startTime)
      sessions.push({
        id: `${taker.program.id}-s${n + 1}`,
        program_id: taker.program.id,
        title: round > 1 ? `${t.title}（第${round}场）` : t.title,
        starts_at: toIso(start),
        ends_at: toIso(start.add(t.durationMinutes, 'minute')),
        deadline_at: toIso(beijingDayAt(now, days - 2, '18:00')),
        online: t.online,
        place: t.online ? null : `${taker.county.name}妇女儿童之家`,
        capacity: 10 + ((sessions.length * 7919) % 91),
        taker,
      })
    }
  })

  // Sign-ups: the hot session first, then one each for the busy phone, the rest by uneven weights.
  const total = options.signups
  const hotCount = Math.min(HOT_SIGNUPS, Math.floor(total / 4))
  const busyCount = Math.min(BUSY_SIGNUPS, sessions.length - 1, total - hotCount)
  const counts = sessions.map((_, j) => (j === 0 ? hotCount : j <= busyCount ? 1 : 0))
  const rest = total - hotCount - busyCount
  const weights = sessions.map((_, j) => (j === 0 ? 0 : 1 + ((j * 7919) % 19)))
  const weightSum = weights.reduce((a, b) => a + b, 0)
  if (weightSum === 0) counts[0] += rest
  let cumulative = 0
  if (weightSum > 0)
    weights.forEach((w, j) => {
      const before = Math.floor((cumulative * rest) / weightSum)
      cumulative += w
      counts[j] += Math.floor((cumulative * rest) / weightSum) - before
    })
  // The hot session fills three in five of its sign-ups: the rest wait or cancelled.
  if (sessions.length) sessions[0].capacity = Math.max(1, Math.floor(hotCount * 0.6))
  const hot = sessions[0]

  let nextG = 1
  const plan: PlanRow[] = sessions.map((s, j) => {
    const row: PlanRow = {
      idx: j,
      session_id: s.id,
      program_id: s.program_id,
      program_title: s.taker.program.title,
      federation_name: s.taker.doc.federation.name,
      session_title: s.title,
      session_start: s.starts_at,
      online: s.online,
      place: s.place,
      capacity: s.capacity,
      n: counts[j],
      first_g: nextG,
      busy: j >= 1 && j <= busyCount,
      answers: sampleAnswers(s.taker.program.signup?.form ?? [], s.taker.county),
    }
    nextG += counts[j]
    return row
  })

  const accountHashes = await Promise.all(
    docs.map(async ({ doc }) => ({
      federation_id: doc.federation.id,
      login: devLogin(doc.federation.id),
      display_name: `${doc.federation.name}管理员（开发）`,
      password_hash: await hashPassword(devPassword(doc.federation.id), ACCOUNT_COST),
    })),
  )
  log(`内容已生成并检查（${((performance.now() - started) / 1000).toFixed(1)} 秒），开始写入数据库`)

  const result = await db.transaction(
    async (tx) => {
      // The same lock as the content seed: a server starting on this database meanwhile waits.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [727002])
      await refuseNonEmpty(tx)
      const at = now.toISOString()
      await inBatches(
        docs.map(({ doc }) => {
          return { doc, hash: createHash('sha256').update(JSON.stringify(doc)).digest('hex') }
        }),
        200,
        (json) =>
          tx.query(
            `INSERT INTO federations (id, name, doc, content_hash, region_code, level, published, published_at, created_at,
               loaded_at)
             SELECT d.doc -> 'federation' ->> 'id', d.doc -> 'federation' ->> 'name', d.doc, d.hash,
               d.doc -> 'federation' -> 'region' ->> 'code', d.doc -> 'federation' ->> 'level', true,
               $2::timestamptz, $2::timestamptz, $2::timestamptz
             FROM jsonb_to_recordset($1::jsonb) AS d(doc jsonb, hash text)`,
            [json, at],
          ),
      )
      await tx.query(
        `INSERT INTO programs (id, federation_id, title)
         SELECT p ->> 'id', f.id, p ->> 'title' FROM federations f, jsonb_array_elements(f.doc -> 'programs') AS p`,
      )
      await tx.query(
        `INSERT INTO form_versions (program_id, version, fields, created_at)
         SELECT p ->> 'id', 1, p -> 'signup' -> 'form', $1::timestamptz
         FROM federations f, jsonb_array_elements(f.doc -> 'programs') AS p WHERE p ? 'signup'`,
        [at],
      )
      await inBatches(
        sessions.map(({ taker: _t, ...s }) => s),
        5000,
        (json) =>
          tx.query(
            `INSERT INTO sessions (id, program_id, capacity, title, starts_at, ends_at, deadline_at, online, place)
             SELECT id, program_id, capacity, title, starts_at, ends_at, deadline_at, online, place
             FROM jsonb_to_recordset($1::jsonb) AS s(id text, program_id text, capacity integer, title text,
               starts_at timestamptz, ends_at timestamptz, deadline_at timestamptz, online boolean, place text)`,
            [json],
          ),
      )
      log(`已写入 ${docs.length} 个妇联、${docs.length * PROGRAMS_PER_FEDERATION} 个项目、${sessions.length} 个场次`)
      await inBatches(accountHashes, 1000, (json) =>
        tx.query(
          `INSERT INTO accounts (federation_id, login, display_name, role, password_hash, dev_seed, created_at, updated_at)
             SELECT federation_id, login, display_name, 'admin', password_hash, true, $2::timestamptz, $2::timestamptz
             FROM jsonb_to_recordset($1::jsonb) AS a(federation_id text, login text, display_name text, password_hash text)`,
          [json, at],
        ),
      )

      await tx.query(`CREATE TEMP TABLE scale_plan (
        idx integer PRIMARY KEY, session_id text, program_id text, program_title text, federation_name text,
        session_title text, session_start text, online boolean, place text, capacity integer, n integer,
        first_g bigint, busy boolean, answers jsonb) ON COMMIT DROP`)
      await inBatches(plan, 5000, (json) =>
        tx.query(
          `INSERT INTO scale_plan SELECT * FROM jsonb_to_recordset($1::jsonb) AS p(idx integer, session_id text,
             program_id text, program_title text, federation_name text, session_title text, session_start text,
             online boolean, place text, capacity integer, n integer, first_g bigint, busy boolean, answers jsonb)`,
          [json],
        ),
      )
      // Sign-up r of a session: every tenth cancelled, then confirmed up to the capacity, then the
      // waitlist; written in r order, so arrival order (seq) agrees with the waitlist.
      const SIGNUP_BATCH = 100_000
      const name = `CASE WHEN s.busy_row THEN '张秀兰' ELSE substr('${SURNAMES}', (s.g % ${SURNAMES.length})::integer + 1, 1)
          || substr('${GIVEN}', ((s.g / ${SURNAMES.length}) % ${GIVEN.length})::integer + 1, 1)
          || substr('${GIVEN}', ((s.g / ${SURNAMES.length * GIVEN.length}) % ${GIVEN.length})::integer + 1, 1) END`
      for (let from = 0; from < plan.length; ) {
        let to = from
        let rows = 0
        while (to < plan.length && (rows === 0 || rows + plan[to].n <= SIGNUP_BATCH)) rows += plan[to++].n
        await tx.query(
          `INSERT INTO signups (id, client_id, idempotency_key, session_id, program_id, status, name, mobile, answers,
             program_title, federation_name, session_title, session_start, online, place, created_at, updated_at,
             name_key, session_version, form_version, ticket_code)
           SELECT 'su_scale_' || s.g, CASE WHEN s.busy_row THEN $3 ELSE 'd-scale-' || s.g END, 'scale-' || s.g,
             s.session_id, s.program_id,
             CASE WHEN s.r % 10 = 0 THEN 'cancelled' WHEN s.r - s.r / 10 <= s.capacity THEN 'confirmed'
               ELSE 'waitlisted' END,
             t.name, t.mobile,
             s.answers || jsonb_build_object('name', t.name, 'mobile', t.mobile, 'session', s.session_id),
             s.program_title, s.federation_name, s.session_title, s.session_start, s.online, s.place,
             t.created, t.created, t.name, 1, 1, ${TICKET_CODE}
           FROM (
             SELECT p.*, g.r, p.first_g + g.r - 1 AS g, p.busy AND g.r = 1 AS busy_row
             FROM scale_plan p, generate_series(1, p.n) AS g(r)
             WHERE p.idx >= $1 AND p.idx < $2
           ) s,
           LATERAL (SELECT ${name} AS name,
             CASE WHEN s.busy_row THEN $4 ELSE '${MOBILE_PREFIX}' || lpad(s.g::text, 7, '0') END AS mobile,
             -- Each session's codes start somewhere of its own (any start works: 3^18 and 31^6 share no factor).
             (s.idx::bigint * 2654435761 + s.r::bigint * 387420489) % 887503681 AS n,
             $5::timestamptz - ($6::bigint - s.g) * interval '1 second' AS created) t
           ORDER BY s.g`,
          [from, to, BUSY_CLIENT, BUSY_MOBILE, at, total],
        )
        log(`已写入报名 ${plan[to - 1].first_g + plan[to - 1].n - 1} / ${total}`)
        from = to
      }
      await tx.query(RECOUNT_SESSIONS)
      await checkWritten(tx, total)
      await bumpContentVersion(tx)
      return {
        federations: docs.length,
        programs: docs.length * PROGRAMS_PER_FEDERATION,
        sessions: sessions.length,
        signups: total,
        hotSession: hot.id,
        hotProgram: hot.program_id,
        hotFederation: hot.taker.doc.federation.id,
      }
    },
    { maintenance: true },
  )
  // The feed's index, written here rather than by the first server start (which would fill it too,
  // but slowly at this size, before it answers).
  await fillMissingCardIndex(db)
  // Fresh statistics, so the first requests are planned on the real sizes.
  await db.transaction((tx) => tx.query('ANALYZE'), { maintenance: true })
  return { ...result, seconds: Math.round((performance.now() - started) / 100) / 10 }
}

/**
 * Before committing: the counts, the seat rules on every session, and a sample of sign-ups through
 * the server's own validator (the same answers a form would have stored) and name key.
 */
async function checkWritten(tx: Queryable, total: number): Promise<void> {
  const [{ n }] = await tx.query<{ n: string | number }>('SELECT count(*) AS n FROM signups')
  if (Number(n) !== total) throw new Error(`报名条数不对：应为 ${total}，实为 ${n}`)
  const [bad] = await tx.query<{ id: string }>(
    `SELECT id FROM sessions WHERE confirmed_count > capacity
       OR (waitlisted_count > 0 AND confirmed_count < capacity) LIMIT 1`,
  )
  if (bad) throw new Error(`场次 ${bad.id} 的名额不对：已报名超过名额，或还有空位却有人候补`)
  const step = Math.max(1, Math.floor(total / 500))
  const sample = await tx.query<{
    name: string
    mobile: string
    name_key: string
    session_id: string
    answers: unknown
    fields: unknown
  }>(
    `SELECT g.name, g.mobile, g.name_key, g.session_id, g.answers, v.fields
     FROM signups g JOIN form_versions v ON v.program_id = g.program_id AND v.version = g.form_version
     WHERE g.id = ANY($1::text[])`,
    [`{${Array.from({ length: Math.ceil(total / step) }, (_, i) => `su_scale_${1 + i * step}`).join(',')}}`],
  )
  if (sample.length === 0) throw new Error('没有读到抽查的报名')
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as unknown
  for (const row of sample) {
    const answers = parse(row.answers)
    const checked = validateSignup(parse(row.fields) as FormField[], answers, { sessionIds: [row.session_id] })
    if (!checked.ok) throw new Error(`抽查的报名没有通过报名表检查：${checked.errors[0].message}`)
    if (!isDeepStrictEqual(checked.values, answers)) throw new Error(`抽查的报名与报名表保存的写法不同：${row.name}`)
    if (personNameKey(row.name) !== row.name_key) throw new Error(`抽查的报名姓名查重键不对：${row.name}`)
  }
}
