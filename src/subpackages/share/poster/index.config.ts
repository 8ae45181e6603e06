export default definePageConfig({ navigationBarTitleText: '年终盘点海报' })
