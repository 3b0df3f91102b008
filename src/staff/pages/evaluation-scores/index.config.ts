export default definePageConfig({ navigationBarTitleText: '评审内容与评分' })
