import { reconcileInput, type ReconcileReport } from '../../_shared/contracts/indices'
import type { JobView } from '../../_shared/contracts/job'
import { type Action, defineAction, staffWith } from '../../_shared/runtime/action'
import { advanceJob, type Budget, startJob, viewOf } from '../../_shared/runtime/jobs'
import { reconcileJob, reconcileStart } from '../../_shared/runtime/reconcile'
import { FIGURES_REFUSED } from '../../_shared/application/figures-scope'

/**
 * Starts a recount of every counter from the raw records (reports drift, and repairs it when
 * asked) as a job, and runs its first call's worth. The page goes on with `continueJob`; the
 * `resumeJobs` timer finishes it if no one does.
 */
export function makeReconcile(budget: Budget): Action<typeof reconcileInput, JobView<ReconcileReport>> {
  return defineAction({
    input: reconcileInput,
    ...staffWith('index.reconcile', FIGURES_REFUSED['index.reconcile']),
    audit: 'write',
    async run({ repair }, ctx): Promise<JobView<ReconcileReport>> {
      const caller = ctx.caller
      const orgs = await ctx.store.collection('orgs').count()
      const job = await startJob(ctx.store, 'reconcile', { orgId: caller.staff.orgId, startedBy: caller.id, now: ctx.now(), ...reconcileStart(repair, orgs) })
      const after = (await advanceJob(ctx.store, reconcileJob, job._id, budget)) ?? job
      // The job's stored result is the report (reconcileJob).
      return viewOf(after, async (r) => r as ReconcileReport)
    },
  })
}
