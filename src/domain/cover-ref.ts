// What the public pages need of a cover (kept apart from cover.ts, whose upload rules and messages
// the main package should not carry): the reference, its address, and its credit.

/** What a card carries about its cover: the image itself is fetched from the server by its hash. */
export interface CoverRef {
  /** Hex digest of the large image's bytes: a new image has a new address, so it can be kept forever. */
  hash: string
  width: number
  height: number
}

/** The path the server serves a cover at: `small` for the feed card. */
export const coverPath = (ref: CoverRef, size: 'large' | 'small' = 'large') =>
  `/api/covers/${ref.hash}${size === 'small' ? '-s' : ''}.jpg`

/** The cover's address on the API server (`base` is the app's API origin setting). */
export const coverUrl = (base: string, ref: CoverRef, size: 'large' | 'small' = 'large') =>
  `${base.replace(/\/+$/, '')}${coverPath(ref, size)}`

/** The credit under a cover; there is none without one. */
export const coverCredit = (federationName: string, cover: CoverRef | undefined) =>
  cover ? `封面图片由${federationName}提供` : undefined
