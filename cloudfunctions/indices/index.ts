import { TIMER_STARTER } from '../_shared/domain/job'
import type { Org } from '../_shared/domain/org'
import { where } from '../_shared/store/port'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { advanceJob, CLOUD_BUDGET, resumeJobs, startJob } from '../_shared/runtime/jobs'
import { makeMain } from '../_shared/runtime/make-main'
import { reconcileJob, reconcileStart } from '../_shared/runtime/reconcile'
import { INDICES_JOBS, indicesActions } from './actions'

/**
 * Timer triggers (deploy/functions.ts):
 * - `nightlyReconcile`: starts the night's recount-and-repair job and runs one call's worth;
 * - `resumeJobs` (every few minutes): goes on with any unfinished job, the nightly one included,
 *   so nobody has to keep a page open for it to finish.
 */
export const main = makeMain('indices', indicesActions, cloudbaseRoot, {
  nightlyReconcile: async (store) => {
    const orgs = await store.collection('orgs').count()
    const root = (await store.collection('orgs').find({ where: where.eq<Org>('parentId', null), limit: 1 })).items[0]
    const job = await startJob(store, 'reconcile', { orgId: root?._id ?? '', startedBy: TIMER_STARTER, now: new Date(), ...reconcileStart(true, orgs) })
    return advanceJob(store, reconcileJob, job._id, CLOUD_BUDGET)
  },
  resumeJobs: (store) => resumeJobs(store, INDICES_JOBS, CLOUD_BUDGET),
})
