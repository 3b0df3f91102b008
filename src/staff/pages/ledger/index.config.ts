export default definePageConfig({
  navigationBarTitleText: '帮扶台帐',
  enablePullDownRefresh: true,
})
