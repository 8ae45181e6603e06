// The one place build-time environment is read. Taro replaces each process.env.TARO_APP_* literally.
export const env = {
  /** Base URL of the HTTP API; empty means the built-in mock data. */
  apiBase: (process.env.TARO_APP_API_BASE ?? '').trim(),
  /** WeChat subscribe-message template for session reminders; empty means reminders are not set up. */
  /** Where the H5 build is served (https://…), for QR codes on posters drawn in weapp. */
  h5Origin: (process.env.TARO_APP_H5_ORIGIN ?? '').trim(),
  subscribeTemplateId: (process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID ?? '').trim(),
} as const
