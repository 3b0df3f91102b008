import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { PageOf } from '@shared/contracts/common'
import { readCache, writeCache } from '../services/core/offline-cache'

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
  /** What the last "load more" failed with (null when it did not), so the footer can say what happened. */
  moreError: unknown
  /**
   * Reloads from the first page (filter change, pull-down refresh). `quiet` keeps the current
   * rows on screen until the new page arrives.
   */
  refresh: (options?: { quiet?: boolean }) => Promise<void>
  loadMore: () => Promise<void>
  /** Replaces one item in place (after an action on a row). */
  replace: (match: (item: T) => boolean, next: T) => void
  /**
   * The rows on screen are the copy kept from last time (`cacheKey`), shown while the fresh
   * page loads or because it could not be loaded; false once fresh rows arrived.
   */
  stale: boolean
}

export interface PagedListOptions {
  /**
   * Keep the first page in the offline cache under this key (include the filters in it): the
   * list opens with it at once and refreshes quietly. Default none.
   */
  cacheKey?: string
}

/**
 * Keyset paging over `fetchPage(after)`: the first page loads when `deps` change; `loadMore`
 * passes the last `next` cursor. Answers for an older filter are dropped.
 */
export function usePagedList<T>(
  fetchPage: (after: string | null) => Promise<PageOf<T>>,
  deps: readonly unknown[],
  options: PagedListOptions = {},
): PagedList<T> {
  const cached = options.cacheKey ? readCache<PageOf<T>>(options.cacheKey) : null
  const [items, setItems] = useState<T[]>(cached?.value.items ?? [])
  const [status, setStatus] = useState<PagedList<T>['status']>(cached ? 'ready' : 'loading')
  const [stale, setStale] = useState(cached !== null)
  const cacheKeyRef = useRef(options.cacheKey)
  cacheKeyRef.current = options.cacheKey
  const [error, setError] = useState<unknown>(null)
  const [next, setNext] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreFailure, setMoreFailure] = useState<{ error: unknown } | null>(null)
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const refresh = useCallback(async (opts: { quiet?: boolean } = {}): Promise<void> => {
    const mine = ++generation.current
    const key = cacheKeyRef.current
    const kept = key ? readCache<PageOf<T>>(key) : null
    if (kept) {
      // Last time's rows first; the fresh page replaces them when it comes.
      setItems(kept.value.items)
      setNext(null)
      setStatus('ready')
      setStale(true)
    } else if (!opts.quiet) {
      setStatus('loading')
    }
    setError(null)
    setMoreFailure(null)
    setLoadingMore(false)
    try {
      const page = await fetchRef.current(null)
      if (mine !== generation.current) return
      setItems(page.items)
      setNext(page.next)
      setStatus('ready')
      setStale(false)
      if (key) writeCache(key, page)
    } catch (e) {
      if (mine !== generation.current) return
      setError(e)
      // With the kept rows on screen, a failed refresh leaves them there (marked stale).
      setStatus((s) => (kept || s === 'ready' ? 'ready' : 'error'))
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
    setMoreFailure(null)
    try {
      const page = await fetchRef.current(cursor)
      if (mine !== generation.current) return
      setItems((prev) => [...prev, ...page.items])
      setNext(page.next)
    } catch (e) {
      if (mine === generation.current) setMoreFailure({ error: e })
    } finally {
      busy.current = false
      if (mine === generation.current) setLoadingMore(false)
    }
  }, [])

  const replace = useCallback((match: (item: T) => boolean, nextItem: T) => {
    setItems((prev) => prev.map((item) => (match(item) ? nextItem : item)))
    // The kept copy follows, or the next visit opens on the row as it was (an inbox item 未读 again
    // after it was read).
    const key = cacheKeyRef.current
    const kept = key ? readCache<PageOf<T>>(key) : null
    if (key && kept) writeCache(key, { ...kept.value, items: kept.value.items.map((item) => (match(item) ? nextItem : item)) })
  }, [])

  useEffect(() => {
    void refresh()
    // Deliberately keyed on the caller's `deps` only; the latest loader is read through a ref.
  }, deps)

  return {
    items,
    status,
    error,
    hasMore: next !== null,
    loadingMore,
    moreFailed: moreFailure !== null,
    moreError: moreFailure ? moreFailure.error : null,
    refresh,
    loadMore,
    replace,
    stale,
  }
}

export interface ListPageOptions {
  /**
   * Refresh quietly each time the page shows again (back from a detail page, where the row may
   * have changed); `() => boolean` decides per show. The first show is the initial load. Default true.
   */
  refreshOnShow?: boolean | (() => boolean)
  /**
   * More to reload whenever the page reloads the list (shown again, pull-down): a header, counts.
   * The pull-down spinner waits for both.
   */
  alsoReload?: () => Promise<unknown>
}

/**
 * Wires a paged list to its page's lifecycle, the same way on every list page: quiet refresh
 * when the page shows again, pull-down refresh (its spinner stops when the reload settles) and
 * the next page when the user reaches the bottom — unless the last one failed, when the footer
 * offers the retry instead of retrying on every scroll. Call it from the page component only
 * (Taro's page hooks: https://docs.taro.zone/docs/react-page).
 */
export function useListPage(list: Pick<PagedList<unknown>, 'refresh' | 'loadMore' | 'hasMore' | 'moreFailed'>, options: ListPageOptions = {}): void {
  const shown = useRef(false)
  const latest = useRef({ list, options })
  latest.current = { list, options }
  useDidShow(() => {
    const { refreshOnShow = true } = latest.current.options
    if (shown.current && (typeof refreshOnShow === 'function' ? refreshOnShow() : refreshOnShow)) {
      void latest.current.list.refresh({ quiet: true })
      void latest.current.options.alsoReload?.().catch(() => undefined)
    }
    shown.current = true
  })
  usePullDownRefresh(() => {
    const { list: l, options: o } = latest.current
    void Promise.allSettled([l.refresh({ quiet: true }), o.alsoReload?.()]).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => {
    const l = latest.current.list
    if (l.hasMore && !l.moreFailed) void l.loadMore()
  })
}
