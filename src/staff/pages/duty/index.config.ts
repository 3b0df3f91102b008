export default definePageConfig({ navigationBarTitleText: '督查与目标责任考核' })
