import { useCallback, useEffect, useRef, useState } from 'react'
import type { PageOf } from '@shared/contracts/common'

export interface PagedList<T> {
  items: T[]
  /** First page: loading, failed or shown. */
  status: 'loading' | 'ready' | 'error'
  error: unknown
  /** Another page exists. */
  hasMore: boolean
  loadingMore: boolean
  /** The last "load more" failed; the button offers a retry. */
  moreFailed: boolean
  /**
   * Reloads from the first page (filter change, pull-down refresh). `quiet` keeps the current
   * rows on screen until the new page arrives.
   */
  refresh: (options?: { quiet?: boolean }) => Promise<void>
  loadMore: () => Promise<void>
  /** Replaces one item in place (after an action on a row). */
  replace: (match: (item: T) => boolean, next: T) => void
}

/**
 * Keyset paging over `fetchPage(after)`: the first page loads when `deps` change; `loadMore`
 * passes the last `next` cursor. Answers for an older filter are dropped.
 */
export function usePagedList<T>(fetchPage: (after: string | null) => Promise<PageOf<T>>, deps: readonly unknown[]): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [status, setStatus] = useState<PagedList<T>['status']>('loading')
  const [error, setError] = useState<unknown>(null)
  const [next, setNext] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreFailed, setMoreFailed] = useState(false)
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const refresh = useCallback(async (options: { quiet?: boolean } = {}): Promise<void> => {
    const mine = ++generation.current
    if (!options.quiet) setStatus('loading')
    setError(null)
    setMoreFailed(false)
    setLoadingMore(false)
    try {
      const page = await fetchRef.current(null)
      if (mine !== generation.current) return
      setItems(page.items)
      setNext(page.next)
      setStatus('ready')
    } catch (e) {
      if (mine !== generation.current) return
      setError(e)
      setStatus('error')
    }
  }, [])

  const nextRef = useRef(next)
  nextRef.current = next
  const busy = useRef(false)

  const loadMore = useCallback(async (): Promise<void> => {
    const cursor = nextRef.current
    if (!cursor || busy.current) return
    const mine = generation.current
    busy.current = true
    setLoadingMore(true)
    setMoreFailed(false)
    try {
      const page = await fetchRef.current(cursor)
      if (mine !== generation.current) return
      setItems((prev) => [...prev, ...page.items])
      setNext(page.next)
    } catch {
      if (mine === generation.current) setMoreFailed(true)
    } finally {
      busy.current = false
      if (mine === generation.current) setLoadingMore(false)
    }
  }, [])

  const replace = useCallback((match: (item: T) => boolean, nextItem: T) => {
    setItems((prev) => prev.map((item) => (match(item) ? nextItem : item)))
  }, [])

  useEffect(() => {
    void refresh()
    // Deliberately keyed on the caller's `deps` only; the latest loader is read through a ref.
  }, deps)

  return { items, status, error, hasMore: next !== null, loadingMore, moreFailed, refresh, loadMore, replace }
}
