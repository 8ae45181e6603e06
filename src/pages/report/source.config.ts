export default definePageConfig({
  navigationBarTitleText: '原文',
})
