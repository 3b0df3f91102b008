export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: 'floor', navigationBarBackgroundColor: '#ffffff', navigationBarTextStyle: 'black' },
  lazyCodeLoading: 'requiredComponents',
})
