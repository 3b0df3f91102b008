export default definePageConfig({ navigationBarTitleText: '组织体系' })
