// Where a session's check-in opens: kept here, not in src/routes.ts, so the mini-program's main
// package gains nothing from an H5-only page.
export const checkinRoute = (sessionId: string, title: string) =>
  `/subpackages/organizer/checkin/index?sessionId=${encodeURIComponent(sessionId)}&title=${encodeURIComponent(title)}`

/** The title as the page was given it; as it came when it is not valid percent-encoding. */
export function titleParam(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}
