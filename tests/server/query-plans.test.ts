// Every query of the request path finds its rows through an index: with tens of thousands of
// sign-ups and thousands of sessions, analysed, the planner is free to choose a Seq Scan and
// would, for any query that no index fits. So a Seq Scan here means a cost that grows with history.
import { MOCK_DIR, readJsonDir, seedContent } from '../../server/src/content'
import type { Db } from '../../server/src/db/db'
import { migrate } from '../../server/src/db/migrate'
import { SQL } from '../../server/src/signups'
import { VERIFY_SQL } from '../../server/src/verify'
import { CHECKIN_SQL } from '../../server/src/tickets'
import { NOTICE_SQL } from '../../server/src/notify'
import { RATE_LIMIT_SQL } from '../../server/src/http/rate-limit-store'
import { OPENID_SQL } from '../../server/src/wechat'
import { cardPageQuery, OPEN_PROGRAMS_SQL } from '../../server/src/card-index'
import { encodeCardCursor, type CardFilter } from '../../src/domain/filters'
import { openSessionQuery } from '../../server/src/open-sessions'
import { encodeOpenSessionCursor, type OpenSessionFilter } from '../../src/domain/open-sessions'
import { backends, freshDatabase, NOW } from './support'

const SIGNUPS = 30_000
/** About as many cards as China has federations at county, city and province level. */
const CARDS = 20_000
const SESSIONS = 2_000
const PROGRAMS = 50

type Plan = { 'Node Type': string; 'Relation Name'?: string; Plans?: Plan[] }

/** Every scan in a plan, as "Node Type on relation". */
function scans(plan: Plan): string[] {
  const own = plan['Relation Name'] ? [`${plan['Node Type']} on ${plan['Relation Name']}`] : []
  return [...own, ...(plan.Plans ?? []).flatMap(scans)]
}

async function explain(db: Db, sql: string, params: ReadonlyArray<string | number | boolean | null>) {
  const [row] = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params)
  const raw = row['QUERY PLAN']
  const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: Plan }>
  return scans(json[0].Plan)
}

/** A new sign-up's values (id, client, key, session, program, then her row), as SQL.insert and SQL.oneCall take them. */
const NEW_SIGNUP = [
  'g-new',
  'c-new',
  'k-new',
  'plan-s-7',
  'plan-p-7',
  'n',
  'm',
  '{}',
  't',
  'f',
  's',
  '2026-12-01T09:00:00+08:00',
  false,
  null,
  '2026-11-23T10:00:00+08:00',
  'n',
  1,
  1,
  'mobile:b-7',
  'K7M9QX,2345AB,ZZZZZZ',
  '["reminder"]',
  10,
]

/** A representative value for each query's parameters. */
const PARAMS: Record<keyof typeof SQL, ReadonlyArray<string | number | boolean | null>> = {
  lockSession: ['plan-s-7'],
  session: ['plan-s-7', 'plan-p-7', 'c-7', 'k-7'],
  byKey: ['c-7', 'k-7'],
  byId: ['g-7'],
  owned: ['g-7', 'c-7'],
  waitlistPlace: ['plan-s-7', 7],
  firstWaitlisted: ['plan-s-7', 'g-7'],
  insert: [...NEW_SIGNUP.slice(0, 5), 'confirmed', ...NEW_SIGNUP.slice(5)],
  // The session's fingerprint and the confirmed count below which she gets a seat, then her row.
  oneCall: ['{}', 10, ...NEW_SIGNUP],
  formVersions: ['plan-p-7'],
  setStatus: ['cancelled', 'g-7'],
  count: ['plan-s-7', 1, 0, 0],
  programSessions: ['plan-p-7'],
  statusCounts: ['plan-p-7'],
  roster: ['plan-p-7'],
  mine: ['c-7'],
  clientRows: ['c-7'],
  deleteClient: ['c-7'],
  forgetOpenid: ['c-7'],
  hold: ['g-7'],
  confirmHold: ['g-7'],
}

const VERIFY_PARAMS: Record<keyof typeof VERIFY_SQL, ReadonlyArray<string | number | boolean | null>> = {
  countSent: ['mobile', 'mk-7', '2026-11-23'],
  lastCode: ['mk-7'],
  lastCodeLocked: ['mk-7'],
  insertCode: ['mk-new', 'h', '2026-11-23T10:00:00+08:00', '2026-11-23T10:05:00+08:00', '127.0.0.1'],
  retireEarlier: ['mk-7', '2026-11-23T10:00:00+08:00'],
  wrongTry: [7],
  use: [7, '2026-11-23T10:00:00+08:00'],
  deleteCode: [7],
}

const CHECKIN_PARAMS: Record<keyof typeof CHECKIN_SQL, ReadonlyArray<string | number | boolean | null>> = {
  session: ['plan-s-7'],
  byId: ['g-7'],
  byCode: ['plan-s-7', 'K7M9QX'],
  checkIn: ['g-7', '2026-12-01T09:05:00+08:00', null],
  checkedIn: ['plan-s-7'],
  search: ['plan-s-7', null, 'n-7'],
}

const NOTICE_PARAMS: Record<keyof typeof NOTICE_SQL, ReadonlyArray<string | number | boolean | null>> = {
  recipient: ['g-7'],
  spend: ['g-7', 'reminder'],
  giveBack: ['g-7', 'reminder'],
  session: ['plan-s-7'],
  recordFor: ['["g-7", "g-10"]', 'promoted', '', 't'],
  recordSession: ['plan-s-7', 'session_changed', 'v2', 't'],
}

const RATE_LIMIT_PARAMS: Record<keyof typeof RATE_LIMIT_SQL, ReadonlyArray<string | number | boolean | null>> = {
  hit: ['a:10.0.7.1', 60_000],
  sweep: [60_000],
}

const OPENID_PARAMS: Record<keyof typeof OPENID_SQL, ReadonlyArray<string | number | boolean | null>> = {
  keep: ['c-7', 'o1.x', '2026-11-23T10:00:00+08:00'],
  read: ['c-7'],
  forget: ['c-7'],
}

describe.each(backends())('query plans with %s', (backend) => {
  let db: Db
  let drop: () => Promise<void>
  beforeAll(async () => {
    const database = await freshDatabase(backend)
    drop = database.drop
    db = await database.open()
    await migrate(db)
    await seedContent(db, readJsonDir(MOCK_DIR, 'mock'), NOW)
    await db.query(`INSERT INTO federations (id, name, doc, content_hash) VALUES ('plan-f', 'f', '{}', 'h')`)
    await db.query(
      `INSERT INTO programs (id, federation_id, title)
       SELECT 'plan-p-' || g, 'plan-f', 'p' FROM generate_series(0, ${PROGRAMS - 1}) AS g`,
    )
    // Forty versions of every program's form: more than any will have, so a scan would show.
    await db.query(
      `INSERT INTO form_versions (program_id, version, fields)
       SELECT 'plan-p-' || g, v, '[]' FROM generate_series(0, ${PROGRAMS - 1}) AS g, generate_series(1, 40) AS v`,
    )
    await db.query(
      `INSERT INTO sessions (id, program_id, capacity, title, starts_at, ends_at, deadline_at, online)
       SELECT 'plan-s-' || g, 'plan-p-' || (g % ${PROGRAMS}), 30, 's',
         timestamptz '2026-12-01T09:00:00+08:00' + g * interval '1 hour',
         timestamptz '2026-12-01T11:00:00+08:00' + g * interval '1 hour', timestamptz '2026-11-30T18:00:00+08:00', false
       FROM generate_series(0, ${SESSIONS - 1}) AS g`,
    )
    // One in three waitlisted, one in three cancelled; 10,000 clients with three sign-ups each.
    await db.query(
      `INSERT INTO signups (id, client_id, idempotency_key, session_id, program_id, status, name, mobile, answers,
         program_title, federation_name, session_title, session_start, online, session_version, booker)
       SELECT 'g-' || g, 'c-' || (g % 10000), 'k-' || g, 'plan-s-' || (g % ${SESSIONS}),
         'plan-p-' || (g % ${SESSIONS} % ${PROGRAMS}), (ARRAY['confirmed', 'waitlisted', 'cancelled'])[g % 3 + 1],
         'n-' || g, 'm-' || g, '{}', 't', 'f', 's', '2026-12-01T09:00:00+08:00', false, 1, 'mobile:b-' || (g % 5000)
       FROM generate_series(1, ${SIGNUPS}) AS g`,
    )
    // Codes for 10,000 mobiles over three days, each counted for the mobile and an address.
    await db.query(
      `INSERT INTO verification_codes (mobile_key, code_hash, created_at, expires_at, client_address)
       SELECT 'mk-' || (g % 10000), 'h', timestamptz '2026-11-21T10:00:00+08:00' + g * interval '10 second',
         timestamptz '2026-11-21T10:05:00+08:00' + g * interval '10 second', '10.0.' || (g % 200) || '.1'
       FROM generate_series(1, ${SIGNUPS}) AS g`,
    )
    await db.query(
      `INSERT INTO verification_counts (scope, key, day, sent)
       SELECT 'mobile', 'mk-' || g, date '2026-11-23', 1 FROM generate_series(1, 10000) AS g`,
    )
    // Staff and programs of many federations, some sign-ups checked in: the check-in queries and
    // the roster name who checked her in and whose the session is, by key, not by reading them all.
    await db.query(
      `INSERT INTO programs (id, federation_id, title)
       SELECT 'plan-q-' || g, 'plan-f', 'q' FROM generate_series(0, 4999) AS g`,
    )
    await db.query(
      `INSERT INTO accounts (federation_id, login, display_name, role, password_hash)
       SELECT 'plan-f', 'plan-staff-' || g, 's', 'viewer', 'x' FROM generate_series(0, 4999) AS g`,
    )
    await db.query(
      `UPDATE signups SET checked_in_at = timestamptz '2026-12-01T09:05:00+08:00',
         checked_in_by = (SELECT min(id) FROM accounts), ticket_code = 'K7M9QX'
       WHERE id IN ('g-3', 'g-6', 'g-9')`,
    )
    // A notice history: a reminder for every sign-up, a promotion for one in three. 我的报名 asks
    // whether hers was promoted by key, never by reading the notices.
    await db.query(
      `INSERT INTO notices (signup_id, kind, key, text, status)
       SELECT 'g-' || g, 'reminder', '2026-12-01T09:00:00+08:00', 't', 'sent' FROM generate_series(1, ${SIGNUPS}) AS g
       UNION ALL
       SELECT 'g-' || g, 'promoted', '', 't', 'sent' FROM generate_series(1, ${SIGNUPS}, 3) AS g`,
    )
    // The rate limit's windows: 20,000 keys counting now (the sweep finds the few that ended by index).
    await db.query(
      `INSERT INTO rate_limits (key, window_start, hits)
       SELECT 'a:10.0.' || (g / 250) || '.' || (g % 250), now() - (g % 50) * interval '1 second', 1 + g % 7
       FROM generate_series(1, 20000) AS g`,
    )
    // A sealed openid for each of the 10,000 clients: the sender reads hers by key.
    await db.query(
      `INSERT INTO wx_openids (client_id, openid_enc) SELECT 'c-' || g, 'o1.x' FROM generate_series(0, 9999) AS g`,
    )
    // The national feed: cards over 31 provinces, 10 cities each, 10 counties each, four years.
    await db.query(
      `INSERT INTO federations (id, name, doc, content_hash, published)
       SELECT 'plan-c-' || g, '第' || g || '个妇联', '{}', 'h', true FROM generate_series(1, ${CARDS}) AS g`,
    )
    await db.query(
      `INSERT INTO card_index (federation_id, year, region_code, province_code, city_code, county_code, topics, search,
         program_ids, card)
       SELECT 'plan-c-' || g, 2020 + g % 4, p || c || k, p || '0000', p || c || '00', p || c || k,
         CASE WHEN g % 3 = 0 THEN ARRAY['健康', '家庭家风'] ELSE ARRAY['就业创业'] END,
         '第' || g || '个妇联 某' || p || '省 某' || c || '市 某' || k || '县',
         ARRAY['plan-p-' || (g % ${PROGRAMS})], '{}'
       FROM (SELECT g, lpad((11 + g % 31)::text, 2, '0') AS p, lpad((1 + g / 31 % 10)::text, 2, '0') AS c,
               lpad((1 + g / 310 % 11)::text, 2, '0') AS k
             FROM generate_series(1, ${CARDS}) AS g) AS codes`,
    )
    // The 可报名 list's rows for every program above, spread over the same provinces, cities and counties.
    await db.query(
      `INSERT INTO program_index (program_id, federation_id, program_title, federation_name, topic, province_code,
         city_code, county_code)
       SELECT id, 'plan-f', 'p', 'f', (ARRAY['健康', '就业创业', '家庭家风'])[g % 3 + 1], p || '0000', p || c || '00',
         p || c || k
       FROM (SELECT id, g, lpad((11 + g % 31)::text, 2, '0') AS p, lpad((1 + g / 31 % 10)::text, 2, '0') AS c,
               lpad((1 + g / 310 % 11)::text, 2, '0') AS k
             FROM (SELECT id, row_number() OVER (ORDER BY id) AS g FROM programs WHERE id LIKE 'plan-%') AS numbered)
         AS codes`,
    )
    await db.query('ANALYZE')
  }, 180_000)
  afterAll(async () => {
    await db.close()
    await drop()
  })

  it.each(Object.keys(SQL) as Array<keyof typeof SQL>)('%s reads no table from end to end', async (name) => {
    const found = await explain(db, SQL[name], PARAMS[name])
    expect(found.filter((s) => s.startsWith('Seq Scan'))).toEqual([])
  })

  it.each(Object.keys(VERIFY_SQL) as Array<keyof typeof VERIFY_SQL>)(
    'verification: %s reads no table from end to end',
    async (name) => {
      const found = await explain(db, VERIFY_SQL[name], VERIFY_PARAMS[name])
      expect(found.filter((s) => s.startsWith('Seq Scan'))).toEqual([])
    },
  )

  it.each(Object.keys(CHECKIN_SQL) as Array<keyof typeof CHECKIN_SQL>)(
    'check-in: %s reads no table from end to end',
    async (name) => {
      const found = await explain(db, CHECKIN_SQL[name], CHECKIN_PARAMS[name])
      expect(found.filter((s) => s.startsWith('Seq Scan'))).toEqual([])
    },
  )

  it.each(Object.keys(NOTICE_SQL) as Array<keyof typeof NOTICE_SQL>)(
    'notices: %s reads no table from end to end',
    async (name) => {
      const found = await explain(db, NOTICE_SQL[name], NOTICE_PARAMS[name])
      expect(found.filter((s) => s.startsWith('Seq Scan'))).toEqual([])
    },
  )

  it.each(Object.keys(OPENID_SQL) as Array<keyof typeof OPENID_SQL>)(
    'openids: %s reads no table from end to end',
    async (name) => {
      const found = await explain(db, OPENID_SQL[name], OPENID_PARAMS[name])
      expect(found.filter((s) => s.startsWith('Seq Scan'))).toEqual([])
    },
  )

  const after = encodeCardCursor({ year: 2022, regionCode: '150305', id: 'plan-c-1000' })
  const CARD_PAGES: Array<[string, CardFilter, string | undefined]> = [
    ['the first page', {}, undefined],
    ['a later page', {}, after],
    ['a province', { province: '150000' }, undefined],
    ['a province, a later page', { province: '150000' }, after],
    ['a city', { city: '150300' }, undefined],
    ['a county', { county: '150305' }, after],
    ['a topic', { topic: '健康' }, undefined],
    ['a search', { q: '个妇联 某15省' }, undefined],
    ['a short search', { q: '某15' }, after],
    ['a search within a province and a topic', { province: '150000', topic: '健康', q: '某03市' }, undefined],
    ['有可报名', { open: '1' }, undefined],
    ['有可报名 in a province, a later page', { province: '150000', open: '1' }, after],
  ]

  it.each(CARD_PAGES)('cards: %s reads no table from end to end', async (_name, filter, cursor) => {
    const { sql, params } = cardPageQuery(filter, cursor, 12, NOW)
    const found = await explain(db, sql, params)
    expect(found.filter((s) => s.startsWith('Seq Scan'))).toEqual([])
    expect(found.length).toBeGreaterThan(0)
  })

  const afterSession = encodeOpenSessionCursor({ deadline: Date.parse('2026-11-30T18:00:00+08:00'), id: 'plan-s-700' })
  const OPEN_SESSION_PAGES: Array<[string, OpenSessionFilter, string | undefined]> = [
    ['the first page', {}, undefined],
    ['a later page', {}, afterSession],
    ['a province', { province: '150000' }, undefined],
    ['a city, a later page', { city: '150300' }, afterSession],
    ['a county', { county: '150305' }, undefined],
    ['a topic', { topic: '健康' }, undefined],
    ['a province and a topic, a later page', { province: '150000', topic: '健康' }, afterSession],
  ]

  it.each(OPEN_SESSION_PAGES)('open sessions: %s reads no table from end to end', async (_name, filter, cursor) => {
    const { sql, params } = openSessionQuery(filter, cursor, 12, NOW)
    const found = await explain(db, sql, params as Array<string | number>)
    expect(found.filter((s) => s.startsWith('Seq Scan'))).toEqual([])
    expect(found.some((s) => s.endsWith('on sessions'))).toBe(true)
  })

  it("cards: a page's open programs are counted by key", async () => {
    const found = await explain(db, OPEN_PROGRAMS_SQL, ['{plan-p-7,plan-p-8}', '2026-11-23T10:00:00+08:00'])
    expect(found.filter((s) => s.startsWith('Seq Scan'))).toEqual([])
  })

  it('would have caught a card search no index fits (the check can fail)', async () => {
    const found = await explain(db, `SELECT federation_id FROM card_index WHERE card::text LIKE $1`, ['%某15%'])
    expect(found).toContain('Seq Scan on card_index')
  })

  it('would have caught the counts that read every sign-up (the check can fail)', async () => {
    const before = await explain(
      db,
      `SELECT session_id, count(*) FROM signups WHERE program_title = $1 AND status = 'confirmed' GROUP BY session_id`,
      ['t'],
    )
    expect(before).toContain('Seq Scan on signups')
  })

  it.each(Object.keys(RATE_LIMIT_SQL) as Array<keyof typeof RATE_LIMIT_SQL>)(
    'rate limit: %s reads no table from end to end',
    async (name) => {
      const found = await explain(db, RATE_LIMIT_SQL[name], RATE_LIMIT_PARAMS[name])
      expect(found.filter((s) => s.startsWith('Seq Scan'))).toEqual([])
    },
  )
})
