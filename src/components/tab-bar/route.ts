import { pageRoute } from '@shared/domain/pages'

/** The page a hash route or router path names (`#/pages/events/index?x=1` → `pages/events/index`); the home page for `#/` or none. */
export function routeOfHash(hash: string): string {
  const path = hash.replace(/^#?\/*/, '').split('?')[0].replace(/\/+$/, '')
  if (!path) return pageRoute('index')
  try {
    return decodeURI(path)
  } catch {
    // A malformed escape (`%E4%B`) names no page: no tab is current, and nothing throws while drawing.
    return path
  }
}
