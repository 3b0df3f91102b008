export default definePageConfig({ navigationBarTitleText: '抽查排名' })
