import { OFFLINE_TAP_MESSAGE, knownOffline } from './cloud-core'
import { toastText } from '../../utils/toast'

let lastSaid = 0

/**
 * Browser build: a tap whose work failed unhandled while the browser is offline (opening a page
 * whose code is not loaded yet, a read started with `void`) says it is offline and what to do,
 * instead of nothing (issue 23). Once per 3 seconds, so one tap says it once.
 */
export function sayWhenOffline(): void {
  if (typeof window === 'undefined') return
  window.addEventListener('unhandledrejection', () => {
    if (!knownOffline() || Date.now() - lastSaid < 3000) return
    lastSaid = Date.now()
    toastText(OFFLINE_TAP_MESSAGE)
  })
}
