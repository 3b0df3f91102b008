/**
 * Work that outgrows one function invocation (CloudBase caps a call at 60 s) runs as a job:
 * each call does bounded chunks, saves where it got to, and returns; the next call goes on.
 */

/** What a job does. Each kind runs in the function that owns its data. */
export const JOB_KINDS = ['reconcile', 'ledgerExport'] as const
export type JobKind = (typeof JOB_KINDS)[number]

export type JobState = 'running' | 'done' | 'failed'

/** The job document (collection `jobs`). */
export interface Job {
  /** `job_` + 128 random bits: for exports it also seeds the part files' unguessable names. */
  _id: string
  kind: JobKind
  /** The org it works on (the starter's org; the city for the nightly recount). */
  orgId: string
  /** The staff id of who started it, or `timer` for the nightly run. */
  startedBy: string
  state: JobState
  /** Where the next chunk starts ('' = the beginning). Only a saved chunk moves it. */
  cursor: string
  /** Units done and in all (cases exported, orgs recounted). */
  done: number
  total: number
  startedAt: string
  updatedAt: string
  /** What the kind needs to run (a filter, a flag), fixed at the start; plain JSON. */
  params: unknown
  /** What the chunks have gathered so far; saved together with the cursor. */
  acc: unknown
  /** Set when done. */
  result?: unknown
  /** Set when failed: the last error, in words. */
  error?: string
  /** Epoch ms until which one invocation holds the job; 0 when no one does. */
  leaseUntil: number
  /** Failed attempts in a row; reset by a saved chunk. */
  attempts: number
}

/** Someone other than a staff member started it: the nightly timer. */
export const TIMER_STARTER = 'timer'
