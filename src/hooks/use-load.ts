import { useCallback, useEffect, useRef, useState } from 'react'
import { ErrorCodes, errorMessage, isApiError } from '../services/core/cloud'
import { toastText } from '../utils/toast'

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
  const stateRef = useRef(state)
  stateRef.current = state

  const reload = useCallback(async (): Promise<void> => {
    const mine = ++seq.current
    setState((s) => ({ status: 'loading', data: s.data, error: null }))
    try {
      const data = await loadRef.current()
      if (mine === seq.current) setState({ status: 'ready', data, error: null })
    } catch (error) {
      if (mine !== seq.current) return
      const shown = stateRef.current.data !== null
      setState((s) => ({ status: 'error', data: s.data, error }))
      // A refresh (pull-down, back to the page) that found no network while the page shows what
      // it had: the page keeps it, and says why nothing changed (issue 23: it used to say nothing).
      // A first load shows its own error state instead.
      if (shown && isApiError(error) && error.code === ErrorCodes.network) toastText(errorMessage(error))
    }
  }, [])

  useEffect(() => {
    void reload()
    // Deliberately keyed on the caller's `deps` only; the latest loader is read through a ref.
  }, deps)

  return { ...state, reload, setData: (data: T) => setState({ status: 'ready', data, error: null }) }
}
