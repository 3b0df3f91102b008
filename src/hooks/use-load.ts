import { useCallback, useEffect, useRef, useState } from 'react'

/** One remote read as a page sees it. */
export type LoadState<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: unknown }

/**
 * Runs `load` when `deps` change and on `reload()`. A slower, older answer never overwrites a
 * newer one. While reloading, the previous data stays available for the page to keep showing.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading', data: null, error: null })
  const seq = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  const reload = useCallback(async (): Promise<void> => {
    const mine = ++seq.current
    setState((s) => ({ status: 'loading', data: s.data, error: null }))
    try {
      const data = await loadRef.current()
      if (mine === seq.current) setState({ status: 'ready', data, error: null })
    } catch (error) {
      if (mine === seq.current) setState((s) => ({ status: 'error', data: s.data, error }))
    }
  }, [])

  useEffect(() => {
    void reload()
    // Deliberately keyed on the caller's `deps` only; the latest loader is read through a ref.
  }, deps)

  return { ...state, reload, setData: (data: T) => setState({ status: 'ready', data, error: null }) }
}
