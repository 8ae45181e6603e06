// What a ticket scanner gives the check-in page, the same on H5 (scan.ts) and weapp (scan.weapp.ts).

export type ScanFailure = 'denied' | 'unavailable'

/** `live`: the camera keeps reading until `stop` (H5); WeChat's scanner has already closed. */
export type ScanStart = { ok: true; live: boolean; stop: () => void } | { ok: false; reason: ScanFailure }
