// Routes are built here, never by string concatenation in pages.
const withQuery = (path: string, query: Record<string, string>) =>
  `${path}?${Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`

export const routes = {
  feed: '/pages/feed/index',
  mine: '/pages/mine/index',
  region: '/subpackages/region/index',
  trainings: '/subpackages/trainings/index',
  report: (federationId: string) => withQuery('/pages/report/index', { id: federationId }),
  story: (federationId: string) => withQuery('/subpackages/story/index', { id: federationId }),
  reportSource: (federationId: string) => withQuery('/pages/report/source', { id: federationId }),
  program: (programId: string) => withQuery('/pages/program/index', { id: programId }),
  signup: (programId: string, sessionId?: string) =>
    withQuery('/subpackages/signup/form/index', sessionId ? { programId, sessionId } : { programId }),
  /** `notices`: the subscribe-message templates she accepted (topicsParam), when she was asked. */
  signupDone: (signupId: string, notices?: string) =>
    withQuery('/subpackages/signup/done/index', notices ? { id: signupId, notices } : { id: signupId }),
  signupDetail: (signupId: string) => withQuery('/subpackages/signup/detail/index', { id: signupId }),
  privacy: '/subpackages/signup/privacy/index',
  organizer: '/subpackages/organizer/index',
  poster: (federationId: string) => withQuery('/subpackages/share/poster/index', { id: federationId }),
} as const
