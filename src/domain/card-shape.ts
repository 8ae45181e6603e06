// A year-end card draft's shape and the draft → federation file mapping, free of the dictionary that
// checking needs, and the shapes of the server's provenance answers: the editor imports these;
// card-draft.ts and provenance.ts (the checks) re-export them.
import type { FederationFile, Figure, FigureScope, Level, Program, Region, Source, Topic } from './types'

/**
 * A figure on the draft: a figure of the data contract, plus the section it is shown in. A figure is
 * shown in one section at most (the shipped cards never show one twice).
 */
export interface DraftFigure {
  id: string
  label: string
  value: string
  unit: string
  scope: FigureScope
  scopeLabel?: string
  quote: string
  /** The id of the section that shows it; none when only the card or a program shows it. */
  section?: string
}

export interface DraftSection {
  id: string
  title: string
  topic: Topic
  text: string
  /**
   * The order its figures are shown in. Which figures it shows is each figure's `section`: an id here
   * whose figure moved elsewhere is dropped, and a figure moved here without being listed comes last.
   */
  order: string[]
}

export interface CardDraft {
  /** Becomes the file name (hebei-2021.json) and the card's address. */
  id: string
  name: string
  region: Region
  level: Level
  year: number
  note?: string
  /** Theme colour, #RRGGBB. */
  color: string
  summary: string
  topics: Topic[]
  source: Source
  sections: DraftSection[]
  figures: DraftFigure[]
  /** The 3–4 figures on the card, the first a result of the year. */
  headlineFigureIds: string[]
  /** The headline figure set large on the card and the poster; absent means the first. */
  heroFigureId?: string
  /** Kept as they are: the editor does not build programs yet. */
  programs: Program[]
  /** The article or work report as pasted: every figure must stand in it. */
  sourceText: string
}

/** A copy of `o` without its undefined fields, so a file made from a draft holds no `"note": undefined`. */
export function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

/** A deep copy of JSON data, so editing a draft never changes the file it came from, nor the reverse. */
export const copy = <T>(data: T): T => JSON.parse(JSON.stringify(data)) as T

/** The federation file a draft makes: what the app, the preview and the server read. */
export function draftToFederationFile(editing: CardDraft): FederationFile {
  const draft = copy(editing)
  const shown = (section: DraftSection) => {
    const members = draft.figures.filter((f) => f.section === section.id).map((f) => f.id)
    const listed = section.order.filter((id, i) => members.includes(id) && section.order.indexOf(id) === i)
    return [...listed, ...members.filter((id) => !listed.includes(id))]
  }
  return {
    federation: defined({
      id: draft.id,
      name: draft.name,
      region: draft.region,
      level: draft.level,
      year: draft.year,
      note: draft.note,
    }),
    source: draft.source,
    theme: { color: draft.color },
    summary: draft.summary,
    topics: draft.topics,
    headlineFigureIds: draft.headlineFigureIds,
    ...(draft.heroFigureId ? { heroFigureId: draft.heroFigureId } : {}),
    figures: draft.figures.map(({ section: _section, ...f }): Figure => defined(f)),
    sections: draft.sections.map(({ order: _order, ...s }, i) => ({ ...s, figureIds: shown(draft.sections[i]) })),
    programs: draft.programs,
  }
}

/**
 * A number the pasted text offers for a card. `value` and `unit` are as the data keeps them (simplified,
 * half-width, 万/亿 and the article's qualifiers in the value), so a candidate picked is a figure that
 * passes the data check as it is.
 */
export interface NumberCandidate {
  /** "近350万", "680余", "3-5", "三百多". */
  value: string
  /** The unit the text writes right after the value ("人次", "%"), or '' when none follows. */
  unit: string
  /** 近/约/超/超过/逾/突破 before the number, 余/多/以上 after it, in that order; the value keeps them. */
  qualifiers: string[]
  /** Offsets in the text as pasted: text.slice(start, end) === written. */
  start: number
  end: number
  /** The figure as pasted, e.g. "近350萬人次" in a traditional text. */
  written: string
  /** The sentence it stands in (split at 。！？； and line breaks), simplified and trimmed: its quote. */
  sentence: string
}

export interface ScopeSuggestion {
  scope: FigureScope
  /** For a total, the words to show beside it, in the article's terms. */
  scopeLabel?: string
}
