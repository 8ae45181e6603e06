// The built-in federations' sign-up forms by program id, apart from the rest of their files: only the
// pages that sign up load this (use-mock-more.ts), so the mini-program's main package does not carry
// them (config/built-in-content-loader.cjs leaves them out of content-files.ts's copy).
import type { FormField } from '@/domain/types'

const context = require.context('../../../mock?forms', false, /\.json$/)

export const builtInForms: Record<string, FormField[]> = Object.assign(
  {},
  ...context.keys().map((key) => context(key) as Record<string, FormField[]>),
)
