export default definePageConfig({ navigationBarTitleText: '市民创业状况调查' })
