import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
// Validates build-time settings as the app starts (throws with a clear message if wrong).
import { env } from './env'
import { sayWhenOffline } from './services/core/offline-taps'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    sayWhenOffline()
    if (process.env.NODE_ENV !== 'production') console.info('[app] launched', env)
  })
  // `children` is the page being shown.
  return children
}

export default App
