export default definePageConfig({ navigationBarTitleText: '年终盘点卡片' })
