export default definePageConfig({ navigationBarTitleText: '场地申请' })
