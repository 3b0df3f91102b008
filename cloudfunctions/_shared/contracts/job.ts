import * as v from 'valibot'
import type { JobKind, JobState } from '../domain/job'
import { idSchema } from './common'

/** `job` / `continueJob` (in `indices` and `ledger`): look at one job; continue it for one bounded call. */
export const jobInput = v.object({ id: idSchema })

/** A job as its starter sees it: progress "已完成 done / total" and, when done, the result. */
export interface JobView<R = unknown> {
  _id: string
  kind: JobKind
  state: JobState
  done: number
  total: number
  startedAt: string
  updatedAt: string
  /** Present when `state` is `done`. */
  result?: R
  /** Present when `state` is `failed`. */
  error?: string
}
