export default definePageConfig({ navigationBarTitleText: '目标与分解' })
