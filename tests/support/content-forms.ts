// Test stand-in for src/services/mock/content-forms.ts: the sign-up forms of mock/*.json by program id, read from disk.
import type { FormField } from '@/domain/types'
import { contentFiles } from './content-files'

type Raw = { programs?: { id: string; signup?: { form: FormField[] } }[] }

export const builtInForms: Record<string, FormField[]> = Object.fromEntries(
  contentFiles.flatMap((f) =>
    ((f.data as Raw).programs ?? []).flatMap((p) => (p.signup ? [[p.id, p.signup.form]] : [])),
  ),
)
