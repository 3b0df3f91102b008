// Read by the H5 build (config/index.ts, through Taro's readConfig as app.config is): relative
// imports only. Not part of the app's own code.
import { OUTSIDE_ENTRY_PAGES, pageRoute, pageSourceDir } from '../cloudfunctions/_shared/domain/pages'
import type { EntryCall, EntryPage } from '../config/h5-home-preload'

/**
 * Pages residents open from outside the app (a poster's QR code, a share, a push): index.html
 * preloads each one's files when the URL opens it, and on a first visit asks for its first call
 * beside the JS (config/h5-home-preload.ts).
 */
export const ENTRY_PAGES: EntryPage[] = OUTSIDE_ENTRY_PAGES.map((key) => ({ route: pageRoute(key), source: `${pageSourceDir(key)}/index.tsx` }))

/**
 * The first call each entry page makes, exactly as the app sends it (`call(fn, action, { [key]: value })`
 * in src/services): the event page (src/pkg-event/pages/event) resolves a poster's `scene`, else loads
 * `id`; the policy detail loads `id`. The first parameter present wins, in this order.
 */
export const ENTRY_CALLS: EntryCall[] = [
  { route: pageRoute('event'), param: 'scene', fn: 'event', action: 'resolve', key: 'scene' },
  { route: pageRoute('event'), param: 'id', fn: 'event', action: 'get', key: 'id' },
  { route: pageRoute('policyDetail'), param: 'id', fn: 'policy', action: 'get', key: 'id' },
]

export default { pages: ENTRY_PAGES, calls: ENTRY_CALLS }
