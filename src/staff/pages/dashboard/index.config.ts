export default definePageConfig({
  navigationBarTitleText: '指标看板',
  enablePullDownRefresh: true,
  // weapp: the trend chart draws on the native <canvas type="2d"> component (see trend-chart/index.weapp.tsx).
  ...(process.env.TARO_ENV === 'weapp' ? { usingComponents: { 'ec-canvas': '../../components/ec-canvas/index' } } : {}),
})
