import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { currentPathOf, pageUrl } from '@shared/domain/pages'
// Validates build-time settings as the app starts (throws with a clear message if wrong).
import { env } from './env'
import { sayWhenOffline } from './services/core/offline-taps'
import { afterFirstScreen } from './utils/after-first-screen'
import ResidentTabBar from './components/tab-bar'
import { preloadToasts } from './utils/toast'
import './app.scss'

/**
 * Links that name a page's route from before it moved to a subpackage (printed poster QR codes,
 * share cards in chats, subscribe messages already sent) land here on a cold or hot start; the
 * redirect must be synchronous (https://developers.weixin.qq.com/miniprogram/dev/api/base/app/app-event/wx.onPageNotFound.html).
 */
if (process.env.TARO_ENV === 'weapp') {
  Taro.onPageNotFound((res) => {
    const query = Object.entries(res.query ?? {})
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&')
    const to = currentPathOf(res.path.replace(/^\//, ''))
    if (to) void Taro.redirectTo({ url: `/${to}${query ? `?${query}` : ''}` })
    else void Taro.switchTab({ url: pageUrl('index') })
  })
}

/**
 * H5: QR codes the local runtime printed open `<origin>/#/pages/event/index?scene=…`; rewrite an old
 * route in the hash before Taro's router reads it.
 */
if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
  const to = currentPathOf(window.location.hash.replace(/^#/, ''))
  if (to) window.history.replaceState(window.history.state, '', `#${to}`)
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    sayWhenOffline()
    // H5: the toast code is not in the first screen (utils/toast.h5.ts); fetch it once that is in,
    // so a toast still shows when the network goes away later.
    afterFirstScreen(() => void preloadToasts())
    if (process.env.NODE_ENV !== 'production') console.info('[app] launched', env)
  })
  // `children` is the page being shown. H5: the tab bar too (WeChat draws its own).
  return (
    <>
      {children}
      <ResidentTabBar />
    </>
  )
}

export default App
