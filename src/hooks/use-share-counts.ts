import { useEffect, useState } from 'react'
import type { ShareKind } from '@shared/domain/share'
import { shareCounts } from '../services/share/share'

/**
 * Staff lists: residents who arrived through shares, per shown item (one call per 50 rows).
 * Missing counts (not loaded yet, or the call failed) are simply not shown.
 */
export function useShareCounts(kind: ShareKind, ids: readonly string[], enabled: boolean): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({})
  const key = ids.join(',')
  useEffect(() => {
    if (!enabled || ids.length === 0) return
    let live = true
    const batches: string[][] = []
    for (let i = 0; i < ids.length; i += 50) batches.push(ids.slice(i, i + 50))
    Promise.all(batches.map((batch) => shareCounts({ kind, ids: batch })))
      .then((outs) => {
        if (live) setCounts(Object.assign({}, ...outs.map((o) => o.counts)))
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [kind, key, enabled])
  return counts
}
