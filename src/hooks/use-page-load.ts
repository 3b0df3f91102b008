import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useLoad } from './use-load'

/**
 * Calls `reload` each time the page shows again: the first show is the initial load, later ones
 * pick up what was changed on another page.
 */
export function useReloadOnShow(reload: () => Promise<void>) {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}

/**
 * A page's read that stays current: `useLoad`, reloaded when the page shows again and on the page's
 * pull-to-refresh (the page config sets `enablePullDownRefresh`); `Taro.stopPullDownRefresh` ends
 * the spinner once the read settles.
 */
export function usePageLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const data = useLoad(load, deps)
  useReloadOnShow(data.reload)
  usePullDownRefresh(() => {
    void data.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  return data
}
