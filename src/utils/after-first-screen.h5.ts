import { homeHashPattern } from '@shared/domain/pages'

/** The home's route in the hash router (`''`, `#/`, `#/pages/index/index`, with or without a query). */
const HOME = new RegExp(homeHashPattern())
/** What the home draws once its own list is in: the list, or its empty or error state (server/first-screen.ts swaps on the same). */
const HOME_DRAWN = '#app [data-testid="policy-list"],#app [data-testid="list-empty"],#app [data-testid="list-error"]'
/** The longest the deferred code waits for the home after `load` (a home that never answers must not keep it away). */
const HOME_WAIT_MS = 4000

let firstScreen: Promise<void> | null = null

/** Resolves when the home has drawn its own list (at once on any other page), or after `HOME_WAIT_MS`. */
function homeDrawn(): Promise<void> {
  return new Promise((done) => {
    if (!HOME.test(window.location.hash) || document.querySelector(HOME_DRAWN)) return done()
    const finish = () => {
      observer.disconnect()
      window.removeEventListener('hashchange', finish)
      clearTimeout(timer)
      done()
    }
    const observer = new MutationObserver(() => {
      if (document.querySelector(HOME_DRAWN)) finish()
    })
    observer.observe(document.body, { childList: true, subtree: true })
    // Leaving the home before it drew: the page shown now is the first screen.
    window.addEventListener('hashchange', finish)
    const timer = setTimeout(finish, HOME_WAIT_MS)
  })
}

/** The window's `load` (the entry, the first page's chunks and stylesheets are in), then the home's own list. */
function whenFirstScreenIn(): Promise<void> {
  firstScreen ??= new Promise<void>((loaded) => {
    if (document.readyState === 'complete') loaded()
    else window.addEventListener('load', () => loaded(), { once: true })
  }).then(homeDrawn)
  return firstScreen
}

/**
 * Browser build: runs `run` once the first screen is in, when the browser is next idle: after the
 * window's `load` event (the entry, the first page's chunks and its stylesheets have arrived) and,
 * on the home, once the app has drawn its own list (from the answer inlined in the HTML, or its
 * own request). Code that the first screen does not draw (toasts, the home's survey card, the list
 * foot's full version) is fetched then, so it does not share the first screen's bandwidth nor its
 * main thread (issue 24 item 3). The home's wait is capped at 4 s after `load`; the idle wait at 2 s.
 */
export function afterFirstScreen(run: () => void): void {
  if (typeof window === 'undefined') return
  void whenFirstScreenIn().then(() => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => run(), { timeout: 2000 })
    else setTimeout(run, 200)
  })
}
