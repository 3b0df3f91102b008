import type { DashboardInput, DrilldownInput, MoneyCasesInput, RollupInput, SaveBaselineInput, SetLocalAverageInput, SetTargetInput, SplitTargetInput, TargetsInput } from '@shared/contracts/indices'
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

/** The street approves a community's baseline for a period. */
export function approveBaseline(communityId: string, period: string) {
  return call('indices', 'approveBaseline', { communityId, period })
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

/** An org's targets for a year, with its children's shares. */
export function loadTargets(input: TargetsInput) {
  return call('indices', 'targets', input)
}

/** The city sets one of its own targets. */
export function setTarget(input: SetTargetInput) {
  return call('indices', 'setTarget', input)
}

/** A level splits its target among its children. */
export function splitTarget(input: SplitTargetInput) {
  return call('indices', 'splitTarget', input)
}

/** The city closes a year's targets to edits, or reopens them. */
export function closeTargetYear(year: number, closed: boolean) {
  return call('indices', 'closeTargetYear', { year, closed })
}

/** The city's 当地平均数 of the 创业活动指数: a percentage, or null to compute it from every community. */
export function setLocalAverage(input: SetLocalAverageInput) {
  return call('indices', 'setLocalAverage', input)
}
