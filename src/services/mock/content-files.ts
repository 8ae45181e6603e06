// Every JSON file in mock/ is a federation: adding one is adding a file, with no code change.
import type { RawFile } from '@/domain/catalog'

const context = require.context('../../../mock', false, /\.json$/)

export const contentFiles: RawFile[] = context.keys().map((key) => ({
  file: `mock/${key.replace(/^\.\//, '')}`,
  data: context(key),
}))
