export default definePageConfig({
  navigationBarTitleText: '现场签到',
  // The screen stays on at the venue.
  pageOrientation: 'auto',
})
