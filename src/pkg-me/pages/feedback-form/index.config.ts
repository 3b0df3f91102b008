export default definePageConfig({ navigationBarTitleText: '反馈/投诉' })
