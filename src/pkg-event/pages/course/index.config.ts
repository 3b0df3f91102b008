export default definePageConfig({ navigationBarTitleText: '创业培训' })
