export default definePageConfig({
  navigationBarTitleText: '居民反馈',
  enablePullDownRefresh: true,
})
