/**
 * The job runner. A CloudBase function call ends at its timeout (60 s at most: the CLI's
 * function configuration, docs.cloudbase.net/cli-v1/functions/configs, and the WeChat 云开发
 * console), so long work is cut into chunks: a call runs chunks until its time budget or chunk
 * count is used, saves the cursor and what the chunks gathered in one conditional update, and
 * returns. Whoever calls next (the staff page polling, or a timer trigger) goes on from there.
 *
 * Two rules make resuming safe:
 * - A chunk's writes depend only on (job, cursor): run again after a crash, it writes the same
 *   documents or files again instead of adding new ones. The cursor and the gathered totals move
 *   only when the chunk is saved, so a half-done chunk is simply redone.
 * - One caller at a time: a call takes a lease (`leaseUntil`) before running chunks. A killed
 *   call's lease runs out after the function timeout, and then anyone may resume.
 */
import { randomBytes } from 'node:crypto'
import type { JobView } from '../contracts/job'
import type { Job, JobKind } from '../domain/job'
import type { Collections } from '../store/collections'
import { type Filter, type Store, where } from '../store/port'

/** How much one call may do. */
export interface Budget {
  /** Wall time for chunks; the next chunk starts only if the slowest so far still fits. */
  ms: number
  /** At most this many chunks per call (tests use 1 to interrupt after every chunk). */
  chunks: number
}

/** 40 s of CloudBase's 60 s timeout: the slowest chunk plus saving fit in the other 20 s. */
export const CLOUD_BUDGET: Budget = { ms: 40_000, chunks: 1_000 }

/** A call that dies keeps the job this long past its budget (the function timeout). */
const LEASE_MARGIN_MS = 20_000
/** Failed calls in a row before a job is marked failed. */
const MAX_ATTEMPTS = 3

/** One chunk's outcome. */
export interface ChunkOutcome<A> {
  cursor: string
  acc: A
  done: number
  total: number
  finished: boolean
}

/** What a job kind does, typed; `defineJob` stores P (parameters), A (progress) and R (result) as plain JSON. */
export interface JobDef<P, A, R> {
  kind: JobKind
  /** Runs one bounded chunk from `cursor`. Its writes must depend only on (job, cursor). */
  chunk(args: { job: Job; params: P; cursor: string; acc: A; store: Store<Collections>; now: Date }): Promise<ChunkOutcome<A>>
  /** After the last chunk: the result kept on the job. */
  finish(args: { job: Job; params: P; acc: A; store: Store<Collections>; now: Date }): Promise<R>
}

/** A kind as the runner holds it: the job document's fields are untyped JSON. */
export type StoredJobDef = JobDef<unknown, unknown, unknown>

/** Declares a job kind. The casts are the one place stored JSON becomes the kind's types: only its own `startJob` wrote them. */
export function defineJob<P, A, R>(def: JobDef<P, A, R>): StoredJobDef {
  return {
    kind: def.kind,
    chunk: (a) => def.chunk({ ...a, params: a.params as P, acc: a.acc as A }),
    finish: (a) => def.finish({ ...a, params: a.params as P, acc: a.acc as A }),
  }
}

export interface RunClock {
  /** Epoch ms. */
  now(): number
}

export const realClock: RunClock = { now: () => Date.now() }

/** Creates a running job; nothing is done until `advanceJob`. */
export async function startJob<P, A>(
  store: Store<Collections>,
  kind: JobKind,
  start: { orgId: string; startedBy: string; params: P; acc: A; total: number; now: Date },
): Promise<Job> {
  const at = start.now.toISOString()
  const job: Job = {
    _id: `job_${randomBytes(16).toString('base64url')}`,
    kind,
    orgId: start.orgId,
    startedBy: start.startedBy,
    state: 'running',
    cursor: '',
    done: 0,
    total: start.total,
    startedAt: at,
    updatedAt: at,
    params: start.params,
    acc: start.acc,
    leaseUntil: 0,
    attempts: 0,
  }
  await store.collection('jobs').insert(job)
  return job
}

/**
 * Runs chunks of a running job within `budget`, saving after each, and returns the job as
 * saved. Another call holding the job, or a finished job, is returned unchanged. A chunk that
 * throws leaves the cursor where it was; after MAX_ATTEMPTS such calls in a row the job fails.
 */
export async function advanceJob(store: Store<Collections>, def: StoredJobDef, id: string, budget: Budget, clock: RunClock = realClock): Promise<Job | null> {
  const jobs = store.collection('jobs')
  const started = clock.now()
  const claimed = await jobs.update(
    id,
    { set: { leaseUntil: started + budget.ms + LEASE_MARGIN_MS } },
    where.and<Job>(where.eq('state', 'running'), where.eq('kind', def.kind), where.lt('leaseUntil', started)),
  )
  if (!claimed) return jobs.get(id)
  let slowest = 0
  let chunks = 0
  try {
    for (;;) {
      const job = await jobs.get(id)
      if (!job || job.state !== 'running') return job
      const t0 = clock.now()
      const now = new Date(t0)
      let step: ChunkOutcome<unknown>
      try {
        step = await def.chunk({ job, params: job.params, cursor: job.cursor, acc: job.acc, store, now })
      } catch (err) {
        const attempts = job.attempts + 1
        const message = err instanceof Error ? err.message : String(err)
        const failed = attempts >= MAX_ATTEMPTS
        await jobs.update(id, {
          set: { attempts, updatedAt: now.toISOString(), leaseUntil: 0, ...(failed ? { state: 'failed' as const, error: message } : {}) },
        })
        if (!failed) throw err
        return jobs.get(id)
      }
      // Saved only if no one else moved the job meanwhile (a lease that ran out mid-chunk).
      const same: Filter<Job> = where.and<Job>(where.eq('state', 'running'), where.eq('cursor', job.cursor), where.eq('done', job.done))
      const saved = await jobs.update(
        id,
        { set: { cursor: step.cursor, acc: step.acc, done: step.done, total: step.total, attempts: 0, updatedAt: now.toISOString() } },
        same,
      )
      if (!saved) return jobs.get(id)
      chunks++
      if (step.finished) {
        const after = await jobs.get(id)
        if (!after) return null
        const result = await def.finish({ job: after, params: after.params, acc: after.acc, store, now: new Date(clock.now()) })
        await jobs.update(id, { set: { state: 'done', result, updatedAt: new Date(clock.now()).toISOString() } }, where.eq<Job>('state', 'running'))
        return jobs.get(id)
      }
      const t1 = clock.now()
      slowest = Math.max(slowest, t1 - t0)
      if (chunks >= budget.chunks || t1 - started + slowest > budget.ms) return jobs.get(id)
    }
  } finally {
    await jobs.update(id, { set: { leaseUntil: 0 } })
  }
}

/** The running jobs of some kinds, oldest first (the timer resumes them). */
export async function runningJobs(store: Store<Collections>, kinds: readonly JobKind[]): Promise<Job[]> {
  const out: Job[] = []
  for await (const batch of store.collection('jobs').scan(where.and<Job>(where.eq('state', 'running'), where.in('kind', [...kinds])), 100)) out.push(...batch)
  return out.sort((a, b) => a.startedAt.localeCompare(b.startedAt))
}

/**
 * The timer's pass: resumes every running job of these kinds, sharing one budget, so no one has
 * to keep a page open for a long export or the nightly recount to finish.
 */
export async function resumeJobs(store: Store<Collections>, defs: readonly StoredJobDef[], budget: Budget, clock: RunClock = realClock): Promise<{ resumed: number; finished: number }> {
  const started = clock.now()
  let resumed = 0
  let finished = 0
  for (const job of await runningJobs(store, defs.map((d) => d.kind))) {
    const left = budget.ms - (clock.now() - started)
    if (left <= 0) break
    const def = defs.find((d) => d.kind === job.kind)
    if (!def) continue
    resumed++
    const after = await advanceJob(store, def, job._id, { ms: left, chunks: budget.chunks }, clock).catch((err: unknown) => {
      console.error(err)
      return null
    })
    if (after?.state === 'done') finished++
  }
  return { resumed, finished }
}

/** The job as its starter sees it; `present` turns a stored result into what the client gets. */
export async function viewOf<R>(job: Job, present: (result: unknown) => Promise<R>): Promise<JobView<R>> {
  const view: JobView<R> = {
    _id: job._id,
    kind: job.kind,
    state: job.state,
    done: job.done,
    total: job.total,
    startedAt: job.startedAt,
    updatedAt: job.updatedAt,
  }
  if (job.state === 'done' && job.result !== undefined) view.result = await present(job.result)
  if (job.state === 'failed') view.error = '任务没有完成，请重新开始；如果反复出现，请联系系统管理员'
  return view
}
