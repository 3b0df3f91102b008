export default definePageConfig({
  navigationBarTitleText: '政策详情',
  // 转发 and 分享到朋友圈: the page's useShare hook supplies the card (title, path with referral id).
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
