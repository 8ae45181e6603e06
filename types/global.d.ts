/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5'
    /** Base URL of the HTTP API; empty means the built-in mock data. */
    TARO_APP_API_BASE?: string
    /** WeChat subscribe-message templates, promoted=<id>,session_changed=<id>,reminder=<id>; empty: never asked. */
    TARO_APP_WECHAT_TEMPLATES?: string
    /** Where the H5 build is served, for poster QR codes drawn in weapp; empty means no QR code. */
    TARO_APP_H5_ORIGIN?: string
    /** Who runs the service (named in 隐私说明); required for a production build with a server. */
    TARO_APP_OPERATOR?: string
    /** How to reach the operator about personal data; required with TARO_APP_OPERATOR. */
    TARO_APP_OPERATOR_CONTACT?: string
  }
}

interface RequireContext {
  keys(): string[]
  (id: string): unknown
}
declare namespace NodeJS {
  interface Require {
    /** webpack's require.context: every matching module in a folder, resolved at build time. */
    context(directory: string, useSubdirectories: boolean, regExp: RegExp): RequireContext
  }
}
