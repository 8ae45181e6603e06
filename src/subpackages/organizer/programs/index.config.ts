export default definePageConfig({ navigationBarTitleText: '项目和场次' })
