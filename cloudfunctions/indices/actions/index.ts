import type { ReconcileReport } from '../../_shared/contracts/indices'
import type { ActionMap } from '../../_shared/runtime/action'
import { makeJobActions } from '../../_shared/runtime/job-actions'
import { type Budget, CLOUD_BUDGET } from '../../_shared/runtime/jobs'
import { reconcileJob } from '../../_shared/runtime/reconcile'
import { dashboard } from './dashboard'
import { drilldown } from './drilldown'
import { makeReconcile } from './reconcile'
import { rollup } from './rollup'
import { saveBaseline } from './save-baseline'
import { trend } from './trend'

/** The job kinds `indices` runs. */
export const INDICES_JOBS = [reconcileJob]

/** The `indices` function: dashboards, roll-ups, trends, drill-down, baselines and reconciliation (a job: `job`, `continueJob`). */
export function makeIndicesActions(budget: Budget = CLOUD_BUDGET) {
  return { dashboard, rollup, trend, drilldown, saveBaseline, reconcile: makeReconcile(budget), ...makeJobActions<ReconcileReport>({ defs: INDICES_JOBS, budget }) } satisfies ActionMap
}

export const indicesActions = makeIndicesActions()
