export default definePageConfig({
  navigationBarTitleText: '创业社区',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
})
