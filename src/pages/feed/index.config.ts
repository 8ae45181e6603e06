export default definePageConfig({
  enableShareAppMessage: true,
  enableShareTimeline: true,
  navigationBarTitleText: '巾帼年终盘点',
  enablePullDownRefresh: true,
})
