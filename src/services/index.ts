// Chooses the Api implementation once, from the build's environment.
import { isWeapp, storage, toast } from '@/platform'
import type * as Transport from '@/platform/http'
import type { Api } from './api'
import { clock } from '@/shared/clock'
import type * as BookerToken from './http/booker-token'
import type * as ClientId from './http/client-id'
import type * as HttpApi from './http/http-api'
import type { createMockCore as CreateMockCore } from './mock/mock-core'
import type { contentFiles as ContentFiles } from '@/services/mock/content-files'

function chooseApi(): Api {
  // Read literally (not through config/env.ts) so the build sees a constant: a build pointed at a
  // server leaves the built-in content and the mock out of the package altogether.
  const base = (process.env.TARO_APP_API_BASE ?? '').trim()
  if (process.env.TARO_APP_API_BASE) {
    // Required in the branch, like the mock below: the built-in build leaves out Taro.request and
    // the fetch polyfills it brings (a 32 KB chunk on the first screen's path).
    const { deviceId, taroTransport, weChatLoginCode } = require('@/platform/http') as typeof Transport
    const { bookerTokens } = require('./http/booker-token') as typeof BookerToken
    const { weChatLogin } = require('./http/client-id') as typeof ClientId
    const { createHttpApi } = require('./http/http-api') as typeof HttpApi
    const tokens = bookerTokens(storage, clock.now)
    if (isWeapp) {
      // WeChat: the id and the booker token the server gives for wx.login's code; no SMS step.
      const wx = weChatLogin({ base, transport: taroTransport, login: weChatLoginCode, store: storage, tokens })
      return createHttpApi({
        base,
        transport: taroTransport,
        deviceId: wx.clientId,
        booker: { tokens, renew: wx.renew },
      })
    }
    // H5: the random device id; she verifies her mobile by SMS before her first booking.
    return createHttpApi({ base, transport: taroTransport, deviceId, booker: { tokens }, sms: true })
  } else {
    // The reads only: the pages that write load the rest with their subpackages (use-mock-more.ts).
    const { createMockCore } = require('./mock/mock-core') as { createMockCore: typeof CreateMockCore }
    const { contentFiles } = require('@/services/mock/content-files') as { contentFiles: typeof ContentFiles }
    return createMockCore({
      files: contentFiles,
      store: storage,
      onStorageProblem: (message) => toast(message),
    })
  }
}

export const api: Api = chooseApi()
