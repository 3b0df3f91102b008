import type { ActionMap } from '../../_shared/runtime/action'
import { dashboard } from './dashboard'
import { drilldown } from './drilldown'
import { reconcile } from './reconcile'
import { rollup } from './rollup'
import { saveBaseline } from './save-baseline'
import { trend } from './trend'

/** The `indices` function: dashboards, roll-ups, trends, drill-down, baselines and reconciliation. */
export const indicesActions: ActionMap = { dashboard, rollup, trend, drilldown, saveBaseline, reconcile }
