export default definePageConfig({ navigationBarTitleText: '组织者 · 报名名单' })
