export default definePageConfig({
  navigationBarTitleText: '满意度调查',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
})
