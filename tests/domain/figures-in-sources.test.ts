// Every figure's value followed by its unit stands word for word in its article (converted to simplified).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as OpenCC from 'opencc-js'
import type { FederationFile } from '@/domain/types'
import { contentFiles } from '../support/content-files'

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' })
const SOURCES = join(__dirname, '..', 'sources')

describe.each(contentFiles.map((f) => [f.file, f.data as FederationFile] as const))('%s', (_file, data) => {
  const article = toSimplified(readFileSync(join(SOURCES, `${data.federation.id}.txt`), 'utf8'))

  it.each(data.figures.map((f) => [f.id, `${f.value}${f.unit}`] as const))(
    '%s: "%s" is in the article',
    (_id, text) => {
      expect(article).toContain(text)
    },
  )
})
