import { jobInput, type JobView } from '../contracts/job'
import type { Job } from '../domain/job'
import { type ActionMap, type Ctx, defineAction, type StaffCtx } from './action'
import { missingOrOutOfScope } from './errors'
import { advanceJob, type Budget, type StoredJobDef, viewOf } from './jobs'

/** How a function's jobs are shown and driven. */
export interface JobActionsOptions<R = unknown> {
  /** The kinds this function runs (a job of another kind is not found here). */
  defs: readonly StoredJobDef[]
  /** One `continueJob` call's share of the function timeout. */
  budget: Budget
  /** The stored result as the client gets it (e.g. fresh download links); as stored by default. */
  present?: (job: Job, ctx: Ctx) => Promise<R>
}

/**
 * The job a staff caller may see: one they started, or any job for a system administrator (who
 * also sees the nightly recount). Someone else's job answers 404 like a missing one, and the
 * refusal is audited (`outOfScope`).
 */
export async function visibleJob(ctx: StaffCtx, id: string, defs: readonly StoredJobDef[]): Promise<Job> {
  const caller = ctx.caller
  const job = await ctx.store.collection('jobs').get(id)
  const ours = job && defs.some((d) => d.kind === job.kind) ? job : null
  if (!ours || (ours.startedBy !== caller.id && caller.staff.role !== 'admin')) throw missingOrOutOfScope(ours, '找不到这个任务')
  return ours
}

/**
 * `job` (look) and `continueJob` (run one more bounded call, then look). The staff page calls
 * `continueJob` until the job is done; reopening the page finds the job again by its id.
 */
export function makeJobActions<R = unknown>(options: JobActionsOptions<R>) {
  // Without `present` the stored result is what the client gets (R stays `unknown`).
  const present = (job: Job, ctx: Ctx): Promise<JobView<R>> => viewOf(job, async (result) => (options.present ? options.present(job, ctx) : (result as R)))
  return {
    job: defineAction({
      input: jobInput,
      access: 'staff',
      target: (input) => input.id,
      async run({ id }, ctx): Promise<JobView<R>> {
        return present(await visibleJob(ctx, id, options.defs), ctx)
      },
    }),
    continueJob: defineAction({
      input: jobInput,
      access: 'staff',
      target: (input) => input.id,
      async run({ id }, ctx): Promise<JobView<R>> {
        const job = await visibleJob(ctx, id, options.defs)
        const def = options.defs.find((d) => d.kind === job.kind)
        if (!def || job.state !== 'running') return present(job, ctx)
        // A chunk that throws is retried by the next call; the page sees the job still running.
        const after = await advanceJob(ctx.store, def, id, options.budget).catch((err: unknown) => {
          console.error(err)
          return null
        })
        return present(after ?? (await visibleJob(ctx, id, options.defs)), ctx)
      },
    }),
  } satisfies ActionMap
}
