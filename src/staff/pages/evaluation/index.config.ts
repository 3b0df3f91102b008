export default definePageConfig({ navigationBarTitleText: '评估申报' })
