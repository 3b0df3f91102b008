export default definePageConfig({ navigationBarTitleText: '认领社区代登记' })
