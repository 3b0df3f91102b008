export default definePageConfig({
  navigationBarTitleText: '创业项目库',
})
