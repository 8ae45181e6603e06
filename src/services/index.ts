// Chooses the Api implementation once, from the build's environment.
import { isWeapp, storage, toast } from '@/platform'
import { deviceId, taroTransport, weChatLoginCode } from '@/platform/http'
import type { Api } from './api'
import { weChatClientId } from './http/client-id'
import { createHttpApi } from './http/http-api'
import type { createMockApi as CreateMockApi } from './mock/mock-api'
import type { contentFiles as ContentFiles } from '@/services/mock/content-files'

function chooseApi(): Api {
  // Read literally (not through config/env.ts) so the build sees a constant: a build pointed at a
  // server leaves the built-in content and the mock out of the package altogether.
  const base = (process.env.TARO_APP_API_BASE ?? '').trim()
  if (process.env.TARO_APP_API_BASE) {
    // WeChat: the id the server gives for wx.login's code. H5: the random device id.
    const clientId = isWeapp
      ? weChatClientId({ base, transport: taroTransport, login: weChatLoginCode, store: storage })
      : deviceId
    return createHttpApi({ base, transport: taroTransport, deviceId: clientId })
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
