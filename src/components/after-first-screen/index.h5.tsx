import { Suspense, createElement, lazy, useEffect, useState, type ComponentType } from 'react'
import { afterFirstScreen } from '../../utils/after-first-screen'

/**
 * Browser build only (imported by `*.h5.tsx` files): a component whose code is fetched after the
 * first screen is in (`afterFirstScreen`), not with it (issue 24 item 3). For parts of a page that
 * draw nothing until their own request answers anyway (the home's survey card and hotline), so
 * they appear as before, only without holding up the first screen on a slow network. Draws nothing
 * until then; if the code cannot be fetched (offline), nothing, never a broken page.
 */
export function lazyAfterFirstScreen<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  const Lazy = lazy(() => load().catch(() => ({ default: (() => null) as ComponentType<P> })))
  // React's lazy() types its props through refs that generic P cannot satisfy; the props are P.
  return function AfterFirstScreen(props: P) {
    const [ready, setReady] = useState(false)
    useEffect(() => afterFirstScreen(() => setReady(true)), [])
    if (!ready) return null
    return (
      <Suspense fallback={null}>{createElement(Lazy as unknown as ComponentType<P>, props)}</Suspense>
    )
  }
}
