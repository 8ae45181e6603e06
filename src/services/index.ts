// Chooses the Api implementation once, from the environment.
import { env } from '@/config/env'
import { storage, toast } from '@/platform'
import type { Api } from './api'
import { contentFiles } from '@/services/mock/content-files'
import { createMockApi } from './mock/mock-api'

function chooseApi(): Api {
  if (env.apiBase) {
    // The HTTP implementation lands with the server; until then the built-in data keeps the app usable.
    console.warn('[api] TARO_APP_API_BASE 已设置，但 HTTP 接口尚未接入，继续使用内置数据')
  }
  return createMockApi({
    files: contentFiles,
    store: storage,
    onDataProblem: (message) => console.warn(`[数据] ${message}`),
    onStorageProblem: (message) => toast(message),
  })
}

export const api: Api = chooseApi()
