export default definePageConfig({ navigationBarTitleText: '代登记创业意向' })
