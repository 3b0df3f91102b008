export default definePageConfig({
  navigationBarTitleText: '政策详情',
  // 转发: the page's useShare hook supplies the card (title, path with referral id). No 分享到朋友圈:
  // see src/hooks/use-share.ts.
  enableShareAppMessage: true,
})
