// Chooses the Api implementation once, from the environment.
import { env } from '@/config/env'
import { storage, toast } from '@/platform'
import { clientIdFor, taroTransport } from '@/platform/http'
import type { Api } from './api'
import { createHttpApi } from './http/http-api'
import { contentFiles } from '@/services/mock/content-files'
import { createMockApi } from './mock/mock-api'

function chooseApi(): Api {
  if (env.apiBase)
    return createHttpApi({ base: env.apiBase, transport: taroTransport, deviceId: clientIdFor(env.apiBase) })
  return createMockApi({
    files: contentFiles,
    store: storage,
    onDataProblem: (message) => console.warn(`[数据] ${message}`),
    onStorageProblem: (message) => toast(message),
  })
}

export const api: Api = chooseApi()
