import * as v from 'valibot'
import type { LocalAverageView } from './survey'
import type { JudgingRule } from '../domain/judging'
import { BASELINE_FIELDS, type BaselineField, type BenefitRow, CRITERIA, type Criterion, INDEX_KEYS, type IndexKey, type IndexValue, type MoneyRow } from '../domain/indices'
import type { EnjoymentRow, LoanStep } from '../domain/money'
import type { SetupCheckKey } from '../domain/org-setup'
import { TARGET_GROUPS } from '../domain/target-groups'
import type { OrgLevel } from '../domain/org'
import { type ResolvedTarget, type SplitMode, TARGET_RULES, TARGET_SOURCES, type TargetKind, type TargetRecord, type TargetSource } from '../domain/target'
import { isPeriod } from '../domain/period'
import type { LedgerRow } from './intent'
import { cursorSchema, idSchema } from './common'

const periodSchema = v.pipe(
  v.string('请选择统计期'),
  v.check((p) => isPeriod(p) && Number(p.slice(0, 4)) >= 2010 && Number(p.slice(0, 4)) <= 2100, '统计期格式应为 2026、2026-Q4 或 2026-M11'),
)
const orgIdSchema = v.optional(idSchema)
const indexKeySchema = v.picklist(INDEX_KEYS, '没有这个指标')
/** Indices that can carry a target. */
export const TARGET_INDEX_KEYS = INDEX_KEYS.filter((k) => TARGET_RULES[k]) as [IndexKey, ...IndexKey[]]

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

/** `indices.approveBaseline`: the street approves a community's baseline for one period. */
export const approveBaselineInput = v.object({ communityId: idSchema, period: periodSchema })

/** Whether a period's baseline was entered, and the street's approval (who, when) if given. */
export interface BaselineReview {
  entered: boolean
  approved: boolean
  approvedBy: string
  /** ISO time, or ''. */
  approvedAt: string
}

/** `indices.money`: benefits and loans of one org and period, by kind, target group, policy and loan step. */
export const moneyInput = v.object({ orgId: orgIdSchema, period: periodSchema })

/** A money counter metric (month documents: `mo_…`), as the breakdown rows name them. */
export const MONEY_METRIC_PATTERN = new RegExp(`^mo_(bn|gn|pn|ln)_[A-Za-z0-9_-]{1,60}$|^mo_(l4|boverride)$|^gap_(all|${TARGET_GROUPS.join('|')})$`)

/** `indices.moneyCases`: the ledger cases behind one breakdown figure. */
export const moneyCasesInput = v.object({
  orgId: orgIdSchema,
  period: periodSchema,
  metric: v.pipe(v.string('请选择数字'), v.regex(MONEY_METRIC_PATTERN, '没有这个数字')),
  after: cursorSchema,
})
export type MoneyCasesInput = v.InferInput<typeof moneyCasesInput>

export interface MoneyOutput {
  org: OrgRef
  period: string
  periodName: string
  communities: number
  byKind: BenefitRow[]
  byGroup: MoneyRow[]
  byPolicy: MoneyRow[]
  loanSteps: (MoneyRow & { step: LoanStep })[]
  /** 四位一体: disbursed loans whose case has training, a project and a mentor ÷ disbursed loans. */
  fourInOne: { num: number; den: number; value: number | null; metric: string }
  /** Benefits given although the resident's groups did not match the policy. */
  overridden: number
  /** 政策享受率 from eligibility: overall (`all`, first) and per target group a policy in force is for; `metric` drills into 应享未享. */
  enjoyment: EnjoymentRow[]
  canDrill: boolean
}

export interface MoneyCasesOutput {
  metric: string
  periodName: string
  items: LedgerRow[]
  next: string | null
}

/** `indices.reconcile`: recount every counter; a dry run (default) only reports drift. */
export const reconcileInput = v.object({ repair: v.optional(v.boolean('repair 应为 true 或 false'), false) })

const yearSchema = v.pipe(v.number('请选择年份'), v.integer('年份应为整数'), v.minValue(2010, '年份不能早于 2010'), v.maxValue(2100, '年份不能晚于 2100'))
const targetIndexSchema = v.picklist(TARGET_INDEX_KEYS, '这个指标不能设目标')
/** A target's value: a 0–1 ratio for percentages, a score, or a count; null for “高于上年”. */
const targetValueSchema = v.nullable(v.pipe(v.number('目标值应为数字'), v.minValue(0, '目标值不能为负'), v.maxValue(10_000_000, '目标值过大')))

/** `indices.targets`: one org's targets for a year, with its children's shares. */
export const targetsInput = v.object({ orgId: orgIdSchema, year: yearSchema })
export type TargetsInput = v.InferInput<typeof targetsInput>

/** `indices.setTarget`: the city sets one of its own targets, with the document it comes from. */
export const setTargetInput = v.object({
  index: targetIndexSchema,
  year: yearSchema,
  value: targetValueSchema,
  source: v.picklist(TARGET_SOURCES, '请选择目标来源'),
})
export type SetTargetInput = v.InferInput<typeof setTargetInput>

/**
 * `indices.splitTarget`: a level splits its target among its children. Counts: every child's
 * share, adding up to the level's target. Ratios: a child's own value overrides the inherited
 * one; null returns it to inheriting.
 */
export const splitTargetInput = v.object({
  index: targetIndexSchema,
  year: yearSchema,
  orgId: orgIdSchema,
  shares: v.pipe(
    v.array(v.object({ orgId: idSchema, value: targetValueSchema }), '请填写各下级的分解数'),
    v.minLength(1, '请填写各下级的分解数'),
    v.maxLength(500, '下级单位过多'),
  ),
})
export type SplitTargetInput = v.InferInput<typeof splitTargetInput>

/** `indices.closeTargetYear`: the city closes a year's targets to edits, or reopens them. */
export const closeTargetYearInput = v.object({ year: yearSchema, closed: v.boolean('请选择关闭或重新开放') })
export type CloseTargetYearInput = v.InferInput<typeof closeTargetYearInput>

/** One index's target at an org, and its children's. */
export interface TargetRow {
  index: IndexKey
  label: string
  unit: IndexValue['unit']
  kind: TargetKind
  split: SplitMode
  /** What the org is measured against (its own record or, for ratios, an ancestor's). */
  effective: ResolvedTarget | null
  /** The org's own record for exactly this year. */
  own: TargetRecord | null
  children: { org: OrgRef; effective: ResolvedTarget | null; own: TargetRecord | null }[]
  /** Counts: the children's shares added up (null when none has one). */
  childSum: number | null
}

export interface TargetsOutput {
  org: OrgRef
  year: number
  closed: boolean
  /** Who may reopen a closed year. */
  reopenBy: string
  rows: TargetRow[]
  canSet: boolean
  canSplit: boolean
  canClose: boolean
  sourceLabels: Record<TargetSource, string>
  /** The year's 当地平均数 of the 创业活动指数 (the city enters or computes it: `canSet`). */
  localAverage: LocalAverageView | null
}

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
  /** Requirements of the standard checked against something other than a target (创业成果显著: 创业指数高于当地平均数). */
  checks?: { key: 'aboveLocalAverage' | SetupCheckKey; label: string; met: boolean | null; detail: string }[]
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
  /** The street's review of this period's baseline (communities only). */
  baselineReview: BaselineReview | null
  /** The caller may approve it (the community's street reviewer). */
  canApproveBaseline: boolean
  /** Can the caller see the ledger records behind a figure? */
  canDrill: boolean
  /** 当地平均数 of the 创业活动指数 for the period's year, and whether this org's index is above it (null: unknown). */
  localAverage: { view: LocalAverageView; above: boolean | null } | null
  /** The rule that makes a light 接近 (`closeShare`), with its source: the legend shows it. */
  lightRule: JudgingRule
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
  /** Changing a figure sets the approval back: the street reviews it again. */
  review: BaselineReview
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
  /** The computed 当地平均数 recomputed after the repair, when it changed. */
  localAverage?: { year: number; percent: number }
}

export { BASELINE_FIELDS, CRITERIA }

/**
 * `indices.setLocalAverage`: the city's 当地平均数 of the 创业活动指数 for a year, entered as a
 * percentage (0–100), or `null` to compute it from every community's figures.
 */
export const setLocalAverageInput = v.object({
  year: yearSchema,
  percent: v.nullable(v.pipe(v.number('请填写百分比数值'), v.minValue(0, '应在 0–100% 之间'), v.maxValue(100, '应在 0–100% 之间'))),
})
export type SetLocalAverageInput = v.InferInput<typeof setLocalAverageInput>
