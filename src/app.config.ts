// Relative import: Taro reads this file with esbuild before the `@shared` alias applies everywhere.
import { appPages, PAGE_KEYS, pageRoute } from '../cloudfunctions/_shared/domain/pages'
import { RESIDENT_TABS, TAB_COLORS } from './components/tab-bar/tabs'

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
  // WeChat draws the tab bar from this list. On H5 the app draws it (components/tab-bar/index.h5.tsx):
  // `custom` keeps Taro's router treating these pages as tabs without Taro's own bar, and the
  // icons, which Taro's H5 entry would inline as data URLs on the first screen, are SVG there.
  tabBar: {
    ...(process.env.TARO_ENV === 'h5' ? { custom: true } : {}),
    color: TAB_COLORS.text,
    selectedColor: TAB_COLORS.selected,
    backgroundColor: TAB_COLORS.background,
    borderStyle: 'white',
    list: RESIDENT_TABS.map((tab) => ({
      pagePath: pageRoute(tab.page),
      text: tab.text,
      ...(process.env.TARO_ENV === 'h5' ? {} : { iconPath: `assets/tabbar/${tab.icon}.png`, selectedIconPath: `assets/tabbar/${tab.icon}-active.png` }),
    })),
  },
  lazyCodeLoading: 'requiredComponents',
  // weapp: private APIs wait for the user's consent, asked by components/privacy-prompt
  // (https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html).
  ...(process.env.TARO_ENV === 'weapp' ? { __usePrivacyCheck__: true } : {}),
})
