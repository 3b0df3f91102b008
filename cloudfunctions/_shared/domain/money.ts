import type { Contribution } from './counter'
import type { Policy, PolicyCategory } from './policy'
import { TARGET_GROUP_LABELS, TARGET_GROUPS, type TargetGroup } from './target-groups'

/**
 * Money that reaches entrepreneurs (issue 22): policy benefits delivered on a case, with their
 * kind and amount, and the 小额担保贷款 pipeline with its 贴息. Seed 000's 定量 item counts
 * "主要税收、行政事业性收费减免、场租费和一次性创业补贴、小额贷款额度及贴息金额、个体经营社保补贴和岗位补贴数量";
 * seed 001 builds the 小额担保贷款 mechanism with 贴息, 担保补偿 and the 四位一体 model
 * (training + project + 小额贷款 + guidance). Amounts are integer fen (分) in storage.
 */

/** Benefit kinds, in the order seed 000 lists them, plus training subsidies and `other`. */
export const BENEFIT_KINDS = [
  'tax_relief',
  'fee_waiver',
  'rent_subsidy',
  'startup_subsidy',
  'guaranteed_loan',
  'interest_subsidy',
  'social_insurance_subsidy',
  'job_subsidy',
  'training_subsidy',
  'other',
] as const
export type BenefitKind = (typeof BENEFIT_KINDS)[number]

export const BENEFIT_KIND_LABELS: Record<BenefitKind, string> = {
  tax_relief: '税收减免',
  fee_waiver: '行政事业性收费减免',
  rent_subsidy: '场租补贴',
  startup_subsidy: '一次性创业补贴',
  guaranteed_loan: '小额担保贷款',
  interest_subsidy: '贴息',
  social_insurance_subsidy: '个体经营社保补贴',
  job_subsidy: '岗位补贴',
  training_subsidy: '培训补贴',
  other: '其他',
}

/** The benefit kind a policy of a category delivers by default (the worker may pick another). */
export const KIND_OF_CATEGORY: Record<PolicyCategory, BenefitKind> = {
  startup_subsidy: 'startup_subsidy',
  guaranteed_loan: 'guaranteed_loan',
  tax_relief: 'tax_relief',
  fee_waiver: 'fee_waiver',
  rent_subsidy: 'rent_subsidy',
  social_insurance_subsidy: 'social_insurance_subsidy',
  job_subsidy: 'job_subsidy',
  training_subsidy: 'training_subsidy',
  incubation: 'other',
}

/** Words that name a kind in a free-text benefit line (the migration's inference). */
const KIND_WORDS: [BenefitKind, RegExp][] = [
  ['interest_subsidy', /贴息/],
  ['guaranteed_loan', /(担保|小额)贷款/],
  ['tax_relief', /税/],
  ['fee_waiver', /收费|规费|行政事业性/],
  ['rent_subsidy', /场租|租金|房租/],
  ['startup_subsidy', /一次性创业|开业补贴|创业补贴/],
  ['social_insurance_subsidy', /社保|社会保险/],
  ['job_subsidy', /岗位补贴/],
  ['training_subsidy', /培训/],
]

/**
 * The kind a benefit recorded before kinds existed belongs to: every kind its words name (title
 * and note) together with the kind its old category meant; exactly one → that kind, none or
 * several → `other` (the original text is kept beside it, so nothing is lost).
 */
export function inferBenefitKind(text: string, category: string | null): BenefitKind {
  const found = new Set<BenefitKind>()
  for (const [kind, re] of KIND_WORDS) if (re.test(text)) found.add(kind)
  const fromCategory = category && category in KIND_OF_CATEGORY ? KIND_OF_CATEGORY[category as PolicyCategory] : null
  if (fromCategory && fromCategory !== 'other') found.add(fromCategory)
  return found.size === 1 ? [...found][0] : 'other'
}

/** One earlier state of a benefit, kept when it is edited (who changed it, when and why). */
export interface BenefitRevision {
  kind: BenefitKind
  policyId: string | null
  policyTitle: string
  amountFen: number
  date: string
  approvedBy: string
  documentNo: string
  note: string
  /** When and by whom this state was replaced, and why. */
  replacedAt: string
  replacedBy: string
  reason: string
}

/** A policy benefit delivered to the resident. */
export interface Benefit {
  id: string
  /** The policy from the catalogue, or null (recorded before the catalogue, or a loan step without one). */
  policyId: string | null
  policyTitle: string
  kind: BenefitKind
  /** Integer fen. */
  amountFen: number
  /** YYYY-MM-DD: the approval / payment date. */
  date: string
  /** The approving body (审批单位). */
  approvedBy: string
  /** The approval document number (文号). */
  documentNo: string
  note: string
  /** Did the resident's target groups match the policy when it was recorded? */
  eligible: boolean
  /** Why it was given although the groups did not match ('' when eligible). */
  overrideReason: string
  /** The loan whose step recorded this benefit (放款 → 小额担保贷款, 贴息 → 贴息), else null. */
  loanId: string | null
  at: string
  byName: string
  /** Earlier states, oldest first. */
  history: BenefitRevision[]
  /** The line as recorded before kinds and fen (migration 2026-12-benefit-kinds), verbatim. */
  legacy?: { category: string; amountYuan: number; policyTitle: string; note: string }
}

/** The loan pipeline's steps. 贴息 repeats per period; 还清 and 代偿 end a loan. */
export const LOAN_STEPS = [
  'applied',
  'recommended',
  'guarantee_reviewed',
  'bank_approved',
  'disbursed',
  'interest',
  'repaid',
  'overdue',
  'compensated',
] as const
export type LoanStep = (typeof LOAN_STEPS)[number]

export const LOAN_STEP_LABELS: Record<LoanStep, string> = {
  applied: '申请',
  recommended: '社区推荐',
  guarantee_reviewed: '担保审核',
  bank_approved: '银行审批',
  disbursed: '放款',
  interest: '贴息',
  repaid: '还清',
  overdue: '逾期',
  compensated: '代偿',
}

/** What the resident reads on their timeline when their loan is at a step. */
export const LOAN_STEP_HINTS: Record<LoanStep, string> = {
  applied: '贷款申请已登记，等社区推荐',
  recommended: '社区已推荐，等担保机构审核',
  guarantee_reviewed: '担保审核已通过，等银行审批',
  bank_approved: '银行已批准，等放款',
  disbursed: '贷款已发放，记得按时还款',
  interest: '已拨付一期贴息',
  repaid: '贷款已还清',
  overdue: '还款已逾期，请尽快联系社区',
  compensated: '担保机构已代偿',
}

/** One recorded step of a loan. */
export interface LoanStepRecord {
  step: LoanStep
  /** YYYY-MM-DD. */
  date: string
  /** Who acted: the community, the guarantee centre, the bank. */
  actor: string
  /** Integer fen: requested, recommended, approved, disbursed, 贴息 paid, repaid, overdue or compensated. */
  amountFen: number
  documentNo: string
  /** For 贴息: the period it pays (1, 2, …); else 0. */
  period: number
  /** For 放款: the repayment date; for 放款 and 贴息: when the next 贴息 claim falls due; '' for none. */
  repayDue: string
  interestDue: string
  note: string
  at: string
  byName: string
}

/** A 小额担保贷款 application on a case and its steps. */
export interface Loan {
  id: string
  policyId: string | null
  policyTitle: string
  /** The policy's cap on the loan amount when applied for (fen), or null. */
  capFen: number | null
  /** Did the resident's groups match the policy at application; else why it went ahead. */
  eligible: boolean
  overrideReason: string
  steps: LoanStepRecord[]
  createdAt: string
}

/** The step a loan stands at. */
export function loanStep(loan: Pick<Loan, 'steps'>): LoanStep {
  return loan.steps.at(-1)?.step ?? 'applied'
}

const LINEAR: LoanStep[] = ['applied', 'recommended', 'guarantee_reviewed', 'bank_approved', 'disbursed']

/** Steps that may follow the loan's current one (none after 还清 or 代偿). */
export function nextLoanSteps(loan: Pick<Loan, 'steps'>): LoanStep[] {
  const at = loanStep(loan)
  const i = LINEAR.indexOf(at)
  if (i >= 0 && i < LINEAR.length - 1) return [LINEAR[i + 1]]
  if (at === 'disbursed' || at === 'interest') return ['interest', 'repaid', 'overdue']
  if (at === 'overdue') return ['repaid', 'compensated']
  return []
}

/** The 贴息 period the next 贴息 step pays. */
export function nextInterestPeriod(loan: Pick<Loan, 'steps'>): number {
  return loan.steps.filter((s) => s.step === 'interest').length + 1
}

/** Has the loan reached a step (is it in its history)? */
export function hasStep(loan: Pick<Loan, 'steps'>, step: LoanStep): boolean {
  return loan.steps.some((s) => s.step === step)
}

/** The earliest open due date (repayment or 贴息 claim) of a case's loans, or '' (the workbench reminder). */
export function loanDueDate(loans: readonly Loan[]): string {
  let due = ''
  for (const l of loans) {
    const at = loanStep(l)
    if (at === 'repaid' || at === 'compensated' || !hasStep(l, 'disbursed')) continue
    const last = [...l.steps].reverse()
    const repay = last.find((s) => s.repayDue)?.repayDue ?? ''
    const interest = last.find((s) => s.step === 'disbursed' || s.step === 'interest')?.interestDue ?? ''
    for (const d of [repay, interest]) if (d && (due === '' || d < due)) due = d
  }
  return due
}

/** Which of the 四位一体 parts a case has beside its loan: training completed, a project from the reserve, a mentor's guidance. */
export interface FourInOne {
  training: boolean
  project: { id: string; title: string } | null
  mentor: { id: string; name: string } | null
}

/** All four: the loan itself (disbursed) with training, a project and a mentor. */
export function isFourInOne(f: FourInOne): boolean {
  return f.training && f.project !== null && f.mentor !== null
}

/** Is a resident of these groups eligible by the policy's target groups (a policy for no group is for everyone)? */
export function groupsMatch(policy: Pick<Policy, 'targetGroups'>, groups: readonly TargetGroup[]): TargetGroup[] {
  return policy.targetGroups.filter((g) => groups.includes(g))
}

/** The eligibility a worker is shown for one policy and one case. */
export function eligibilityOf(
  policy: Pick<Policy, 'targetGroups' | 'eligibility' | 'status' | 'validFrom' | 'validTo'>,
  groups: readonly TargetGroup[],
  date: string,
): { eligible: boolean; matched: TargetGroup[]; reasons: string[] } {
  const matched = groupsMatch(policy, groups)
  const reasons: string[] = []
  if (policy.targetGroups.length && !matched.length) {
    reasons.push(`适用人群为${policy.targetGroups.map((g) => TARGET_GROUP_LABELS[g]).join('、')}，登记的人群不在其中`)
  }
  if (policy.status === 'draft') reasons.push('政策还没有发布')
  if (date < policy.validFrom || (policy.validTo !== null && date > policy.validTo)) reasons.push('享受日期不在政策有效期内')
  return { eligible: reasons.length === 0, matched, reasons }
}

/**
 * A document id as a counter field name (letters, digits and `_` only, as both engines accept):
 * every other character becomes `_` and its two hex digits (ids are ASCII). Reversible.
 */
export function fieldKeyOf(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

/** The id `fieldKeyOf` encoded. */
export function idOfFieldKey(key: string): string {
  return key.replace(/_([0-9a-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/**
 * Counter metrics of money, counted per month (prefix `mo_`, see `MONTHLY_PREFIX`), kept on the
 * year document one field per month (`placementsOf`): a quarter or year is the sum of its months,
 * read in the same one query as the dashboard's documents.
 */
export const MONEY_METRICS = {
  kindCount: (k: BenefitKind) => `mo_bn_${k}`,
  kindFen: (k: BenefitKind) => `mo_bf_${k}`,
  groupCount: (g: TargetGroup | 'none') => `mo_gn_${g}`,
  groupFen: (g: TargetGroup | 'none') => `mo_gf_${g}`,
  policyCount: (id: string | null) => `mo_pn_${id === null ? 'none' : fieldKeyOf(id)}`,
  policyFen: (id: string | null) => `mo_pf_${id === null ? 'none' : fieldKeyOf(id)}`,
  overridden: 'mo_boverride',
  stepCount: (s: LoanStep) => `mo_ln_${s}`,
  stepFen: (s: LoanStep) => `mo_lf_${s}`,
  /** Loans disbursed with training, a project and a mentor on the case (四位一体). */
  fourInOne: 'mo_l4',
} as const

/** What a case's benefits and loans count, dated by the benefit's / step's Shanghai day. */
export function moneyContributions(
  benefits: readonly Benefit[],
  loans: readonly Loan[],
  groups: readonly TargetGroup[],
  four: FourInOne,
): Contribution[] {
  const out: Contribution[] = []
  const gs: (TargetGroup | 'none')[] = groups.length ? [...groups] : ['none']
  for (const b of benefits) {
    const inc: Record<string, number> = {
      [MONEY_METRICS.kindCount(b.kind)]: 1,
      [MONEY_METRICS.kindFen(b.kind)]: b.amountFen,
      [MONEY_METRICS.policyCount(b.policyId)]: 1,
      [MONEY_METRICS.policyFen(b.policyId)]: b.amountFen,
    }
    for (const g of gs) {
      inc[MONEY_METRICS.groupCount(g)] = 1
      inc[MONEY_METRICS.groupFen(g)] = b.amountFen
    }
    if (!b.eligible) inc[MONEY_METRICS.overridden] = 1
    out.push({ date: b.date, inc })
  }
  const all = isFourInOne(four)
  for (const l of loans) {
    for (const s of l.steps) {
      const inc: Record<string, number> = { [MONEY_METRICS.stepCount(s.step)]: 1, [MONEY_METRICS.stepFen(s.step)]: s.amountFen }
      if (s.step === 'disbursed' && all) inc[MONEY_METRICS.fourInOne] = 1
      out.push({ date: s.date, inc })
    }
  }
  return out
}

/** Yuan as the UI shows it, from fen: `12,345.6 元`-style without trailing zeros. */
export function fenToYuan(fen: number): number {
  return Math.round(fen) / 100
}

export function yuanLabel(fen: number): string {
  return `${fenToYuan(fen).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`
}

/**
 * 政策享受率 from eligibility (issue 22 item 3). Entrepreneurs are counted as dated stocks keyed by
 * the bit-mask of their target groups (`TARGET_GROUPS` order; 0: no group given): `ent_m<mask>`
 * from the venture start, `entb_m<mask>` from the first benefit they were eligible for (not on
 * the start's day before it). Who is eligible is read at query time from the policies in force, so
 * a policy published later re-judges everyone; summing the masks that overlap the eligible groups
 * counts each person once overall, and once in each of their groups.
 */
export const ELIGIBLE_METRICS = {
  people: (mask: number) => `ent_m${mask}`,
  benefited: (mask: number) => `entb_m${mask}`,
} as const

const MASK_METRIC = /^(ent|entb)_m(\d+)$/

export function groupMask(groups: readonly TargetGroup[]): number {
  let mask = 0
  for (const g of groups) {
    const i = TARGET_GROUPS.indexOf(g)
    if (i >= 0) mask |= 1 << i
  }
  return mask
}

/** The day of the first benefit a case was eligible for (政策享受率), or '' with none: `Case.enjoyedOn`. */
export function firstEnjoyedOn(benefits: readonly Pick<Benefit, 'date' | 'eligible'>[]): string {
  let first = ''
  for (const b of benefits) if (b.eligible && (!first || b.date < first)) first = b.date
  return first
}

/** The stock steps a case adds for 政策享受率 (a case that never started adds none). */
export function eligibleStockContributions(
  i: { startedAt: string | null; targetGroups: readonly TargetGroup[]; benefits: readonly Pick<Benefit, 'date' | 'eligible'>[] },
  startedDay: string | null,
): Contribution[] {
  if (!i.startedAt || !startedDay) return []
  const mask = groupMask(i.targetGroups)
  const out: Contribution[] = [{ date: startedDay, inc: { [ELIGIBLE_METRICS.people(mask)]: 1 } }]
  const first = firstEnjoyedOn(i.benefits)
  if (first) {
    out.push({ date: first > startedDay ? first : startedDay, inc: { [ELIGIBLE_METRICS.benefited(mask)]: 1 } })
  }
  return out
}

/**
 * Which groups the policies in force make eligible: `all` when one is for everyone (no groups);
 * otherwise the groups named (`groups`, as `mask` bits).
 */
export function eligibleGroupsOf(policies: readonly Pick<Policy, 'targetGroups'>[]): { all: boolean; mask: number; groups: TargetGroup[] } {
  let mask = 0
  let all = false
  for (const p of policies) {
    if (!p.targetGroups.length) all = true
    mask |= groupMask(p.targetGroups)
  }
  return { all, mask, groups: TARGET_GROUPS.filter((_, i) => (mask & (1 << i)) !== 0) }
}

/** One row of 政策享受率: eligible entrepreneurs, those with an eligible benefit, and 应享未享. */
export interface EnjoymentRow {
  key: TargetGroup | 'all'
  label: string
  eligible: number
  benefited: number
  /** 应享未享: eligible entrepreneurs without an eligible benefit. */
  missing: number
  value: number | null
  /** What `indices.moneyCases` lists for the 应享未享 cases of this row. */
  metric: string
}

/** Drill metric of a row's 应享未享 cases. */
export const gapMetric = (key: TargetGroup | 'all') => `gap_${key}`

/**
 * 政策享受率 overall and per target group from the mask stocks (`level(metric)` is the stock at the
 * period's end, summed over the org's communities). A group no policy in force is for has no row.
 */
export function enjoymentRows(metrics: Iterable<string>, level: (metric: string) => number, eligibleGroups: { all: boolean; mask: number }): EnjoymentRow[] {
  const masks = new Set<number>()
  for (const m of metrics) {
    const hit = MASK_METRIC.exec(m)
    if (hit) masks.add(Number(hit[2]))
  }
  const row = (key: TargetGroup | 'all', label: string, take: (mask: number) => boolean): EnjoymentRow => {
    let eligible = 0
    let benefited = 0
    for (const mask of masks) {
      if (!take(mask)) continue
      eligible += level(ELIGIBLE_METRICS.people(mask))
      benefited += level(ELIGIBLE_METRICS.benefited(mask))
    }
    return { key, label, eligible, benefited, missing: eligible - benefited, value: eligible ? benefited / eligible : null, metric: gapMetric(key) }
  }
  const isEligible = (mask: number) => eligibleGroups.all || (mask & eligibleGroups.mask) !== 0
  const rows = [row('all', '全部创业者', isEligible)]
  TARGET_GROUPS.forEach((g, i) => {
    if (!eligibleGroups.all && !(eligibleGroups.mask & (1 << i))) return
    rows.push(row(g, TARGET_GROUP_LABELS[g], (mask) => (mask & (1 << i)) !== 0))
  })
  return rows
}

/** Is this case one of a row's 应享未享 at `date`: started by then, in the row's eligible groups, no eligible benefit yet. */
export function isGap(
  i: { startedAt: string | null; targetGroups: readonly TargetGroup[]; benefits: readonly Pick<Benefit, 'date' | 'eligible'>[] },
  startedDay: string | null,
  key: TargetGroup | 'all',
  eligibleGroups: { all: boolean; mask: number },
  date: string,
): boolean {
  if (!startedDay || startedDay > date) return false
  const mask = groupMask(i.targetGroups)
  if (key === 'all' ? !(eligibleGroups.all || (mask & eligibleGroups.mask) !== 0) : !i.targetGroups.includes(key)) return false
  return !i.benefits.some((b) => b.eligible && b.date <= date)
}
