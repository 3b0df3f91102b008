export default definePageConfig({ navigationBarTitleText: '表彰' })
