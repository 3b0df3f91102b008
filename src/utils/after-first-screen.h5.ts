/**
 * Browser build: runs `run` once the first screen is in (the window's `load` event: the entry,
 * the first page's chunks and its stylesheets have arrived; the home page draws its list from the
 * answer inlined in the HTML as soon as its code runs), when the browser is next idle. Code that
 * the first screen does not draw (toasts, the home's survey card) is fetched then, so it does not
 * share the first screen's bandwidth (issue 24 item 3). At most 2 s after `load` when never idle.
 */
export function afterFirstScreen(run: () => void): void {
  if (typeof window === 'undefined') return
  const idle = () => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => run(), { timeout: 2000 })
    else setTimeout(run, 200)
  }
  if (document.readyState === 'complete') idle()
  else window.addEventListener('load', idle, { once: true })
}
