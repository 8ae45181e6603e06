// The app's copy of the built-in files comes without sign-up forms (config/built-in-content-loader.cjs):
// the mock gives a program its form once a page that signs up has registered them, and the form it
// gives is the file's.
import { createMockCore, registerMockMore } from '@/services/mock/mock-core'
import { mockMore } from '@/services/mock/mock-more'
import type { RawFile } from '@/domain/catalog'
import type { FederationFile, FormField } from '@/domain/types'
import { contentFiles } from '../support/content-files'
import { memoryStore } from '../support/memory-store'

const load = require('../../config/built-in-content-loader.cjs') as (
  this: { resourceQuery: string },
  s: string,
) => string
const appCopy: RawFile[] = contentFiles.map((f) => ({
  file: f.file,
  data: JSON.parse(load.call({ resourceQuery: '' }, JSON.stringify(f.data))),
}))
const forms: Record<string, FormField[]> = Object.assign(
  {},
  ...contentFiles.map((f) => JSON.parse(load.call({ resourceQuery: '?forms' }, JSON.stringify(f.data)))),
)
const withSignup = contentFiles
  .flatMap((f) => (f.data as FederationFile).programs)
  .filter((p) => p.signup)
  .map((p) => ({ id: p.id, form: p.signup!.form }))

test('before a page that signs up loads, a program reads with an empty form', async () => {
  const api = createMockCore({ files: appCopy, store: memoryStore() }, () => undefined)
  const { id } = withSignup[0]
  expect((await api.getProgram(id)).program.signup?.form).toEqual([])
})

test('once registered, every program reads with its own form from the file', async () => {
  registerMockMore(mockMore, forms)
  const api = createMockCore({ files: appCopy, store: memoryStore() })
  for (const { id, form } of withSignup) {
    expect((await api.getProgram(id)).program.signup?.form).toEqual(form)
  }
})
