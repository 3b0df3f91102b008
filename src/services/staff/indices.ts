import type {
  DashboardInput,
  DrilldownInput,
  indicesContract,
  IndicesOutputs,
  RollupInput,
  SaveBaselineInput,
} from '@shared/contracts/indices'
import { call } from '../core/cloud'

declare module '../core/cloud-core' {
  interface FunctionContracts {
    indices: { inputs: typeof indicesContract; outputs: IndicesOutputs }
  }
}

export function loadDashboard(input: DashboardInput) {
  return call('indices', 'dashboard', input)
}

export function loadRollup(input: RollupInput) {
  return call('indices', 'rollup', input)
}

export function loadDrilldown(input: DrilldownInput) {
  return call('indices', 'drilldown', input)
}

/** The street approves a community's baseline for a period. */
export function approveBaseline(communityId: string, period: string) {
  return call('indices', 'approveBaseline', { communityId, period })
}

export function saveBaseline(input: SaveBaselineInput) {
  return call('indices', 'saveBaseline', input)
}
