// What the Api answers for content, built from a federation file and the clock: one
// definition for the built-in mock and the server. Each answer holds what its pages show, no more.
import { pickFigures } from './catalog'
import type { CoverRef } from './cover-ref'
import { isDemoProgram, isProgramOpen } from './sessions'
import type {
  FederationFile,
  Program,
  Region,
  ReportSection,
  Session,
  ShownFigure,
  SignupSpec,
  Source,
  Topic,
  YearEndCard,
} from './types'

/** The card as a report shows it: the hero, the share title, and the poster. */
export interface ReportCard {
  name: string
  region: Omit<Region, 'code'>
  level: YearEndCard['level']
  year: number
  color: string
  summary: string
  headlineFigures: ShownFigure[]
  /** The figure set large; absent means the first (heroSplit). */
  heroFigureId?: string
  /** The federation's topics, its lead first: the report head's and the poster's art (topic-art.ts). */
  topics?: Topic[]
  /** The source line under the report, and the poster's. */
  source: Source
  /** The federation's cover image (server mode), shown atop the report and on the poster. */
  cover?: CoverRef
}

/** A program in a report's list: its row, and whether (and how) it takes sign-ups. */
export interface ProgramListing {
  id: string
  title: string
  topic: Program['topic']
  summary: string
  signup?: Pick<SignupSpec, 'demo'>
}

export interface FederationReport {
  card: ReportCard
  sections: Array<Omit<ReportSection, 'figureIds'> & { figures: ShownFigure[] }>
  programs: ProgramListing[]
}

/** A program as its page and its sign-up form show it; its dated sessions come beside it. */
export interface ProgramInDetail extends Omit<Program, 'figureIds' | 'signup'> {
  signup?: Omit<SignupSpec, 'sessions'>
}

export interface ProgramDetail {
  program: ProgramInDetail
  federation: Pick<FederationFile['federation'], 'id' | 'name' | 'year'>
  color: string
  figures: ShownFigure[]
  sessions: Session[]
}

/** A figure without the article's words it was checked against: pages show the number, 查看原文 the words. */
export const shownFigure = ({ quote: _quote, ...shown }: ShownFigure & { quote?: string }): ShownFigure => shown

const shownFigures = (file: FederationFile, ids: string[]): ShownFigure[] => pickFigures(file, ids).map(shownFigure)

// Only a named hero travels: the feed's first page stays small, and the first figure is the default.
const hero = (file: FederationFile) => (file.heroFigureId ? { heroFigureId: file.heroFigureId } : {})

// Likewise the cover: a card without one is exactly as before.
const cover = (file: FederationFile) => (file.cover ? { cover: file.cover } : {})

/** A photo credit the article carried, as "（图片由市妇联提供）". */
const PHOTO_CREDIT = /\s*[（(]\s*(?:图片|照片|图)由[^（）()]*提供\s*[)）]/g

/**
 * The source as shown: a photo credit names photos, so it stays only beside a cover (a photo the
 * app shows); without one it would credit pictures nobody sees.
 */
export const shownSource = (file: FederationFile): Source =>
  file.cover ? file.source : { ...file.source, publisher: file.source.publisher.replace(PHOTO_CREDIT, '') }

/** `sessionsOf` gives a program's dated sessions (the server's); its templates' when absent. */
export function toCard(file: FederationFile, now: Date, sessionsOf?: (p: Program) => Session[]): YearEndCard {
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
    ...hero(file),
    source: shownSource(file),
    programCount: file.programs.length,
    openProgramCount: file.programs.filter((p) => isProgramOpen(p, now, sessionsOf?.(p))).length,
    demoSessions: file.programs.some(isDemoProgram),
    ...cover(file),
  }
}

export function toReport(file: FederationFile): FederationReport {
  const f = file.federation
  const { code: _code, ...region } = f.region
  return {
    card: {
      name: f.name,
      region,
      level: f.level,
      year: f.year,
      color: file.theme.color,
      summary: file.summary,
      headlineFigures: shownFigures(file, file.headlineFigureIds),
      ...hero(file),
      topics: file.topics,
      source: shownSource(file),
      ...cover(file),
    },
    sections: file.sections.map(({ figureIds, ...s }) => ({ ...s, figures: shownFigures(file, figureIds) })),
    programs: file.programs.map((p) => ({
      id: p.id,
      title: p.title,
      topic: p.topic,
      summary: p.summary,
      ...(p.signup ? { signup: { demo: p.signup.demo } } : {}),
    })),
  }
}

/** `sessions` are the program's sessions with `taken` already counting the sign-ups the store holds. */
export function toProgramDetail(file: FederationFile, program: Program, sessions: Session[]): ProgramDetail {
  const { figureIds, signup, ...rest } = program
  return {
    program: { ...rest, ...(signup ? { signup: { demo: signup.demo, form: signup.form } } : {}) },
    federation: { id: file.federation.id, name: file.federation.name, year: file.federation.year },
    color: file.theme.color,
    figures: shownFigures(file, figureIds),
    sessions,
  }
}
