export default definePageConfig({ navigationBarTitleText: '市级抽查' })
