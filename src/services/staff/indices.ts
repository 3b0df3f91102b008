import type {
  DashboardInput,
  DrilldownInput,
  indicesContract,
  IndicesOutputs,
  MoneyCasesInput,
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

export function loadMoney(input: { period: string; orgId?: string }) {
  return call('indices', 'money', input)
}

export function loadMoneyCases(input: MoneyCasesInput) {
  return call('indices', 'moneyCases', input)
}

export function saveBaseline(input: SaveBaselineInput) {
  return call('indices', 'saveBaseline', input)
}
