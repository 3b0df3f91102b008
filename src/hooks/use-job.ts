import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { JobView } from '@shared/contracts/job'
import { ApiError } from '../services/core/cloud-core'

const PREFIX = 'job:'

/**
 * Calls `next` until the job is no longer running or the page is gone, handing every view to
 * `onView` (the page's "已完成 x / y"). Returns the last view.
 */
export async function followJob<R>(first: JobView<R>, next: (id: string) => Promise<JobView<R>>, onView: (view: JobView<R>) => void, alive: () => boolean): Promise<JobView<R>> {
  let view = first
  onView(view)
  while (alive() && view.state === 'running') {
    view = await next(view._id)
    if (alive()) onView(view)
  }
  return view
}

/**
 * A long server job as a page drives it: `start` runs the first call, then the page keeps calling
 * `next` (each call does up to 40 s of work and returns) until the job is done, showing
 * "已完成 x / y" in between. The job id is kept on the device under `key`, so reopening the page
 * finds the job and goes on; if the page is closed, the function's timer finishes it anyway.
 */
export function useJob<R>(key: string, next: (id: string) => Promise<JobView<R>>, look: (id: string) => Promise<JobView<R>>) {
  const [job, setJob] = useState<JobView<R> | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const alive = useRef(true)
  const nextRef = useRef(next)
  nextRef.current = next

  const follow = useCallback(
    async (first: JobView<R>) => {
      const view = await followJob(first, (id) => nextRef.current(id), setJob, () => alive.current)
      if (view.state !== 'running') Taro.removeStorageSync(PREFIX + key)
      return view
    },
    [key],
  )

  const run = useCallback(
    async (first: () => Promise<JobView<R>>): Promise<JobView<R>> => {
      setBusy(true)
      setError(null)
      try {
        const view = await first()
        Taro.setStorageSync(PREFIX + key, view._id)
        return await follow(view)
      } catch (e) {
        if (alive.current) setError(e)
        throw e
      } finally {
        if (alive.current) setBusy(false)
      }
    },
    [follow, key],
  )

  // A job left running when the page was closed: pick it up again.
  useEffect(() => {
    alive.current = true
    const kept: unknown = Taro.getStorageSync(PREFIX + key)
    if (typeof kept === 'string' && kept) {
      void run(async () => {
        const view = await look(kept)
        if (view.state !== 'running') Taro.removeStorageSync(PREFIX + key)
        return view
      }).catch((e: unknown) => {
        // Gone or someone else's: forget it. A network failure keeps it for the next visit.
        if (e instanceof ApiError && e.code === 'NOT_FOUND') Taro.removeStorageSync(PREFIX + key)
      })
    }
    return () => {
      alive.current = false
    }
    // Once per page: `look` is a stable service call.
  }, [key])

  return { job, error, busy, start: run, clear: () => setJob(null) }
}

/** "已完成 x / y" while a job runs. */
export function progressText(job: Pick<JobView, 'done' | 'total'>): string {
  return `已完成 ${job.done} / ${Math.max(job.total, job.done)}`
}
