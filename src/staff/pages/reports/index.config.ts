export default definePageConfig({ navigationBarTitleText: '工作简报' })
