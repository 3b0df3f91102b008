export default definePageConfig({
  navigationBarTitleText: '推送政策',
})
