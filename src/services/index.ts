// Chooses the Api implementation once, from the build's environment.
import { storage, toast } from '@/platform'
import { clientIdFor, taroTransport } from '@/platform/http'
import type { Api } from './api'
import { createHttpApi } from './http/http-api'
import type { createMockApi as CreateMockApi } from './mock/mock-api'
import type { contentFiles as ContentFiles } from '@/services/mock/content-files'

function chooseApi(): Api {
  // Read literally (not through config/env.ts) so the build sees a constant: a build pointed at a
  // server leaves the built-in content and the mock out of the package altogether.
  const base = (process.env.TARO_APP_API_BASE ?? '').trim()
  if (process.env.TARO_APP_API_BASE) {
    return createHttpApi({ base, transport: taroTransport, deviceId: clientIdFor(base) })
  } else {
    const { createMockApi } = require('./mock/mock-api') as { createMockApi: typeof CreateMockApi }
    const { contentFiles } = require('@/services/mock/content-files') as { contentFiles: typeof ContentFiles }
    return createMockApi({
      files: contentFiles,
      store: storage,
      onDataProblem: (message) => console.warn(`[数据] ${message}`),
      onStorageProblem: (message) => toast(message),
    })
  }
}

export const api: Api = chooseApi()
