export default definePageConfig({ navigationBarTitleText: '一分钟看完', disableScroll: true })
