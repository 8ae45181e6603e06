export default definePageConfig({
  navigationBarTitleText: '巾帼年终盘点',
  enablePullDownRefresh: true,
})
