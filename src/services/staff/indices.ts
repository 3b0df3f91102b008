import type { DashboardInput, DrilldownInput, RollupInput, SaveBaselineInput } from '@shared/contracts/indices'
import { call } from '../core/cloud'


export function loadDashboard(input: DashboardInput) {
  return call('indices', 'dashboard', input)
}

export function loadRollup(input: RollupInput) {
  return call('indices', 'rollup', input)
}

export function loadDrilldown(input: DrilldownInput) {
  return call('indices', 'drilldown', input)
}

export function saveBaseline(input: SaveBaselineInput) {
  return call('indices', 'saveBaseline', input)
}
