export default definePageConfig({ navigationBarTitleText: '创业场地' })
