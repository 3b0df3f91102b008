import { useRef, useState } from 'react'
import { errorMessage } from '../services/core/cloud'
import { confirm, toastSuccess, toastText } from '../utils/toast'

/**
 * One tap that changes something shown on the page (评价, 回复, 推荐, 抽查, 挂帮): busy while it
 * runs (another tap meanwhile is ignored), then `then` with the answer (show it, or read the page
 * again) and a toast saying it is done; on failure a toast saying what went wrong. `run` tells
 * whether it went through. Forms use `useFormSubmit` instead (field messages on the fields).
 */
export function useAction<R = unknown>(then?: (result: R) => void) {
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const thenRef = useRef(then)
  thenRef.current = then
  const run = async (work: () => Promise<R>, done: string): Promise<boolean> => {
    if (busyRef.current) return false
    busyRef.current = true
    setBusy(true)
    try {
      const result = await work()
      thenRef.current?.(result)
      toastSuccess(done)
      return true
    } catch (e) {
      toastText(errorMessage(e))
      return false
    } finally {
      busyRef.current = false
      setBusy(false)
    }
  }
  return { busy, run }
}

/**
 * A confirmed action on one row of a staff list (发布, 下架, 结束): asks first, marks that row busy
 * (the others locked) while it runs, then toasts what `work` says it did; on failure `failed`
 * (e.g. read the list again after a conflict) and a toast saying what went wrong.
 */
export function useRowAction() {
  const [busyId, setBusyId] = useState<string | null>(null)
  const run = async (id: string, ask: readonly [title: string, content: string, confirmText: string], work: () => Promise<string>, failed?: (e: unknown) => void): Promise<void> => {
    if (!(await confirm(...ask))) return
    setBusyId(id)
    try {
      toastSuccess(await work())
    } catch (e) {
      failed?.(e)
      toastText(errorMessage(e))
    } finally {
      setBusyId(null)
    }
  }
  return { busyId, run }
}
