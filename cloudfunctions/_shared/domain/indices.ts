/**
 * The programme's indices (DESIGN.md "Targets"), computed from per-org, per-period counter
 * documents: flows are read from the period's own document, stocks are the running sum of their
 * +1 / −1 steps up to the period's end, cohort indices read the cohort's period. Upper levels
 * sum their communities' numerators and denominators; a ratio is never averaged.
 */
import { parseMonthKeyed } from './counter'
import { JUDGING_RULES } from './judging'
import { addMonths } from './case'
import { BENEFIT_KINDS, BENEFIT_KIND_LABELS, type BenefitKind, enjoymentRows, idOfFieldKey, LOAN_STEP_LABELS, LOAN_STEPS, type LoanStep, MONEY_METRICS } from './money'
import { TARGET_GROUP_LABELS, TARGET_GROUPS, type TargetGroup } from './target-groups'
import { monthsOf, periodKind, periodRange, periodsEndingWith, previousPeriod, yearsBefore } from './period'
import type { ResolvedTarget } from './target'

/**
 * The version of the index definitions below. A submitted 申报表 records it with its figures, so
 * a figure computed under an older definition is told apart from today's (issue 21 item 2).
 * 2: survival counts only cohort months whose 12 / 24 months have passed; new enterprises and
 * individual businesses are the net increase over the previous period's end; 创业对就业的贡献率
 * added; 创业环境满意度 judged against the same period a year before.
 * 3: 政策享受率 from eligibility (issue 22): entrepreneurs a policy in force is for, and of those,
 * who got a benefit they were eligible for (was: any entrepreneur with any benefit).
 */
export const INDEX_DEFINITION_VERSION = 3

/** One period's metrics (a counter document without its id fields, or the sum of several). */
export type Metrics = Record<string, number>

/** An org's counter documents by period id. */
export type Series = ReadonlyMap<string, Metrics>

/** Baseline fields a community enters per period (prefix `base_` in its counter document). */
export const BASELINE_FIELDS = ['workingAge', 'employed', 'newEmployment'] as const
export type BaselineField = (typeof BASELINE_FIELDS)[number]
export const BASELINE_LABELS: Record<BaselineField, string> = {
  workingAge: '劳动年龄人口',
  employed: '就业人数',
  newEmployment: '本期新增就业人数',
}
/** Counter fields holding staff-entered baselines, not counts. */
export const BASELINE_PREFIX = 'base_'
export const baselineMetric = (f: BaselineField) => `${BASELINE_PREFIX}${f}`
/**
 * When the street approved the period's baseline (epoch ms in the counter document; 0 or absent:
 * not approved). Entering or changing a figure sets it back to 0. Who approved is kept beside it
 * as text (`BASELINE_APPROVED_BY`), which the series does not carry.
 */
export const BASELINE_APPROVED_AT = 'base_approvedAt'
export const BASELINE_APPROVED_BY = 'base_approvedBy'
const approvedIn = (series: Series, period: string) => (series.get(period)?.[BASELINE_APPROVED_AT] ?? 0) > 0

/** The earliest year a counter can belong to; stocks sum every year from here. */
export const FIRST_YEAR = 2010

/**
 * The counter documents a dashboard for `period` reads, in one query: every year document up to
 * the period's year, and the month and quarter documents of that year and the two before (trends,
 * stocks within a year, and cohorts one and two years back).
 */
export function counterWindow(period: string): { years: string[]; from: string; to: string } {
  const y = Number(period.slice(0, 4))
  const years: string[] = []
  for (let i = FIRST_YEAR; i <= y; i++) years.push(String(i))
  return { years, from: `${y - 2}-M01`, to: `${y}-Q4` }
}

function get(series: Series, period: string, metric: string): number {
  return series.get(period)?.[metric] ?? 0
}

/** A flow in a period: what happened in it. */
export function flow(series: Series, period: string, metric: string): number {
  return get(series, period, metric)
}

/** A stock at the end of a period: every step dated up to its last day. */
export function stock(series: Series, period: string, metric: string): number {
  const y = Number(period.slice(0, 4))
  let total = 0
  for (const [p, m] of series) {
    if (periodKind(p) === 'year' && Number(p) < y) total += m[metric] ?? 0
  }
  if (periodKind(period) === 'year') return total + get(series, period, metric)
  const last = monthsOf(period).at(-1) ?? period
  for (const month of monthsOf(String(y))) {
    if (month > last) break
    total += get(series, month, metric)
  }
  return total
}

/** A baseline's value and whether every period it was read from has the street's approval. */
interface BaselineRead {
  value: number
  approved: boolean
}

/** A stock-like baseline (working-age, employed): the period's own entry, else its quarter's, else its year's. */
function stockBaseline(series: Series, period: string, f: BaselineField): BaselineRead | null {
  const field = baselineMetric(f)
  const candidates = [period]
  if (periodKind(period) === 'month') {
    const m = Number(period.slice(-2))
    candidates.push(`${period.slice(0, 4)}-Q${Math.floor((m - 1) / 3) + 1}`)
  }
  candidates.push(period.slice(0, 4))
  for (const p of candidates) {
    const v = series.get(p)?.[field]
    if (typeof v === 'number' && v > 0) return { value: v, approved: approvedIn(series, p) }
  }
  return null
}

/** A flow baseline (new employment): the period's own entry, else the sum of its months when every month has one. */
function flowBaseline(series: Series, period: string, f: BaselineField): BaselineRead | null {
  const field = baselineMetric(f)
  const own = series.get(period)?.[field]
  if (typeof own === 'number' && own > 0) return { value: own, approved: approvedIn(series, period) }
  if (periodKind(period) === 'month') return null
  let sum = 0
  let approved = true
  for (const month of monthsOf(period)) {
    const v = series.get(month)?.[field]
    if (typeof v !== 'number' || v <= 0) return null
    sum += v
    approved &&= approvedIn(series, month)
  }
  return { value: sum, approved }
}

/** The baseline a community entered for exactly this period (for the entry form). */
export function enteredBaseline(series: Series, period: string): Record<BaselineField, number | null> {
  const out = {} as Record<BaselineField, number | null>
  for (const f of BASELINE_FIELDS) {
    const v = series.get(period)?.[baselineMetric(f)]
    out[f] = typeof v === 'number' && v > 0 ? v : null
  }
  return out
}

/** How the records behind a numerator or denominator are found: metrics, summed as flows in a period or as stocks at its end. */
export interface DrillSpec {
  metrics: string[]
  mode: 'flow' | 'stock'
  /** The period the records belong to (a cohort's period for cohort indices). */
  period: string
  /** Flows only: the months whose records count, when not the whole period (complete cohort months, a 12-month window). */
  months?: string[]
  /**
   * 政策享受率 from eligibility: the cases whose target groups a policy in force is for (judged by
   * the drill-down against its community's policies), started (`den`) or also with an eligible
   * benefit (`num`) by the period's end: their mask stocks `ent_m…` / `entb_m…`.
   */
  enjoyment?: 'num' | 'den'
}

/** Which target groups the policies in force make eligible in one community (`eligibleGroupsOf`). */
export type EligibleGroups = { all: boolean; mask: number }

/** A numerator and denominator of one community (or a sum); `den` null when it is missing. */
export interface Figure {
  num: number
  den: number | null
  /** The denominator is a baseline the street has not approved yet. */
  unapproved?: boolean
}

/** The 创建标准 an index serves (seed 000 §二). */
export const CRITERIA = ['organisation', 'policy', 'environment', 'assistance', 'results'] as const
export type Criterion = (typeof CRITERIA)[number]
export const CRITERION_LABELS: Record<Criterion, string> = {
  organisation: '组织体系健全',
  policy: '优惠政策落实',
  environment: '创业环境宽松',
  assistance: '创业帮扶有力',
  results: '创业成果显著',
}

export type IndexUnit = 'percent' | 'count' | 'score'

export const INDEX_KEYS = [
  'activity',
  'employmentDriven',
  'newEmploymentDriven',
  'employmentContribution',
  'initialSuccess',
  'survival12',
  'survival24',
  'policyEnjoyment',
  'assistanceCoverage',
  'trainingCoverage',
  'satisfactionEnvironment',
  'satisfactionService',
  'satisfactionComposite',
  'staffInPlace',
  'newEnterprises',
  'newIndividual',
  'feedbackOnTime',
  'feedbackRating',
  'complaintsUnresolved',
] as const
export type IndexKey = (typeof INDEX_KEYS)[number]

interface IndexDef {
  key: IndexKey
  label: string
  criterion: Criterion
  unit: IndexUnit
  /** How the numerator and denominator read as words. */
  numLabel: string
  denLabel: string
  /** Why the denominator is missing, when it is. */
  missing: string
  /**
   * The community's figure for the period, as of Shanghai day `asOf` (cohorts not yet of age are
   * left out); `eligible`: the groups its policies in force are for (政策享受率), every group when absent.
   */
  figure(s: Series, period: string, asOf: string, eligible?: EligibleGroups): Figure
  /** Records behind the numerator and denominator, when they are cases in the ledger. */
  drill?(period: string, asOf: string): { num: DrillSpec; den: DrillSpec | null }
  /** Cohort indices: the figure of each start-month cohort counted. */
  cohorts?(s: Series, period: string, asOf: string): CohortFigure[]
}

/** One start-month cohort of a survival index. */
export interface CohortFigure {
  /** The start month, e.g. 2025-M03. */
  cohort: string
  num: number
  den: number
}

/** Shanghai day far enough ahead that every cohort counts (tests, and periods long past). */
export const ALL_OF_AGE = '9999-12-31'

/**
 * The start months of the cohort period `months` months before `period` whose every venture has
 * reached that age by `asOf`: month M counts once its last day plus `months` months is on or
 * before `asOf` (cohorts by start month, DESIGN.md “Targets”).
 */
export function cohortMonthsOfAge(period: string, months: number, asOf: string): string[] {
  return monthsOf(yearsBefore(period, months / 12)).filter((m) => addMonths(periodRange(m).to, months) <= asOf)
}

/** The 12 months ending with the last month of `period` (a year-on-year window). */
export function twelveMonthsTo(period: string): string[] {
  const last = monthsOf(period).at(-1) ?? period
  return periodsEndingWith(last, 12)
}

const VENTURES = ['ventures_enterprise', 'ventures_individual']
const sum = (s: Series, period: string, metrics: string[], f: typeof flow) => metrics.reduce((n, m) => n + f(s, period, m), 0)

/**
 * A satisfaction index: the mean 0–100 score of the period's answers to surveys of `kinds`
 * (pooled by answer, so the composite weighs each respondent once per survey answered).
 */
function satisfactionIndex(key: IndexKey, label: string, numLabel: string, kinds: ('Environment' | 'Service')[]): IndexDef {
  return {
    key,
    label,
    criterion: 'environment',
    unit: 'score',
    numLabel,
    denLabel: '答卷数',
    missing: '本期还没有答卷',
    figure: (s, p) => {
      const n = kinds.reduce((t, k) => t + flow(s, p, `satisfaction${k}Responses`), 0)
      const score = kinds.reduce((t, k) => t + flow(s, p, `satisfaction${k}ScoreCenti`), 0)
      return { num: score / 100, den: n > 0 ? n : null }
    },
  }
}

/**
 * A ratio of metric sums read the same way on both sides (flows of the period, or stocks at its
 * end), of the period itself or of the cohort `yearsBack` years earlier. `drillable`: both sides
 * are ledger cases, listed by `indices.drilldown`.
 */
function ratio(num: string[], den: string[], mode: 'flow' | 'stock', opts: { drillable?: boolean } = {}): Pick<IndexDef, 'figure' | 'drill'> {
  const read = mode === 'flow' ? flow : stock
  const at = (p: string) => p
  return {
    figure: (s, p) => {
      const d = sum(s, at(p), den, read)
      return { num: sum(s, at(p), num, read), den: d > 0 ? d : null }
    },
    drill: opts.drillable === false ? undefined : (p) => ({ num: { metrics: num, mode, period: at(p) }, den: { metrics: den, mode, period: at(p) } }),
  }
}

/** Metric sums over a baseline the community entered (stock-like for stocks, new employment for flows). */
function overBaseline(num: string[], mode: 'flow' | 'stock', field: BaselineField): Pick<IndexDef, 'figure' | 'drill'> {
  const read = mode === 'flow' ? flow : stock
  const base = mode === 'flow' ? flowBaseline : stockBaseline
  return {
    figure: (s, p) => {
      const b = base(s, p, field)
      return { num: sum(s, p, num, read), den: b ? b.value : null, unapproved: b ? !b.approved : false }
    },
    drill: (p) => ({ num: { metrics: num, mode, period: p }, den: null }),
  }
}

const MISSING_BASELINE = '请先录入本期基数'

/** Flow sums over a list of months. */
const sumMonths = (s: Series, months: readonly string[], metrics: readonly string[]) => months.reduce((n, m) => n + metrics.reduce((t, x) => t + flow(s, m, x), 0), 0)

/**
 * Survival at `months` months (seed 000 “1-2年存活率”, seed 001 “新创办企业存活率”): ventures of the
 * start-month cohorts whose `months` months end in the period and have passed by `asOf`, still
 * operating at that age ÷ those ventures. A venture started 11 months ago is in no 12-month figure
 * yet; one started 13 months ago is in the figure of the period its 12th month ends in.
 */
function survival(months: 12 | 24): Pick<IndexDef, 'figure' | 'drill' | 'cohorts'> {
  const num = [`survived${months}`]
  const cohorts = (s: Series, p: string, asOf: string): CohortFigure[] =>
    cohortMonthsOfAge(p, months, asOf).map((m) => ({ cohort: m, num: sumMonths(s, [m], num), den: sumMonths(s, [m], VENTURES) }))
  return {
    figure: (s, p, asOf) => {
      const of = cohortMonthsOfAge(p, months, asOf)
      const d = sumMonths(s, of, VENTURES)
      return { num: sumMonths(s, of, num), den: of.length && d > 0 ? d : null }
    },
    drill: (p, asOf) => {
      const of = cohortMonthsOfAge(p, months, asOf)
      const period = yearsBefore(p, months / 12)
      return { num: { metrics: num, mode: 'flow', period, months: of }, den: { metrics: VENTURES, mode: 'flow', period, months: of } }
    },
    cohorts: (s, p, asOf) => cohorts(s, p, asOf).filter((c) => c.den > 0),
  }
}

/**
 * The net increase of a stock over the previous period's end (seed 001: “数量比上年增加”): ventures of
 * `kind` registered minus those closed. The drill-down lists the cases whose ventures moved it.
 */
function netIncrease(metric: string): Pick<IndexDef, 'figure' | 'drill'> {
  return {
    figure: (s, p) => ({ num: stock(s, p, metric) - stock(s, previousPeriod(p), metric), den: 1 }),
    drill: (p) => ({ num: { metrics: [metric], mode: 'flow', period: p }, den: null }),
  }
}

/** Eligibility when no policies were read (census): every group. */
const EVERY_GROUP: EligibleGroups = { all: true, mask: 0 }

/** Entrepreneurs and the jobs of their ventures in operation (创业带动就业). */
const DRIVEN = ['entrepreneursOperating', 'jobsOperating']

export const INDEX_DEFS: readonly IndexDef[] = [
  {
    key: 'staffInPlace',
    label: '创业指导员在岗',
    criterion: 'organisation',
    unit: 'count',
    numLabel: '在岗人数',
    denLabel: '',
    missing: '',
    figure: (s, p) => ({ num: stock(s, p, 'staffInPlace'), den: 1 }),
  },
  {
    key: 'policyEnjoyment',
    label: '政策享受率',
    criterion: 'policy',
    unit: 'percent',
    numLabel: '享受到符合条件政策的创业者',
    denLabel: '符合政策条件的已创业人员',
    missing: '还没有符合政策条件的已创业人员',
    // From eligibility (issue 22), the same figure as the `all` row of indices.money: entrepreneurs
    // in a group a policy in force is for, and of those, who got a benefit they were eligible for.
    figure: (s, p, _asOf, eligible) => {
      const metrics = new Set<string>()
      for (const doc of s.values()) for (const k of Object.keys(doc)) metrics.add(k)
      const all = enjoymentRows(metrics, (m) => stock(s, p, m), eligible ?? EVERY_GROUP)[0]
      return { num: all.benefited, den: all.eligible > 0 ? all.eligible : null }
    },
    drill: (p) => ({ num: { metrics: [], mode: 'stock', period: p, enjoyment: 'num' }, den: { metrics: [], mode: 'stock', period: p, enjoyment: 'den' } }),
  },
  {
    key: 'activity',
    label: '创业活动指数',
    criterion: 'environment',
    unit: 'percent',
    numLabel: '参与创业的居民',
    denLabel: '劳动年龄人口（基数）',
    missing: MISSING_BASELINE,
    ...overBaseline(['engaged'], 'stock', 'workingAge'),
  },
  satisfactionIndex('satisfactionEnvironment', '创业环境满意度', '得分合计', ['Environment']),
  satisfactionIndex('satisfactionService', '创业服务满意度', '得分合计', ['Service']),
  satisfactionIndex('satisfactionComposite', '满意度综合指数', '环境、服务两项得分合计', ['Environment', 'Service']),
  {
    key: 'assistanceCoverage',
    label: '帮扶覆盖率',
    criterion: 'assistance',
    unit: 'percent',
    numLabel: '已一对一指导',
    denLabel: '提出帮扶需求的登记',
    missing: '还没有提出帮扶需求的登记',
    ...ratio(['guided'], ['askedHelp'], 'stock'),
  },
  {
    key: 'trainingCoverage',
    label: '培训覆盖率',
    criterion: 'assistance',
    unit: 'percent',
    numLabel: '已完成培训课程',
    denLabel: '提出培训需求的登记',
    missing: '还没有提出培训需求的登记',
    ...ratio(['trainedAsked'], ['askedTraining'], 'stock'),
  },
  {
    key: 'employmentDriven',
    label: '创业带动就业占比',
    criterion: 'results',
    unit: 'percent',
    numLabel: '创业者 + 带动就业',
    denLabel: '就业人数（基数）',
    missing: MISSING_BASELINE,
    ...overBaseline(DRIVEN, 'stock', 'employed'),
  },
  {
    key: 'newEmploymentDriven',
    label: '新增创业带动就业占新增就业',
    criterion: 'results',
    unit: 'percent',
    numLabel: '本期新创业人数 + 带动就业',
    denLabel: '本期新增就业（基数）',
    missing: MISSING_BASELINE,
    ...overBaseline(['started', 'jobsCreated'], 'flow', 'newEmployment'),
  },
  {
    key: 'employmentContribution',
    label: '创业对就业的贡献率',
    criterion: 'results',
    unit: 'percent',
    numLabel: '比上年同期末增加的创业者 + 带动就业',
    denLabel: '比上年同期增加的就业人数（基数之差）',
    missing: '请录入本期和上年同期的就业人数基数（且本期应多于上年）',
    // Seed 001 “创业对就业的贡献率”: the share of the year's growth in employment that
    // entrepreneurship made, Δ(entrepreneurs + jobs of their operating ventures) ÷ Δ employed.
    figure: (s, p) => {
      const before = yearsBefore(p, 1)
      const now = stockBaseline(s, p, 'employed')
      const then = stockBaseline(s, before, 'employed')
      const num = sum(s, p, DRIVEN, stock) - sum(s, before, DRIVEN, stock)
      const den = now !== null && then !== null && now.value > then.value ? now.value - then.value : null
      return { num, den, unapproved: den !== null && !(now?.approved && then?.approved) }
    },
    drill: (p) => ({ num: { metrics: DRIVEN, mode: 'flow', period: p, months: twelveMonthsTo(p) }, den: null }),
  },
  {
    key: 'initialSuccess',
    label: '初始创业成功率',
    criterion: 'results',
    unit: 'percent',
    numLabel: '本期登记中已创业',
    denLabel: '本期登记人数',
    missing: '本期没有新的登记',
    ...ratio(['cohortStarted'], ['registered'], 'flow'),
  },
  {
    key: 'survival12',
    label: '1 年存活率',
    criterion: 'results',
    unit: 'percent',
    numLabel: '满 1 年仍在经营',
    denLabel: '满 12 个月的创办批次（按创办月份）',
    missing: '还没有满 12 个月的创办批次',
    ...survival(12),
  },
  {
    key: 'survival24',
    label: '2 年存活率',
    criterion: 'results',
    unit: 'percent',
    numLabel: '满 2 年仍在经营',
    denLabel: '满 24 个月的创办批次（按创办月份）',
    missing: '还没有满 24 个月的创办批次',
    ...survival(24),
  },
  {
    key: 'newEnterprises',
    label: '私营企业净增',
    criterion: 'results',
    unit: 'count',
    numLabel: '比上期末净增（新办 − 注销）',
    denLabel: '',
    missing: '',
    ...netIncrease('operating_enterprise'),
  },
  {
    key: 'newIndividual',
    label: '个体工商户净增',
    criterion: 'results',
    unit: 'count',
    numLabel: '比上期末净增（新办 − 注销）',
    denLabel: '',
    missing: '',
    ...netIncrease('operating_individual'),
  },
  {
    key: 'feedbackOnTime',
    label: '反馈按时答复率',
    criterion: 'environment',
    unit: 'percent',
    numLabel: '按期限答复',
    denLabel: '本期答复',
    missing: '本期没有答复过的反馈',
    ...ratio(['feedbackAnsweredOnTime'], ['feedbackAnswered'], 'flow', { drillable: false }),
  },
  {
    key: 'feedbackRating',
    label: '居民对答复的评分',
    criterion: 'environment',
    unit: 'score',
    numLabel: '评分合计',
    denLabel: '评分次数',
    missing: '本期还没有评分',
    ...ratio(['feedbackRatingSum'], ['feedbackRatings'], 'flow', { drillable: false }),
  },
  {
    key: 'complaintsUnresolved',
    label: '未办结投诉',
    criterion: 'environment',
    unit: 'count',
    numLabel: '期末未办结',
    denLabel: '',
    missing: '',
    figure: (s, p) => ({ num: stock(s, p, 'complaintsUnresolved'), den: 1 }),
  },
]

export const INDEX_DEF_BY_KEY = new Map(INDEX_DEFS.map((d) => [d.key, d]))

/** Traffic light: meets the target; close (at least 80% of it); below; or no target to judge by. */
export type Light = 'meets' | 'close' | 'below' | 'none'
export const LIGHT_LABELS: Record<Light, string> = { meets: '达标', close: '接近', below: '未达标', none: '—' }
/** 接近 = at least this share of the target: a judging rule with its source (`judging.ts`), not a target. */
export const CLOSE_SHARE = JUDGING_RULES.closeShare.value

/** Satisfaction indices flag fewer answers than this (DESIGN.md). */
export const LOW_N = 30

/** An index as a dashboard shows it. */
export interface IndexValue {
  key: IndexKey
  label: string
  criterion: Criterion
  unit: IndexUnit
  /** The ratio (0–1 for percent), the mean score, or the count; null when the denominator is missing. */
  value: number | null
  numerator: number
  denominator: number | null
  numLabel: string
  denLabel: string
  /** The target this org is measured against this year (a stored record, see `target.ts`), or null when none is set. */
  target: ResolvedTarget | null
  light: Light
  /** Why there is no value. */
  missing: string | null
  /** The previous period's value (counts and growth targets). */
  previous: number | null
  /** The same period a year before (what 高于上年 compares with). */
  lastYear: number | null
  /** Communities whose denominator is known, of all summed (upper levels). */
  coverage: { with: number; of: number } | null
  /** Satisfaction with fewer than LOW_N answers. */
  lowN: boolean
  /** The denominator is (or sums) a baseline the street has not approved: shown, and marked so. */
  denominatorUnapproved: boolean
  /** The ledger records behind the numerator / denominator. */
  drill: { num: DrillSpec; den: DrillSpec | null } | null
  /** Cohort indices: each start-month cohort counted, oldest first. */
  cohorts: CohortFigure[] | null
}

/**
 * Sums figures of several communities: numerators only where the denominator is known, so a
 * ratio never mixes communities with and without one.
 */
export function sumFigures(figures: readonly Figure[]): { figure: Figure; coverage: { with: number; of: number } } {
  let num = 0
  let den = 0
  let known = 0
  let unapproved = false
  for (const f of figures) {
    if (f.den === null) continue
    known++
    num += f.num
    den += f.den
    unapproved ||= Boolean(f.unapproved)
  }
  // With no denominator anywhere there is nothing to mix: the numerator still shows.
  if (!known) num = figures.reduce((n, f) => n + f.num, 0)
  return { figure: { num, den: known ? den : null, ...(unapproved ? { unapproved } : {}) }, coverage: { with: known, of: figures.length } }
}

function lightOf(target: ResolvedTarget | null, period: string, value: number | null, lastYear: number | null): Light {
  if (value === null || !target) return 'none'
  if (target.kind === 'aboveLast') return lastYear === null ? 'none' : value > lastYear ? 'meets' : value >= lastYear * CLOSE_SHARE ? 'close' : 'below'
  const t = target.value
  if (t === null) return 'none'
  if (target.kind === 'max') return value <= t ? 'meets' : 'below'
  // A year's increase is judged on the year; a month or quarter is only on its way there.
  if (target.kind === 'increase' && periodKind(period) !== 'year') return 'none'
  return value >= t ? 'meets' : value >= t * CLOSE_SHARE ? 'close' : 'below'
}

/** `valueOf` a figure: a ratio, a mean score, or a count. */
function valueOf(def: IndexDef, f: Figure): number | null {
  if (f.den === null) return null
  if (def.unit === 'count') return f.num
  return f.den === 0 ? null : f.num / f.den
}

/** What `toIndex` may be given beside the figures. */
export interface IndexContext {
  /** The target resolved for the org and the period's year. */
  target?: ResolvedTarget | null
  /** The figures of the same period a year before. */
  lastYearFigures?: readonly Figure[]
  cohorts?: CohortFigure[] | null
  /** Shanghai day the figures are read on (cohorts of age by then). */
  asOf?: string
}

/**
 * The index from the figures of one or more communities. For staff in place at an upper level,
 * the figure counts communities with someone in place, not people.
 */
export function toIndex(
  key: IndexKey,
  period: string,
  figures: readonly Figure[],
  previousFigures: readonly Figure[],
  upper: boolean,
  extra: IndexContext = {},
): IndexValue {
  const def = INDEX_DEF_BY_KEY.get(key)
  if (!def) throw new Error(`unknown index ${key}`)
  const summed = sumFigures(figures)
  const coverage = summed.coverage
  let figure = summed.figure
  let prev = sumFigures(previousFigures).figure
  let last = extra.lastYearFigures ? sumFigures(extra.lastYearFigures).figure : null
  let numLabel = def.numLabel
  let denLabel = def.denLabel
  let unit = def.unit
  let target = extra.target ?? null
  if (key === 'staffInPlace' && upper) {
    const inPlace = (fs: readonly Figure[]) => ({ num: fs.filter((f) => f.num >= 1).length, den: fs.length || null })
    figure = inPlace(figures)
    prev = inPlace(previousFigures)
    last = extra.lastYearFigures ? inPlace(extra.lastYearFigures) : null
    // Above a community the per-community minimum reads as “every community has one”.
    if (target) target = { ...target, kind: 'min', value: 1, text: '每个社区都有（社区目标见各社区）' }
    numLabel = '有指导员在岗的社区'
    denLabel = '社区数'
    unit = 'percent'
  }
  const shown: IndexDef = { ...def, unit }
  const value = valueOf(shown, figure)
  const previous = valueOf(shown, prev)
  const lastYear = last ? valueOf(shown, last) : null
  const satisfactionKey = def.unit === 'score'
  return {
    key,
    label: def.label,
    criterion: def.criterion,
    unit,
    value,
    numerator: figure.num,
    denominator: def.unit === 'count' && !(key === 'staffInPlace' && upper) ? null : figure.den,
    numLabel,
    denLabel,
    target,
    light: lightOf(target, period, value, lastYear),
    missing: figure.den === null ? def.missing : null,
    previous,
    lastYear,
    coverage: upper && (def.missing === MISSING_BASELINE || satisfactionKey) ? coverage : null,
    lowN: satisfactionKey && figure.den !== null && figure.den < LOW_N,
    denominatorUnapproved: figure.den !== null && Boolean(figure.unapproved),
    drill: def.drill ? def.drill(period, extra.asOf ?? ALL_OF_AGE) : null,
    cohorts: extra.cohorts ?? null,
  }
}

/**
 * A month-only metric (prefix `mo_`) over a period: the sum of its months. The dashboard's one
 * query reads the month documents of the period's year and the two before.
 */
export function monthlyFlow(series: Series, period: string, metric: string): number {
  let total = 0
  for (const month of monthsOf(period)) total += get(series, month, metric)
  return total
}

const sumMonthly = (seriesList: readonly Series[], period: string, metric: string) =>
  seriesList.reduce((n, s) => n + monthlyFlow(s, period, metric), 0)

/** The counts and amounts of policy benefits by kind in a period (seed 000 定量 (2)). */
export interface BenefitRow {
  kind: BenefitKind
  label: string
  count: number
  /** Yuan (the sum of fen / 100), for the 申报表 text. */
  amount: number
  amountFen: number
  /** The counter metric behind the count, for drill-down (`indices.moneyCases`). */
  metric: string
}

export function benefitRows(seriesList: readonly Series[], period: string): BenefitRow[] {
  return BENEFIT_KINDS.map((k) => {
    const amountFen = sumMonthly(seriesList, period, MONEY_METRICS.kindFen(k))
    return { kind: k, label: BENEFIT_KIND_LABELS[k], count: sumMonthly(seriesList, period, MONEY_METRICS.kindCount(k)), amount: amountFen / 100, amountFen, metric: MONEY_METRICS.kindCount(k) }
  })
}

/** One row of a money breakdown: a count, an amount (fen) and the metric to drill into. */
export interface MoneyRow {
  key: string
  label: string
  count: number
  amountFen: number
  metric: string
}

/** Benefits by target group (a case of several groups counts in each; `none`: no group given). */
export function groupRows(seriesList: readonly Series[], period: string): MoneyRow[] {
  const groups: (TargetGroup | 'none')[] = [...TARGET_GROUPS, 'none']
  return groups.map((g) => ({
    key: g,
    label: g === 'none' ? '未填人群' : TARGET_GROUP_LABELS[g],
    count: sumMonthly(seriesList, period, MONEY_METRICS.groupCount(g)),
    amountFen: sumMonthly(seriesList, period, MONEY_METRICS.groupFen(g)),
    metric: MONEY_METRICS.groupCount(g),
  }))
}

/** Benefits by policy: every policy id that has a count in the period (`none`: outside the catalogue). */
export function policyRows(seriesList: readonly Series[], period: string, titles: ReadonlyMap<string, string>): MoneyRow[] {
  const ids = new Set<string>()
  for (const s of seriesList) for (const m of monthsOf(period)) for (const k of Object.keys(s.get(m) ?? {})) if (k.startsWith('mo_pn_')) ids.add(k.slice(6))
  return [...ids]
    .map((key) => {
      const pid = key === 'none' ? null : idOfFieldKey(key)
      return {
        key: pid ?? 'none',
        label: pid === null ? '政策库外' : (titles.get(pid) ?? '（已删除的政策）'),
        count: sumMonthly(seriesList, period, MONEY_METRICS.policyCount(pid)),
        amountFen: sumMonthly(seriesList, period, MONEY_METRICS.policyFen(pid)),
        metric: MONEY_METRICS.policyCount(pid),
      }
    })
    .filter((r) => r.count !== 0)
    .sort((a, b) => b.amountFen - a.amountFen || b.count - a.count)
}

/** Policy ids with counts in the period (for looking their titles up). */
export function policyIdsIn(seriesList: readonly Series[], period: string): string[] {
  const ids = new Set<string>()
  for (const s of seriesList) for (const m of monthsOf(period)) for (const k of Object.keys(s.get(m) ?? {})) if (k.startsWith('mo_pn_') && k !== 'mo_pn_none') ids.add(idOfFieldKey(k.slice(6)))
  return [...ids]
}

/** Loan steps recorded in the period: how many and how much. */
export function loanRows(seriesList: readonly Series[], period: string): (MoneyRow & { step: LoanStep })[] {
  return LOAN_STEPS.map((st) => ({
    key: st,
    step: st,
    label: LOAN_STEP_LABELS[st],
    count: sumMonthly(seriesList, period, MONEY_METRICS.stepCount(st)),
    amountFen: sumMonthly(seriesList, period, MONEY_METRICS.stepFen(st)),
    metric: MONEY_METRICS.stepCount(st),
  }))
}

/** 四位一体: loans disbursed in the period whose case has training, a project and a mentor ÷ loans disbursed. */
export function fourInOneShare(seriesList: readonly Series[], period: string): { num: number; den: number; value: number | null; metric: string } {
  const num = sumMonthly(seriesList, period, MONEY_METRICS.fourInOne)
  const den = sumMonthly(seriesList, period, MONEY_METRICS.stepCount('disbursed'))
  return { num, den, value: den ? num / den : null, metric: MONEY_METRICS.fourInOne }
}

/** Benefits given on an override (the resident's groups did not match the policy). */
export function overriddenCount(seriesList: readonly Series[], period: string): number {
  return sumMonthly(seriesList, period, MONEY_METRICS.overridden)
}

/** Activity in a period, beside the indices: registrations, guidance, events, training. */
export const ACTIVITY_METRICS = [
  { metric: 'registered', label: '新登记创业意向' },
  { metric: 'guided', label: '一对一指导' },
  { metric: 'trained', label: '参加创业培训' },
  { metric: 'started', label: '新创业' },
  { metric: 'jobsCreated', label: '新带动就业' },
  { metric: 'eventsHeld', label: '举办推介活动' },
  { metric: 'signups', label: '活动报名' },
  { metric: 'attendance', label: '活动签到' },
  { metric: 'residentsReached', label: '活动覆盖居民' },
  { metric: 'satisfactionResponses', label: '满意度答卷' },
  { metric: 'feedbackReceived', label: '收到反馈投诉' },
  { metric: 'shareArrivals', label: '经分享打开的居民' },
] as const

export function activityRows(seriesList: readonly Series[], period: string): { metric: string; label: string; value: number }[] {
  return ACTIVITY_METRICS.map((a) => ({ metric: a.metric, label: a.label, value: seriesList.reduce((n, s) => n + flow(s, period, a.metric), 0) }))
}

/** The trend periods shown for a period: 12 months, 8 quarters or 5 years, ending with it. */
export function trendPeriods(period: string): string[] {
  const kind = periodKind(period)
  return periodsEndingWith(period, kind === 'month' ? 12 : kind === 'quarter' ? 8 : 5)
}

/** True when `period` has ended by Shanghai day `today`. */
export function periodEnded(period: string, today: string): boolean {
  return periodRange(period).to < today
}

/** Builds a series from counter documents (drops the id fields and the non-numeric ones). */
export function seriesOf(docs: readonly Record<string, unknown>[]): Map<string, Map<string, Metrics>> {
  const byOrg = new Map<string, Map<string, Metrics>>()
  const monthParts: [Map<string, Metrics>, string, string, number][] = []
  for (const d of docs) {
    const orgId = String(d.orgId)
    const period = String(d.period)
    const quarter = periodKind(period) === 'quarter'
    const year = periodKind(period) === 'year'
    const m: Metrics = {}
    let s = byOrg.get(orgId)
    if (!s) byOrg.set(orgId, (s = new Map()))
    for (const [k, v] of Object.entries(d)) {
      if (typeof v !== 'number') continue
      // A quarter document's counts (written before quarters were summed from months) are ignored.
      if (quarter && !k.startsWith(BASELINE_PREFIX)) continue
      // A year document's month parts (`monthKeyed`: money metrics, 政策享受率 stock) go to their month.
      const keyed = year ? parseMonthKeyed(k) : null
      if (keyed) monthParts.push([s, `${period}-M${keyed.mm}`, keyed.metric, v])
      else m[k] = v
    }
    s.set(period, { ...s.get(period), ...m })
  }
  for (const [s, month, metric, v] of monthParts) {
    const into = s.get(month) ?? {}
    into[metric] = (into[metric] ?? 0) + v
    s.set(month, into)
  }
  // A quarter's counts are the sum of its months' (counters move month and year documents only).
  for (const s of byOrg.values()) {
    for (const [period, m] of [...s]) {
      if (periodKind(period) !== 'month') continue
      const mo = Number(period.slice(-2))
      const q = `${period.slice(0, 4)}-Q${Math.floor((mo - 1) / 3) + 1}`
      const into = s.get(q) ?? {}
      for (const [k, v] of Object.entries(m)) if (!k.startsWith(BASELINE_PREFIX)) into[k] = (into[k] ?? 0) + v
      s.set(q, into)
    }
  }
  return byOrg
}

/**
 * Does this criterion's quantitative part hold? Every index in it whose target comes from a seed
 * document meets it; a target an office set itself (`local`) is shown but not part of the 创建标准.
 */
export function criterionStatus(indices: readonly IndexValue[], criterion: Criterion): { met: number; of: number; missing: number } {
  const judged = indices.filter((i) => i.criterion === criterion && i.target && i.target.source !== 'local')
  return {
    met: judged.filter((i) => i.light === 'meets').length,
    of: judged.length,
    missing: judged.filter((i) => i.value === null).length,
  }
}
