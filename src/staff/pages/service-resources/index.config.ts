export default definePageConfig({
  navigationBarTitleText: '服务资源',
})
