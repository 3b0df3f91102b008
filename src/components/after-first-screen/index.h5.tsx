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

/**
 * Browser build only: a component that is drawn at once, in `Plain` (light markup, same texts, test
 * ids and actions), while its full version is fetched once the first screen is in; the full one
 * replaces it when it arrives, and `Plain` stays when it cannot (offline). For states a first screen
 * rarely shows (an error, the foot of a long list) whose full version pulls taro-ui's button.
 */
export function lazyWithPlainFallback<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, Plain: ComponentType<P>): ComponentType<P> {
  const Full = lazy(() => load().catch(() => ({ default: Plain })))
  let arrived = false
  afterFirstScreen(() => {
    arrived = true
    void load().catch(() => undefined)
  })
  return function WithPlainFallback(props: P) {
    // Rendering the lazy version fetches its code: not before the first screen is in, even when
    // the state is drawn within it (the home's list foot is).
    const [ready, setReady] = useState(arrived)
    useEffect(() => {
      if (!ready) afterFirstScreen(() => setReady(true))
    }, [ready])
    if (!ready) return createElement(Plain, props)
    return <Suspense fallback={createElement(Plain, props)}>{createElement(Full as unknown as ComponentType<P>, props)}</Suspense>
  }
}
