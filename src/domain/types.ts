// The data contract: what one federation's JSON file under mock/ holds, and what the app derives from it.
import type { CoverRef } from './cover-ref'

export const TOPICS = ['就业创业', '乡村振兴', '家庭家风', '维权关爱', '健康', '组织建设', '宣传引领'] as const
export type Topic = (typeof TOPICS)[number]

export const LEVELS = ['省级', '市级', '区县级'] as const
export type Level = (typeof LEVELS)[number]

/**
 * What a figure counts, as its article says: `year` is a result of the card's year; `total` is a
 * running total over several years or up to a date (连续八年, 截至目前), which the app never shows as
 * one year's result.
 */
export const FIGURE_SCOPES = ['year', 'total'] as const
export type FigureScope = (typeof FIGURE_SCOPES)[number]

/** A figure exactly as the article states it: value keeps 万/亿 and 余/近/多/约/突破/超. */
export interface Figure {
  id: string
  label: string
  value: string
  unit: string
  scope: FigureScope
  /** For a total, the words shown beside it, in the article's terms: 累计, 八年累计, 截至目前. */
  scopeLabel?: string
  /** The article's own words (simplified), containing the figure: a reader can find them in the source. */
  quote: string
}

/** A figure as the report and program pages show it: the article's words stay with the source text. */
export type ShownFigure = Omit<Figure, 'quote'>

export interface Region {
  province: string
  city?: string
  district?: string
  /** National division code (GB/T 2260, 6 digits) of the most precise place named above. */
  code: string
}

export interface Federation {
  id: string
  name: string
  region: Region
  level: Level
  year: number
  note?: string
}

export interface Source {
  publisher: string
  headline: string
  /** ISO date, as precise as the article allows: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string
  note?: string
}

export interface ReportSection {
  id: string
  title: string
  topic: Topic
  text: string
  figureIds: string[]
}

export const FIELD_TYPES = [
  'text',
  'mobile',
  'single',
  'multi',
  'region',
  'session',
  'number',
  'textarea',
  'checkbox',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

export interface FormField {
  id: string
  type: FieldType
  label: string
  required: boolean
  /** `name` applies the personal-name rule to a text field. */
  format?: 'name'
  placeholder?: string
  hint?: string
  options?: string[]
  minLength?: number
  maxLength?: number
  min?: number
  max?: number
}

/**
 * A session as stored in the data. Sessions are demo data: their dates are offsets from
 * the day the app runs (Asia/Shanghai), so the feed always has open programs.
 */
export interface SessionTemplate {
  id: string
  title: string
  startInDays: number
  /** HH:mm, Beijing time. */
  startTime: string
  durationMinutes: number
  /** Sign-up closes at 18:00 on this day (relative to today). */
  deadlineInDays: number
  /** Sign-up opens on this day (relative to today); absent means already open. */
  signupOpensInDays?: number
  online: boolean
  place?: string
  capacity: number
  /** Demo seats already taken by others. */
  taken: number
}

export interface SignupSpec {
  /** Demo data: every file under mock/ must say true (the catalog checks); real sessions are published by staff. */
  demo: boolean
  sessions: SessionTemplate[]
  form: FormField[]
}

export interface Program {
  id: string
  title: string
  topic: Topic
  summary: string
  audience: string
  figureIds: string[]
  signup?: SignupSpec
}

export interface FederationFile {
  federation: Federation
  source: Source
  theme: { color: string }
  summary: string
  topics: Topic[]
  headlineFigureIds: string[]
  /** The headline figure set large on the card and the poster; absent means the first. */
  heroFigureId?: string
  figures: Figure[]
  sections: ReportSection[]
  programs: Program[]
  /** Server mode: the federation's uploaded cover, attached when read (never part of a published version). */
  cover?: CoverRef
}

/** What the feed shows for one federation. */
export interface YearEndCard {
  federationId: string
  name: string
  region: Region
  level: Level
  year: number
  color: string
  summary: string
  topics: Topic[]
  headlineFigures: Figure[]
  /** Set only when the file names one; the first headline figure otherwise (heroSplit). */
  heroFigureId?: string
  source: Source
  programCount: number
  openProgramCount: number
  /** Its programs' sessions are demo data: the card says 示例场次 beside them (its figures are real). */
  demoSessions: boolean
  /** Set only when the federation uploaded one (server mode). */
  cover?: CoverRef
}

/** A session with real times, made from a template for a given day. */
export interface Session {
  id: string
  programId: string
  title: string
  /** ISO 8601 with +08:00. */
  start: string
  end: string
  deadline: string
  opensAt?: string
  online: boolean
  place?: string
  capacity: number
  taken: number
  /** Demo data, not a real event: every screen that shows the session says so in words. */
  demo: boolean
  /** Called off by its organizer (server mode): closed to sign-ups, shown as 场次已取消. */
  cancelled?: { reason: string }
}
