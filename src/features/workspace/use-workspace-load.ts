// The load both workspace pages share: the page's step (loading / signed out / error / ready).
export type Load =
  | { step: 'loading' }
  | { step: 'signedOut'; message: string }
  | { step: 'error'; message: string }
  | { step: 'ready' }
