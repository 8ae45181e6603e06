// Validates federation files and builds the catalog; broken data is named by file and field.
import { FIGURE_VALUE, findFigure } from './figure-match'
import { FIELD_TYPES, FIGURE_SCOPES, LEVELS, TOPICS, type FederationFile, type Figure, type Program } from './types'

/** Fewest figures a file may have: the card shows 3–4 of them (README 数据). */
export const MIN_FIGURES = 3
export const HEADLINE_FIGURES = { min: 3, max: 4 } as const

export interface RawFile {
  /** File name, used in error messages (e.g. "mock/chengdu-2020.json"). */
  file: string
  data: unknown
}

export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field} ${detail}`)
    this.name = 'DataError'
  }
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export interface CatalogOptions {
  /**
   * The app's own bundle leaves each figure's quote out (config/built-in-content-loader.cjs): the
   * phone never shows it. Absent is then fine; a quote that is there is still checked.
   */
  quotesLeftOut?: boolean
  /**
   * The server's database: sessions are dated rows of their own, so a program may take real
   * sign-ups (`signup.demo` false) and list no session templates.
   */
  datedSessions?: boolean
}

/** Walks one file and collects every problem, each naming the field by its path. */
class Checker {
  readonly problems: DataError[] = []
  constructor(
    readonly file: string,
    readonly options: CatalogOptions = {},
  ) {}

  fail(field: string, detail: string) {
    this.problems.push(new DataError(this.file, field, detail))
  }
  obj(v: unknown, field: string): Obj | undefined {
    if (isObj(v)) return v
    this.fail(field, v === undefined ? '缺失' : '应为对象')
    return undefined
  }
  str(o: Obj, key: string, path: string, optional = false): string | undefined {
    const v = o[key]
    if (v === undefined && optional) return undefined
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(`${path}.${key}`, v === undefined ? '缺失' : '应为非空字符串')
      return undefined
    }
    return v
  }
  num(o: Obj, key: string, path: string, optional = false): number | undefined {
    const v = o[key]
    if (v === undefined && optional) return undefined
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.fail(`${path}.${key}`, v === undefined ? '缺失' : '应为数字')
      return undefined
    }
    return v
  }
  arr(o: Obj, key: string, path: string, optional = false): unknown[] | undefined {
    const v = o[key]
    if (v === undefined && optional) return undefined
    if (!Array.isArray(v)) {
      this.fail(`${path}.${key}`, v === undefined ? '缺失' : '应为数组')
      return undefined
    }
    return v
  }
  oneOf<T extends string>(o: Obj, key: string, path: string, allowed: readonly T[]) {
    const v = this.str(o, key, path)
    if (v !== undefined && !allowed.includes(v as T))
      this.fail(`${path}.${key}`, `应为 ${allowed.join('/')} 之一，实为 "${v}"`)
  }
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/
const COLOR = /^#[0-9a-fA-F]{6}$/
const REGION_CODE = /^\d{6}$/

/** First two digits of every province-level code in GB/T 2260 (incl. 台湾 71, 香港 81, 澳门 82). */
const PROVINCE_PREFIXES = new Set([
  ...[11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46],
  ...[50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82],
])

/** The level of place a GB/T 2260 code names: a province (xx0000), a city (xxxx00) or a county. */
export function regionCodeLevel(code: string): '省' | '市' | '区县' {
  return code.endsWith('0000') ? '省' : code.endsWith('00') ? '市' : '区县'
}

/** Why `code` is not a GB/T 2260 division code, or undefined when it is shaped like one. */
export function regionCodeProblem(code: string): string | undefined {
  if (!REGION_CODE.test(code)) return `"${code}" 应为6位行政区划代码（GB/T 2260），如 621202`
  if (!PROVINCE_PREFIXES.has(Number(code.slice(0, 2)))) return `"${code}" 的前两位不是任何省级行政区的代码`
  return undefined
}

/** Ids of federations: also their file names and part of links, so lower-case letters, digits and "-". */
const FEDERATION_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
export const FEDERATION_ID_MAX = 64

/** Why `id` cannot name a federation, or undefined when it can. */
export function federationIdProblem(id: string): string | undefined {
  if (id.length > FEDERATION_ID_MAX) return `"${id}" 太长了，最多 ${FEDERATION_ID_MAX} 个字符`
  if (!FEDERATION_ID.test(id)) {
    return `"${id}" 只能用小写字母、数字和“-”，以字母开头，如 wudu-2020`
  }
  return undefined
}

/** "mock/wudu-2020.json" → "wudu-2020"; also the server's "federations/wudu-2020". */
export function idFromFileName(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.json$/, '')
}

/**
 * A GB/T 2260 code names a province (xx0000), a city (xxxx00) or a county (anything else); the code
 * must be of the level of the most precise place the region names.
 */
function checkRegion(c: Checker, region: Obj) {
  const path = 'federation.region'
  c.str(region, 'province', path)
  const city = c.str(region, 'city', path, true)
  const district = c.str(region, 'district', path, true)
  const code = c.str(region, 'code', path)
  if (code === undefined) return
  // The shape only: a test file may use a made-up code; a new federation's code is checked in full (regionCodeProblem).
  if (!REGION_CODE.test(code)) {
    c.fail(`${path}.code`, `"${code}" 应为6位行政区划代码（GB/T 2260），如 621202`)
    return
  }
  const level = district ? '区县' : city ? '市' : '省'
  const codeLevel = regionCodeLevel(code)
  if (level !== codeLevel) c.fail(`${path}.code`, `"${code}" 是${codeLevel}级代码，但地区写到了${level}一级`)
}

function checkFigure(c: Checker, raw: unknown, path: string) {
  const f = c.obj(raw, path)
  if (!f) return
  c.str(f, 'id', path)
  c.str(f, 'label', path)
  const unit = c.str(f, 'unit', path)
  const value = c.str(f, 'value', path)
  if (value !== undefined && !FIGURE_VALUE.test(value)) {
    c.fail(`${path}.value`, `"${value}" 不是原文写法的数字（如 680余、58.1万、近300、突破71万、3-5、三百多）`)
  }
  c.oneOf(f, 'scope', path, FIGURE_SCOPES)
  c.str(f, 'scopeLabel', path, true)
  if (f.scope === 'total' && f.scopeLabel === undefined) {
    c.fail(`${path}.scopeLabel`, '累计数字须写明累计范围，用原文的说法（如 八年累计、截至目前）')
  }
  if (f.scope === 'year' && f.scopeLabel !== undefined) c.fail(`${path}.scopeLabel`, '只有 scope 为 total 的数字才写')
  const quote = c.str(f, 'quote', path, c.options.quotesLeftOut)
  if (quote !== undefined && value !== undefined && unit !== undefined && findFigure(quote, value, unit) === -1) {
    c.fail(`${path}.quote`, `摘句里没有“${value}${unit}”`)
  }
}

function checkProgram(c: Checker, raw: unknown, path: string) {
  const p = c.obj(raw, path)
  if (!p) return
  for (const k of ['id', 'title', 'summary', 'audience']) c.str(p, k, path)
  c.oneOf(p, 'topic', path, TOPICS)
  c.arr(p, 'figureIds', path)
  if (p.signup === undefined) return
  const s = c.obj(p.signup, `${path}.signup`)
  if (!s) return
  const real = c.options.datedSessions === true && s.demo === false
  if (s.demo !== true && !real) c.fail(`${path}.signup.demo`, '报名场次是演示数据，必须标为 true')
  const sessions = c.arr(s, 'sessions', `${path}.signup`) ?? []
  if (sessions.length === 0 && !real) c.fail(`${path}.signup.sessions`, '至少要有一个场次')
  sessions.forEach((raw, i) => {
    const sp = `${path}.signup.sessions[${i}]`
    const ss = c.obj(raw, sp)
    if (!ss) return
    c.str(ss, 'id', sp)
    c.str(ss, 'title', sp)
    for (const k of ['startInDays', 'durationMinutes', 'deadlineInDays', 'capacity', 'taken']) c.num(ss, k, sp)
    c.num(ss, 'signupOpensInDays', sp, true)
    const t = c.str(ss, 'startTime', sp)
    if (t !== undefined && !TIME.test(t)) c.fail(`${sp}.startTime`, `"${t}" 应为 HH:mm`)
    if (typeof ss.online !== 'boolean') c.fail(`${sp}.online`, '缺失或不是 true/false')
    const place = ss.online === false ? c.str(ss, 'place', sp) : undefined
    // Sessions are demo data: a place must not read as a real address.
    if (place !== undefined && !place.includes('示例')) {
      c.fail(`${sp}.place`, `"${place}" 是演示场次，地点须写明“示例”，如“某某街道妇女儿童之家（示例地点）”`)
    }
    if (typeof ss.capacity === 'number' && typeof ss.taken === 'number' && (ss.taken < 0 || ss.taken > ss.capacity)) {
      c.fail(`${sp}.taken`, '应在 0 到 capacity 之间')
    }
    if (typeof ss.capacity === 'number' && ss.capacity < 1) c.fail(`${sp}.capacity`, '应至少为 1')
  })
  const form = c.arr(s, 'form', `${path}.signup`) ?? []
  const types = new Set<string>()
  form.forEach((raw, i) => {
    const fp = `${path}.signup.form[${i}]`
    const f = c.obj(raw, fp)
    if (!f) return
    c.str(f, 'id', fp)
    c.str(f, 'label', fp)
    c.oneOf(f, 'type', fp, FIELD_TYPES)
    if (typeof f.required !== 'boolean') c.fail(`${fp}.required`, '缺失或不是 true/false')
    if (typeof f.type === 'string') types.add(f.type)
    if (f.type === 'single' || f.type === 'multi') {
      const opts = c.arr(f, 'options', fp)
      if (opts && (opts.length < 2 || !opts.every((o) => typeof o === 'string')))
        c.fail(`${fp}.options`, '至少两个文字选项')
    }
  })
  for (const needed of ['mobile', 'session']) {
    if (!types.has(needed)) c.fail(`${path}.signup.form`, `缺少 ${needed} 字段`)
  }
}

/** Checks the shape of one file; returns the typed file or the list of problems. */
export function checkFederationFile(
  file: string,
  data: unknown,
  options: CatalogOptions = {},
): { ok: FederationFile } | { problems: DataError[] } {
  const c = new Checker(file, options)
  const root = c.obj(data, '(根)')
  if (!root) return { problems: c.problems }
  const fed = c.obj(root.federation, 'federation')
  if (fed) {
    const id = c.str(fed, 'id', 'federation')
    const expected = idFromFileName(file)
    if (id !== undefined && id !== expected) c.fail('federation.id', `"${id}" 应与文件名一致，即 "${expected}"`)
    c.str(fed, 'name', 'federation')
    c.oneOf(fed, 'level', 'federation', LEVELS)
    c.num(fed, 'year', 'federation')
    const region = c.obj(fed.region, 'federation.region')
    if (region) checkRegion(c, region)
  }
  const src = c.obj(root.source, 'source')
  if (src) {
    c.str(src, 'publisher', 'source')
    c.str(src, 'headline', 'source')
    const date = c.str(src, 'date', 'source')
    if (date !== undefined && !DATE.test(date)) c.fail('source.date', `"${date}" 应为 YYYY、YYYY-MM 或 YYYY-MM-DD`)
  }
  const theme = c.obj(root.theme, 'theme')
  if (theme) {
    const color = c.str(theme, 'color', 'theme')
    if (color !== undefined && !COLOR.test(color)) c.fail('theme.color', `"${color}" 应为 #RRGGBB`)
  }
  c.str(root, 'summary', '(根)')
  const topics = c.arr(root, 'topics', '(根)')
  topics?.forEach((t, i) => {
    if (!TOPICS.includes(t as never)) c.fail(`topics[${i}]`, `"${String(t)}" 不是已知主题`)
  })
  const figures = c.arr(root, 'figures', '(根)') ?? []
  figures.forEach((f, i) => checkFigure(c, f, `figures[${i}]`))
  if (Array.isArray(root.figures) && figures.length < MIN_FIGURES) c.fail('figures', `至少要有 ${MIN_FIGURES} 个数字`)
  c.arr(root, 'headlineFigureIds', '(根)')
  c.str(root, 'heroFigureId', '(根)', true)
  const sections = c.arr(root, 'sections', '(根)') ?? []
  sections.forEach((raw, i) => {
    const s = c.obj(raw, `sections[${i}]`)
    if (!s) return
    for (const k of ['id', 'title', 'text']) c.str(s, k, `sections[${i}]`)
    c.oneOf(s, 'topic', `sections[${i}]`, TOPICS)
    c.arr(s, 'figureIds', `sections[${i}]`)
  })
  const programs = c.arr(root, 'programs', '(根)') ?? []
  programs.forEach((p, i) => checkProgram(c, p, `programs[${i}]`))
  if (c.problems.length) return { problems: c.problems }

  // The shape is right; now references inside the file.
  const ok = data as FederationFile
  const figureIds = new Set<string>()
  ok.figures.forEach((f, i) => {
    if (figureIds.has(f.id)) c.fail(`figures[${i}].id`, `"${f.id}" 重复`)
    figureIds.add(f.id)
  })
  const refs = (ids: string[], path: string) =>
    ids.forEach((id, i) => {
      if (!figureIds.has(id)) c.fail(`${path}[${i}]`, `引用的数字 "${id}" 不存在`)
    })
  refs(ok.headlineFigureIds, 'headlineFigureIds')
  const { min, max } = HEADLINE_FIGURES
  if (ok.headlineFigureIds.length < min || ok.headlineFigureIds.length > max) {
    c.fail('headlineFigureIds', `应有 ${min}–${max} 个`)
  }
  if (new Set(ok.headlineFigureIds).size !== ok.headlineFigureIds.length) c.fail('headlineFigureIds', '有重复')
  const first = ok.figures.find((f) => f.id === ok.headlineFigureIds[0])
  if (first?.scope === 'total') {
    c.fail('headlineFigureIds[0]', `"${first.id}" 是累计数字，不能作为卡片的第一个数字；请选当年的数字`)
  }
  if (ok.heroFigureId !== undefined) {
    const hero = ok.figures.find((f) => f.id === ok.heroFigureId)
    if (!ok.headlineFigureIds.includes(ok.heroFigureId)) {
      c.fail('heroFigureId', `"${ok.heroFigureId}" 不是卡片上的关键数字；主打数字要从卡片上的关键数字里选`)
    } else if (hero?.scope === 'total') {
      c.fail('heroFigureId', `"${hero.id}" 是累计数字，不能作为主打数字；请选当年的数字`)
    }
  }
  ok.sections.forEach((s, i) => refs(s.figureIds, `sections[${i}].figureIds`))
  const programIds = new Set<string>()
  const sessionIds = new Set<string>()
  ok.programs.forEach((p, i) => {
    refs(p.figureIds, `programs[${i}].figureIds`)
    if (programIds.has(p.id)) c.fail(`programs[${i}].id`, `"${p.id}" 重复`)
    programIds.add(p.id)
    p.signup?.sessions.forEach((s, j) => {
      if (sessionIds.has(s.id)) c.fail(`programs[${i}].signup.sessions[${j}].id`, `"${s.id}" 重复`)
      sessionIds.add(s.id)
    })
  })
  return c.problems.length ? { problems: c.problems } : { ok }
}

export interface Catalog {
  files: FederationFile[]
  problems: DataError[]
}

/**
 * Builds the catalog from every file. A file with problems is left out (and its problems returned)
 * so one broken file never takes the others down. Ids must be unique across files: federation ids
 * are file names, but program and session ids are free, and sign-ups point at them. When two files
 * share one, both are left out and each message names the other file: which of the two is the
 * newcomer cannot be told from the files, so neither is kept at the other's expense.
 */
export function buildCatalog(raw: RawFile[], options: CatalogOptions = {}): Catalog {
  const problems: DataError[] = []
  const valid: Array<{ file: string; ok: FederationFile; ids: Array<[string, string]> }> = []
  const owners = new Map<string, Array<{ file: string; field: string }>>()
  for (const { file, data } of raw) {
    const result = checkFederationFile(file, data, options)
    if ('problems' in result) {
      problems.push(...result.problems)
      continue
    }
    const f = result.ok
    const ids: Array<[string, string]> = [
      [f.federation.id, 'federation.id'],
      ...f.programs.map((p, i): [string, string] => [p.id, `programs[${i}].id`]),
      ...f.programs.flatMap((p, i) =>
        (p.signup?.sessions ?? []).map((s, j): [string, string] => [s.id, `programs[${i}].signup.sessions[${j}].id`]),
      ),
    ]
    for (const [id, field] of ids) owners.set(id, [...(owners.get(id) ?? []), { file, field }])
    valid.push({ file, ok: f, ids })
  }
  const files: FederationFile[] = []
  for (const { file, ok, ids } of valid) {
    let clashed = false
    for (const [id, field] of ids) {
      const others = (owners.get(id) ?? []).filter((o) => o.file !== file)
      if (others.length === 0) continue
      clashed = true
      const where = others.map((o) => `${o.file} 的 ${o.field}`).join('、')
      problems.push(new DataError(file, field, `"${id}" 与 ${where} 重复；id 在所有文件中必须唯一，两个文件都未加载`))
    }
    if (!clashed) files.push(ok)
  }
  files.sort(newestFirst)
  return { files, problems }
}

/**
 * The catalog's order: newest year first, then by id. Ids are lowercase ASCII (FEDERATION_ID), so
 * code-unit order is the id order; localeCompare would load the browser's collator on the first
 * screen's path for nothing.
 */
const newestFirst = (a: FederationFile, b: FederationFile) =>
  b.federation.year - a.federation.year ||
  (a.federation.id < b.federation.id ? -1 : a.federation.id > b.federation.id ? 1 : 0)

/**
 * The catalog of files proven whole before the build: the app's own bundle, which `npm test`
 * checks with buildCatalog (tests/domain/catalog.test.ts, "is a whole catalog for the app") before
 * CI builds anything. The phone skips the checks: about 19 KB of the mini-program's main package.
 */
export function trustedCatalog(raw: RawFile[]): Catalog {
  return { files: raw.map((r) => r.data as FederationFile).sort(newestFirst), problems: [] }
}

export function figuresById(file: FederationFile): Map<string, Figure> {
  return new Map(file.figures.map((f) => [f.id, f]))
}

export function pickFigures(file: FederationFile, ids: string[]): Figure[] {
  const byId = figuresById(file)
  return ids.map((id) => byId.get(id)).filter((f): f is Figure => f !== undefined)
}

export function findProgram(
  files: FederationFile[],
  programId: string,
): { file: FederationFile; program: Program } | undefined {
  for (const file of files) {
    const program = file.programs.find((p) => p.id === programId)
    if (program) return { file, program }
  }
  return undefined
}
