import type { ReconcileReport } from '../../_shared/contracts/indices'
import type { ActionMap } from '../../_shared/runtime/action'
import { makeJobActions } from '../../_shared/runtime/job-actions'
import { type Budget, CLOUD_BUDGET } from '../../_shared/runtime/jobs'
import { reconcileJob } from '../../_shared/runtime/reconcile'
import { approveBaseline } from './approve-baseline'
import { dashboard } from './dashboard'
import { drilldown } from './drilldown'
import { money } from './money'
import { moneyCases } from './money-cases'
import { makeReconcile } from './reconcile'
import { rollup } from './rollup'
import { saveBaseline } from './save-baseline'
import { trend } from './trend'
import { closeTargetYear } from './close-target-year'
import { setLocalAverage } from './set-local-average'
import { setTarget } from './set-target'
import { splitTarget } from './split-target'
import { targets } from './targets'

/** The job kinds `indices` runs. */
export const INDICES_JOBS = [reconcileJob]

/** The `indices` function: dashboards, roll-ups, trends, drill-down, baselines, targets and reconciliation (a job: `job`, `continueJob`). */
export function makeIndicesActions(budget: Budget = CLOUD_BUDGET) {
  return { dashboard, rollup, trend, drilldown, money, moneyCases, saveBaseline, approveBaseline, targets, setTarget, splitTarget, closeTargetYear, setLocalAverage, reconcile: makeReconcile(budget), ...makeJobActions<ReconcileReport>({ defs: INDICES_JOBS, budget }) } satisfies ActionMap
}

export const indicesActions = makeIndicesActions()
