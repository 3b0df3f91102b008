// Relative import: Taro reads this file with esbuild before the `@shared` alias applies everywhere.
import { appPages, PAGE_KEYS, pageRoute } from '../cloudfunctions/_shared/domain/pages'

export default defineAppConfig({
  // Every page comes from the page map (cloudfunctions/_shared/domain/pages.ts). Subpackages and
  // their preloading are WeChat's: the H5 entry, which carries this config, routes the same pages
  // from one list (Taro merges subpackage pages into `pages` on both builds).
  ...(process.env.TARO_ENV === 'weapp' ? appPages() : { pages: PAGE_KEYS.map(pageRoute) }),
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f5f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '创业社区',
    navigationBarTextStyle: 'black',
    // WeChat's own bar; on H5 this makes Taro draw the same bar (title and a back button).
    navigationStyle: 'default',
  },
  tabBar: {
    // Unselected tab text at 4.5:1 or better on white (WCAG AA).
    color: '#646a74',
    selectedColor: '#2861d8',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: pageRoute('index'),
        text: '政策',
        iconPath: 'assets/tabbar/policy.png',
        selectedIconPath: 'assets/tabbar/policy-active.png',
      },
      {
        pagePath: pageRoute('events'),
        text: '活动',
        iconPath: 'assets/tabbar/events.png',
        selectedIconPath: 'assets/tabbar/events-active.png',
      },
      {
        pagePath: pageRoute('mine'),
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // weapp: private APIs wait for the user's consent, asked by components/privacy-prompt
  // (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html).
  ...(process.env.TARO_ENV === 'weapp' ? { __usePrivacyCheck__: true } : {}),
})
