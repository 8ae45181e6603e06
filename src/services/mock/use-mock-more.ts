// Imported by the pages that sign up, cancel, confirm or list open sessions: in a build on the
// built-in data it hands the mock those methods (mock-more.ts) and the sign-up forms, which then load with these pages'
// subpackages, not with the main package. A build pointed at a server bundles neither.
import type { registerMockMore as Register } from './mock-core'
import type { mockMore as More } from './mock-more'
import type { builtInForms as Forms } from './content-forms'

if (!process.env.TARO_APP_API_BASE) {
  const { registerMockMore } = require('./mock-core') as { registerMockMore: typeof Register }
  const { mockMore } = require('./mock-more') as { mockMore: typeof More }
  const { builtInForms } = require('@/services/mock/content-forms') as { builtInForms: typeof Forms }
  registerMockMore(mockMore, builtInForms)
}
