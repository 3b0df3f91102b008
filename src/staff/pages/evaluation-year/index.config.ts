export default definePageConfig({ navigationBarTitleText: '评估年度管理' })
