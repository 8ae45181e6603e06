// The server's dedupe key for names: the domain's nameKey with traditional characters folded to
// simplified by OpenCC (Taiwan and Hong Kong forms alike), so 陳秀英 and 陈秀英 are one person.
import * as OpenCC from 'opencc-js'
import { nameKey } from '../../src/domain/name-key'

let folds: Array<(s: string) => string> | undefined

/** Built on first use: the dictionaries take a moment to load. */
function toSimplified(s: string): string {
  folds ??= [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })]
  return folds.reduce((text, fold) => fold(text), s)
}

export const personNameKey = (name: string): string => nameKey(name, toSimplified)
