export default definePageConfig({
  navigationBarTitleText: '帮扶档案',
})
