// What the Api answers for content, built from a federation file and the clock: one
// definition for the built-in mock and the server.
import { pickFigures } from './catalog'
import { isDemoProgram, isProgramOpen } from './sessions'
import type { FederationFile, Figure, Program, ReportSection, Session, Source, YearEndCard } from './types'

export interface FederationReport {
  card: YearEndCard
  sections: Array<ReportSection & { figures: Figure[] }>
  programs: Program[]
  source: Source
}

export interface ProgramDetail {
  program: Program
  federation: Pick<FederationFile['federation'], 'id' | 'name' | 'region' | 'year'>
  color: string
  figures: Figure[]
  sessions: Session[]
}

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
    source: file.source,
    programCount: file.programs.length,
    openProgramCount: file.programs.filter((p) => isProgramOpen(p, now, sessionsOf?.(p))).length,
    demoSessions: file.programs.some(isDemoProgram),
  }
}

export function toReport(file: FederationFile, now: Date, sessionsOf?: (p: Program) => Session[]): FederationReport {
  return {
    card: toCard(file, now, sessionsOf),
    sections: file.sections.map((s) => ({ ...s, figures: pickFigures(file, s.figureIds) })),
    programs: file.programs,
    source: file.source,
  }
}

/** `sessions` are the program's sessions with `taken` already counting the sign-ups the store holds. */
export function toProgramDetail(file: FederationFile, program: Program, sessions: Session[]): ProgramDetail {
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
}
