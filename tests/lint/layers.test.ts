// The layering in eslint.config.mjs really fires: a small file breaking each rule is refused, and
// the imports each layer is meant to make pass.
import { ESLint } from 'eslint'
import { join } from 'node:path'

const eslint = new ESLint({ cwd: join(__dirname, '..', '..') })

/** The no-restricted-imports messages ESLint gives `code` as if it were at `filePath`. */
async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {}\n`, { filePath })
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

jest.setTimeout(60_000)

describe('layering', () => {
  it.each([
    ['src/domain/x.ts', "import Taro from '@tarojs/taro'", 'Only src/platform touches Taro'],
    ['src/domain/x.ts', "import { storage } from '@/platform'", 'src/domain is pure rules'],
    ['src/domain/x.ts', "import { toast } from '../platform/index'", 'src/domain is pure rules'],
    ['src/domain/x.ts', "import { api } from '@/services'", 'src/domain is pure rules'],
    ['src/domain/x.ts', "import type { Api } from '@/services/api'", 'src/domain is pure rules'],
    ['src/domain/x.ts', "import { FeedView } from '@/features/feed/feed-view'", 'src/domain is pure rules'],
    ['src/domain/x.ts', "import { PageShell } from '@/components/page-shell'", 'src/domain is pure rules'],
    ['src/domain/x.ts', "import { useAppStore } from '@/store'", 'src/domain is pure rules'],
    ['src/domain/x.ts', "import Page from '@/pages/feed/index'", 'src/domain is pure rules'],
    ['src/domain/sub/x.ts', "import { clock } from '../../shared/clock'", 'src/domain is pure rules'],
    ['src/domain/x.ts', "import { useState } from 'react'", 'src/domain is pure: no React'],
    ['src/pages/feed/index.tsx', "import { useRouter } from '@tarojs/taro'", 'Only src/platform touches Taro'],
    ['src/subpackages/signup/form/index.tsx', "import Taro from '@tarojs/taro'", 'Only src/platform touches Taro'],
    ['src/features/feed/x.ts', "import Taro from '@tarojs/taro'", 'Only src/platform touches Taro'],
    ['src/services/x.ts', "import { request } from '@tarojs/taro'", 'Only src/platform touches Taro'],
    ['src/store/x.ts', "import Taro from '@tarojs/taro'", 'Only src/platform touches Taro'],
    ['src/shared/x.ts', "import Taro from '@tarojs/taro'", 'Only src/platform touches Taro'],
    ['src/app.tsx', "import Taro from '@tarojs/taro'", 'Only src/platform touches Taro'],
    ['src/platform/x.ts', "import type { Api } from '@/services/api'", 'src/platform sits under services'],
    ['src/platform/x.ts', "import { useAppStore } from '../store'", 'src/platform sits under services'],
    ['src/services/x.ts', "import { useFeed } from '@/features/feed/use-feed'", 'src/services serves the UI'],
    ['src/services/x.ts', "import { useAppStore } from '@/store'", 'src/services serves the UI'],
    ['src/store/x.ts', "import { api } from '@/services'", 'src/store keeps client state only'],
    ['src/features/feed/x.ts', "import Page from '@/pages/feed/index'", 'Pages compose features'],
    ['src/components/x/index.tsx', "import Page from '@/subpackages/signup/form/index'", 'Pages compose features'],
  ])('%s: %s is refused', async (filePath, code, why) => {
    const messages = await restricted(filePath, code)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(why)
  })

  it.each([
    ['src/domain/x.ts', "import type { Session } from './types'\nimport { toIso } from '@/utils/date'"],
    ['src/platform/x.ts', "import Taro from '@tarojs/taro'\nimport type { Session } from '@/domain/types'"],
    ['src/platform/x.ts', "import { clock } from '@/shared/clock'"],
    ['src/services/x.ts', "import { storage } from '@/platform'\nimport { decide } from '@/domain/signup-rules'"],
    ['src/store/x.ts', "import { toast } from '@/platform'"],
    ['src/features/feed/x.ts', "import { api } from '@/services'\nimport { useAppStore } from '@/store'"],
    [
      'src/pages/feed/index.tsx',
      "import { useRouter } from '@/platform/page'\nimport { FeedView } from '@/features/feed/feed-view'",
    ],
  ])('%s may import: %s', async (filePath, code) => {
    expect(await restricted(filePath, code)).toEqual([])
  })
})
