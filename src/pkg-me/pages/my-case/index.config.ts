export default definePageConfig({
  navigationBarTitleText: '我的创业档案',
  enablePullDownRefresh: true,
})
