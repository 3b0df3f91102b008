import * as v from 'valibot'
import { BASELINE_FIELDS, type BaselineField, type BenefitRow, CRITERIA, type Criterion, INDEX_KEYS, type IndexKey, type IndexValue } from '../domain/indices'
import type { OrgLevel } from '../domain/org'
import { isPeriod } from '../domain/period'
import type { LedgerRow } from './intent'
import { cursorSchema, idSchema } from './common'

const periodSchema = v.pipe(
  v.string('请选择统计期'),
  v.check((p) => isPeriod(p) && Number(p.slice(0, 4)) >= 2010 && Number(p.slice(0, 4)) <= 2100, '统计期格式应为 2026、2026-Q4 或 2026-M11'),
)
const orgIdSchema = v.optional(idSchema)
const indexKeySchema = v.picklist(INDEX_KEYS, '没有这个指标')

/** `indices.dashboard`: one org (default: the caller's own) and one period. */
export const dashboardInput = v.object({ orgId: orgIdSchema, period: periodSchema })
export type DashboardInput = v.InferInput<typeof dashboardInput>

/** `indices.rollup`: the org's children, each summing its communities, ranked by `sortBy`. */
export const rollupInput = v.object({ orgId: orgIdSchema, period: periodSchema, sortBy: v.optional(indexKeySchema, 'activity') })
export type RollupInput = v.InferInput<typeof rollupInput>

/** `indices.trend`: one index across the periods before `period`. */
export const trendInput = v.object({ orgId: orgIdSchema, period: periodSchema, key: indexKeySchema })
export type TrendInput = v.InferInput<typeof trendInput>

/** `indices.drilldown`: the ledger cases behind an index's numerator or denominator. */
export const drilldownInput = v.object({
  orgId: orgIdSchema,
  period: periodSchema,
  key: indexKeySchema,
  side: v.optional(v.picklist(['num', 'den'], '请选择分子或分母'), 'num'),
  after: cursorSchema,
})
export type DrilldownInput = v.InferInput<typeof drilldownInput>

const countSchema = (label: string) =>
  v.optional(
    v.nullable(v.pipe(v.number(`${label}应为数字`), v.integer(`${label}应为整数`), v.minValue(1, `${label}至少为 1`), v.maxValue(5_000_000, `${label}不能超过 500 万`))),
  )

/** `indices.saveBaseline`: a community's baseline for one period; null clears a field. */
export const saveBaselineInput = v.pipe(
  v.object({
    communityId: orgIdSchema,
    period: periodSchema,
    workingAge: countSchema('劳动年龄人口'),
    employed: countSchema('就业人数'),
    newEmployment: countSchema('新增就业人数'),
  }),
  v.forward(
    v.check((i) => !(i.workingAge && i.employed && i.employed > i.workingAge * 2), '就业人数不应超过劳动年龄人口的两倍，请核对'),
    ['employed'],
  ),
)
export type SaveBaselineInput = v.InferInput<typeof saveBaselineInput>

/** `indices.reconcile`: recount every counter; a dry run (default) only reports drift. */
export const reconcileInput = v.object({ repair: v.optional(v.boolean('repair 应为 true 或 false'), false) })

export interface OrgRef {
  _id: string
  name: string
  level: OrgLevel
}

/** One index over the trend periods. */
export interface TrendPoint {
  period: string
  label: string
  value: number | null
  numerator: number
  denominator: number | null
}

/** A 创建标准 and how much of its quantitative part the data meets. */
export interface CriterionRow {
  criterion: Criterion
  label: string
  met: number
  of: number
  missing: number
  items: { key: IndexKey; label: string; light: IndexValue['light']; value: number | null; unit: IndexValue['unit'] }[]
}

export interface DashboardOutput {
  org: OrgRef
  period: string
  periodName: string
  /** Communities summed (1 for a community). */
  communities: number
  indices: IndexValue[]
  trends: Record<IndexKey, TrendPoint[]>
  benefits: BenefitRow[]
  activity: { metric: string; label: string; value: number }[]
  criteria: CriterionRow[]
  /** What this community entered for exactly this period (communities only). */
  baseline: Record<BaselineField, number | null> | null
  canEditBaseline: boolean
  /** Can the caller see the ledger records behind a figure? */
  canDrill: boolean
}

export interface RollupRow {
  org: OrgRef
  communities: number
  indices: IndexValue[]
  /** Indices of this child below target (meets nothing but `below`). */
  belowTarget: IndexKey[]
}

export interface RollupOutput {
  org: OrgRef
  period: string
  sortBy: IndexKey
  rows: RollupRow[]
}

export interface TrendOutput {
  key: IndexKey
  points: TrendPoint[]
}

export interface DrilldownOutput {
  key: IndexKey
  side: 'num' | 'den'
  label: string
  periodName: string
  items: LedgerRow[]
  next: string | null
}

export interface SaveBaselineOutput {
  communityId: string
  period: string
  baseline: Record<BaselineField, number | null>
}

/** One counter field that differs from its recount. */
export interface Drift {
  id: string
  metric: string
  stored: number
  expected: number
}

/** What a reconciliation found and did. */
export interface ReconcileReport {
  /** Records read per counted collection. */
  scanned: Record<string, number>
  /** Counter documents compared. */
  counterDocs: number
  /** Fields that differed (the first MAX_LISTED of them; `driftCount` has them all). */
  drift: Drift[]
  driftCount: number
  /** Whether the drift was repaired (false on a dry run). */
  repaired: boolean
  ms: number
}

export { BASELINE_FIELDS, CRITERIA }
