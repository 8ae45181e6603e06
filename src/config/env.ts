// The one place build-time environment is read. Taro replaces each process.env.TARO_APP_* literally.
export const env = {
  /** Base URL of the HTTP API; empty means the built-in mock data. */
  apiBase: (process.env.TARO_APP_API_BASE ?? '').trim(),
  /** Where the H5 build is served (https://…), for QR codes on posters drawn in weapp. */
  h5Origin: (process.env.TARO_APP_H5_ORIGIN ?? '').trim(),
  /**
   * WeChat subscribe-message templates, `promoted=<id>,session_changed=<id>,reminder=<id>`
   * (domain/subscriptions.ts); empty means the mini-program never asks.
   */
  weChatTemplates: (process.env.TARO_APP_WECHAT_TEMPLATES ?? '').trim(),
  /** Who runs the service and answers for the data; a build with a server refuses to be made without it. */
  operator: (process.env.TARO_APP_OPERATOR ?? '').trim(),
  /** How to reach the operator about personal data (a phone number or an e-mail address). */
  operatorContact: (process.env.TARO_APP_OPERATOR_CONTACT ?? '').trim(),
} as const
