export default definePageConfig({ navigationBarTitleText: '培训签到' })
