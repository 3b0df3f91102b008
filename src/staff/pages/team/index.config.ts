export default definePageConfig({ navigationBarTitleText: '团队与记录', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
