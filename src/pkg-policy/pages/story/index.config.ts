export default definePageConfig({ navigationBarTitleText: '创业故事' })
