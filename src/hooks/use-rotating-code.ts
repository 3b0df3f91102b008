import { useEffect, useRef, useState } from 'react'

/**
 * The code a staff check-in screen shows (活动签到, 培训签到), which the server rotates: fetched
 * now and whenever `key` changes (the old one cleared), again just after its `rotatesAt` (at
 * least 1 s on; 30 s when it has none), and 5 s after a failure, whose message `describe` gives.
 * `onFresh` runs after each new code (e.g. read who checked in meanwhile). Stops on leaving.
 */
export function useRotatingCode<C extends { rotatesAt: string | null }>(key: string, fetch: () => Promise<C>, describe: (e: unknown) => string, onFresh?: () => void) {
  const [code, setCode] = useState<C | null>(null)
  const [codeError, setCodeError] = useState<string | null>(null)
  const latest = useRef({ fetch, describe, onFresh })
  latest.current = { fetch, describe, onFresh }

  useEffect(() => {
    let alive = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const refresh = async () => {
      try {
        const next = await latest.current.fetch()
        if (!alive) return
        setCode(next)
        setCodeError(null)
        const wait = Math.max(1000, Date.parse(next.rotatesAt ?? '') - Date.now() + 300)
        timer = setTimeout(() => void refresh(), Number.isFinite(wait) ? wait : 30_000)
        latest.current.onFresh?.()
      } catch (e) {
        if (!alive) return
        setCodeError(latest.current.describe(e))
        timer = setTimeout(() => void refresh(), 5000)
      }
    }
    setCode(null)
    void refresh()
    return () => {
      alive = false
      if (timer) clearTimeout(timer)
    }
  }, [key])

  return { code, codeError }
}
