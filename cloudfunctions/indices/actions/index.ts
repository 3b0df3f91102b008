import type { ActionMap } from '../../_shared/runtime/action'
import { makeJobActions } from '../../_shared/runtime/job-actions'
import { type Budget, CLOUD_BUDGET } from '../../_shared/runtime/jobs'
import { reconcileJob } from '../../_shared/runtime/reconcile'
import { dashboard } from './dashboard'
import { drilldown } from './drilldown'
import { money } from './money'
import { moneyCases } from './money-cases'
import { makeReconcile } from './reconcile'
import { rollup } from './rollup'
import { saveBaseline } from './save-baseline'
import { trend } from './trend'

/** The job kinds `indices` runs. */
export const INDICES_JOBS = [reconcileJob]

/** The `indices` function: dashboards, roll-ups, trends, drill-down, baselines and reconciliation (a job: `job`, `continueJob`). */
export function makeIndicesActions(budget: Budget = CLOUD_BUDGET): ActionMap {
  return { dashboard, rollup, trend, drilldown, money, moneyCases, saveBaseline, reconcile: makeReconcile(budget), ...makeJobActions({ defs: INDICES_JOBS, budget }) }
}

export const indicesActions: ActionMap = makeIndicesActions()
