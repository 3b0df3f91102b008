export default definePageConfig({
  navigationBarTitleText: '创业意向登记',
})
