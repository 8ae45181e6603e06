export default definePageConfig({ navigationBarTitleText: '可报名的培训', enablePullDownRefresh: true })
