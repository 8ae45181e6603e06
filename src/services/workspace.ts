// The organizer's year-end card on the server: the draft she edits (saved with a revision, so two
// editors never overwrite each other unseen), its publishing and versions, and the provenance checks
// that need the traditional→simplified dictionary, which stays on the server.
import type { CardDraft, NumberCandidate, ScopeSuggestion } from '@/domain/card-shape'
import { ApiError } from './api'

export interface WorkspaceCard {
  federation: { id: string; name: string }
  draft: CardDraft
  revision: number
  published: boolean
  publishedAt?: string
  publishedVersion?: number
  updatedAt?: string
  updatedBy?: { id: number; displayName: string }
}

export interface CardVersion {
  version: number
  publishedAt: string
  publishedBy: { id: number; displayName: string }
  /** Set when this version republished an older one. */
  restoredFrom?: number
}

export interface CardProblem {
  /** The draft's field at fault: "color", "figures[2].value". */
  field: string
  message: string
}

export type FigureCheckAnswer = { ok: true; quote: string; scope: ScopeSuggestion } | { ok: false; message: string }

/** 409: another save reached the server first; hers was not stored there. */
export class StaleDraftError extends ApiError {
  constructor(message: string) {
    super('unknown', message)
    this.name = 'StaleDraftError'
  }
}

/** 400 on publish: every problem that keeps the card from the public, each naming its field. */
export class CardProblemsError extends ApiError {
  constructor(
    message: string,
    readonly problems: CardProblem[],
    field?: string,
  ) {
    super('invalid', message, field)
    this.name = 'CardProblemsError'
  }
}

export interface WorkspaceApi {
  card(token: string): Promise<WorkspaceCard>
  saveDraft(token: string, draft: CardDraft, revision: number): Promise<{ revision: number; savedAt: string }>
  publish(token: string, revision: number): Promise<{ version: number; publishedAt: string }>
  unpublish(token: string): Promise<{ published: false }>
  versions(token: string): Promise<CardVersion[]>
  restore(token: string, version: number): Promise<{ version: number; publishedAt: string }>
  candidates(token: string, text: string): Promise<NumberCandidate[]>
  checkFigure(token: string, text: string, value: string, unit: string): Promise<FigureCheckAnswer>
}
