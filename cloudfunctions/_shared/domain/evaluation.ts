/**
 * The yearly evaluation chain of 创业型社区 (seed 000 §四): a community applies with an
 * application form (申报表) and a self-evaluation report by the end of September, the street
 * reviews it by the end of October, the district certifies by the end of November, and the city
 * spot-checks certified communities by the end of December (questionnaires, phone follow-ups)
 * and selects demonstration communities. Pure types and rules; no I/O.
 */
import type { EnjoymentRow } from './money'
import type { BenefitRow, Criterion, Light } from './indices'
import type { StaffRole } from './roles'

/** Where an application stands. `returned` goes back to the community, which may resubmit. */
export const EVALUATION_STATUSES = ['draft', 'submitted', 'returned', 'street_passed', 'certified', 'rejected', 'spot_checked', 'selected'] as const
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number]

export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = {
  draft: '草稿',
  submitted: '待街道初评',
  returned: '已退回',
  street_passed: '待区县认定',
  certified: '已认定',
  rejected: '未通过认定',
  spot_checked: '已抽查',
  selected: '示范社区',
}

/** The steps of the chain, each taken by one role. */
export const EVALUATION_STEPS = ['draft', 'submit', 'pass', 'return', 'certify', 'reject', 'questionnaire', 'sample', 'spotCheck', 'select', 'reopen', 'award', 'revoke'] as const
export type EvaluationStep = (typeof EVALUATION_STEPS)[number]

export const EVALUATION_STEP_LABELS: Record<EvaluationStep, string> = {
  draft: '填写申报',
  submit: '提交申报',
  pass: '街道初评通过',
  return: '街道退回',
  certify: '区县认定',
  reject: '区县不予认定',
  questionnaire: '发出抽查问卷',
  sample: '抽取电话回访名单',
  spotCheck: '市级抽查完成',
  select: '评为示范社区',
  reopen: '市创建办重新打开',
  award: '命名授牌',
  revoke: '撤销命名',
}

/**
 * Which status a step starts from and where it leads; anything else is refused, so no level can
 * skip a step. Drafting happens while the community holds the application.
 */
export const TRANSITIONS: Record<'submit' | 'pass' | 'return' | 'certify' | 'reject' | 'spotCheck' | 'select', { from: readonly EvaluationStatus[]; to: EvaluationStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  pass: { from: ['submitted'], to: 'street_passed' },
  return: { from: ['submitted'], to: 'returned' },
  certify: { from: ['street_passed'], to: 'certified' },
  reject: { from: ['street_passed'], to: 'rejected' },
  spotCheck: { from: ['certified'], to: 'spot_checked' },
  select: { from: ['spot_checked'], to: 'selected' },
}

/** Statuses in which the community may still edit its application. */
export const EDITABLE_STATUSES: readonly EvaluationStatus[] = ['draft', 'returned']

/** One step in an application's history: who, when, what. */
export interface EvaluationHistoryEntry {
  step: EvaluationStep
  /** Status after the step. */
  status: EvaluationStatus
  at: string
  byId: string
  byName: string
  byRole: StaffRole
  /** The opinion or reasons written with the step ('' when none). */
  note: string
  /** Taken after the stage's deadline. */
  late: boolean
}

/** A ratio shown on the form: numerator, denominator (null when unknown), value (null when unknown). */
export interface FormRatio {
  num: number
  den: number | null
  value: number | null
}

/**
 * The 申报表's figures, filled from the year's counters when the community drafts (and on
 * refresh); frozen once submitted.
 */
export interface ApplicationFigures {
  /** Shanghai time the figures were read. */
  at: string
  /** The Shanghai day they were computed as of (survival cohorts of age by then); absent in snapshots taken before version 2. */
  asOf?: string
  /** `INDEX_DEFINITION_VERSION` the figures were computed under (absent: version 1, before issue 21). */
  definitionVersion?: number
  staffInPlace: number
  benefits: BenefitRow[]
  benefitCount: number
  benefitAmount: number
  /** One-on-one guidance given in the year, and the share of residents asking for help who got it. */
  guided: number
  guidanceShare: FormRatio
  registered: number
  /** Residents assisted into a venture in the year, and the jobs their ventures created. */
  started: number
  jobsCreated: number
  newEnterprises: number
  newIndividual: number
  activityIndex: FormRatio
  policyEnjoyment: FormRatio
  /** 政策享受率 from eligibility, overall (`all`) and per target group, with 应享未享 (absent in snapshots taken before it). */
  enjoyment?: EnjoymentRow[]
  employmentDriven: FormRatio
  survival12: FormRatio
  survival24: FormRatio
  /** 创业对就业的贡献率 (definition version 2 on). */
  employmentContribution?: FormRatio
  /** Each 创建标准's indices with their lights, for the report. */
  criteria: CriterionFigures[]
  /** The community's 组织体系 as recorded when the figures were read (absent in snapshots taken before it was recorded). */
  setup?: SetupSnapshot
}

/** 组织体系 on the 申报表: the 创建组织, equipment and the year's documents, with the checklist's verdicts. */
export interface SetupSnapshot {
  groupName: string | null
  members: { name: string; role: string; unit: string }[]
  partners: string[]
  liaisons: string[]
  computers: number
  printers: number
  plan: { title: string; date: string } | null
  publicity: { title: string; date: string } | null
  checks: { label: string; met: boolean; detail: string }[]
}

/** One 创建标准 as the data shows it. */
export interface CriterionFigures {
  criterion: Criterion
  label: string
  met: number
  of: number
  items: { label: string; text: string; light: Light }[]
}

/** The 申报表's parts the community writes itself. */
export interface ApplicationFormText {
  contactName: string
  contactPhone: string
  /** 社区基本情况: households, residents, the guidance station. */
  overview: string
}

/** The self-evaluation report: a qualitative paragraph per 创建标准, and a summary. */
export interface ApplicationReport {
  sections: { criterion: Criterion; text: string }[]
  summary: string
}

/** One phone follow-up of a sampled resident. */
export interface SpotCall {
  intentId: string
  reached: boolean
  /** Whether the resident confirms they were assisted (null when not reached). */
  confirms: boolean | null
  /** 1–5 (null when not reached or not given). */
  satisfaction: number | null
  remarks: string
  at: string
  byName: string
}

/** A reproducible sample of ledger residents for phone follow-up. */
export interface SpotSample {
  /** What the city officer entered; with the application id it fixes the draw. */
  seed: string
  size: number
  /** Ledger cases the draw could pick from. */
  population: number
  intentIds: string[]
  drawnAt: string
  byName: string
}

/** The city's 命名/授牌 of a certified community: the naming document and the certificate. */
export interface EvaluationAward {
  /** YYYY-MM-DD of the naming. */
  date: string
  /** 命名文件文号, e.g. 攀创办〔2026〕12 号. */
  documentNo: string
  /** The scanned certificate (a stored photo reference), or null when not attached. */
  certificate: string | null
  byName: string
  at: string
}

/** 动态管理: the city withdraws a title it awarded. */
export interface EvaluationRevocation {
  date: string
  documentNo: string
  reason: string
  byName: string
  at: string
}

/** A community's application for one year: id `<communityId>:<year>`. */
export interface EvaluationApplication {
  _id: string
  year: number
  communityId: string
  communityName: string
  communityPath: string[]
  status: EvaluationStatus
  figures: ApplicationFigures
  form: ApplicationFormText
  report: ApplicationReport
  history: EvaluationHistoryEntry[]
  /** The city's spot check: sample, calls, questionnaire, what the visit found. */
  sample: SpotSample | null
  calls: SpotCall[]
  surveyId: string | null
  spotFindings: string
  spotMethods: SpotMethod[]
  /** The title awarded (absent before the city records it). */
  award?: EvaluationAward | null
  /** The title withdrawn later, if it was. */
  revocation?: EvaluationRevocation | null
  createdAt: string
  updatedAt: string
  version: number
}

/** How the city checked (seed 000 §四: 实地察看、召开座谈会、查阅台帐、问卷调查、电话回访). */
export const SPOT_METHODS = ['site_visit', 'meeting', 'ledger_check', 'questionnaire', 'phone'] as const
export type SpotMethod = (typeof SPOT_METHODS)[number]
export const SPOT_METHOD_LABELS: Record<SpotMethod, string> = {
  site_visit: '实地察看',
  meeting: '召开座谈会',
  ledger_check: '查阅台帐',
  questionnaire: '问卷调查',
  phone: '电话回访',
}

export function applicationId(communityId: string, year: number): string {
  return `${communityId}:${year}`
}

/** The four deadlines of a year (Shanghai dates, inclusive). */
export interface EvaluationDeadlines {
  apply: string
  review: string
  certify: string
  spotCheck: string
}
export const DEADLINE_KEYS = ['apply', 'review', 'certify', 'spotCheck'] as const
export type DeadlineKey = (typeof DEADLINE_KEYS)[number]
export const DEADLINE_LABELS: Record<DeadlineKey, string> = {
  apply: '社区申报',
  review: '街道初评',
  certify: '区县认定',
  spotCheck: '市级抽查',
}

/** A year's deadlines as the city set them (collection `evaluationDeadlines`, id = year). */
export interface EvaluationDeadlineDoc extends EvaluationDeadlines {
  _id: string
  year: number
  updatedAt: string
  updatedBy: string
}

/**
 * A community's own later deadlines for a year (collection `evaluationExtensions`, id
 * `<communityId>:<year>`): the city extended one or more steps for this community only.
 */
export interface EvaluationExtensionDoc {
  _id: string
  year: number
  communityId: string
  deadlines: Partial<EvaluationDeadlines>
  history: { step: DeadlineKey; until: string; reason: string; byName: string; at: string }[]
  updatedAt: string
}

/** The year's deadlines with a community's extensions over them (an extension only ever moves a date later). */
export function effectiveDeadlines(year: EvaluationDeadlines, ext: Pick<EvaluationExtensionDoc, 'deadlines'> | null): EvaluationDeadlines {
  const out = { ...year }
  if (!ext) return out
  for (const k of DEADLINE_KEYS) {
    const d = ext.deadlines[k]
    if (d && d > out[k]) out[k] = d
  }
  return out
}

/**
 * Moves `step` to `until` and every later step that would end before it up to `until`, so the
 * steps stay in order; returns the new dates and the later steps that moved.
 */
export function extendDeadlines(current: EvaluationDeadlines, step: DeadlineKey, until: string): { deadlines: EvaluationDeadlines; moved: DeadlineKey[] } {
  const next = { ...current, [step]: until }
  const moved: DeadlineKey[] = []
  for (const k of DEADLINE_KEYS.slice(DEADLINE_KEYS.indexOf(step) + 1)) {
    if (next[k] < until) {
      next[k] = until
      moved.push(k)
    }
  }
  return { deadlines: next, moved }
}

/** Each deadline no earlier than the one before it: the fields in error (`set.review`, …). */
export function deadlineOrderErrors(d: EvaluationDeadlines, prefix = 'set'): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = []
  for (let i = 1; i < DEADLINE_KEYS.length; i++) {
    const prev = DEADLINE_KEYS[i - 1]
    const k = DEADLINE_KEYS[i]
    if (d[k] < d[prev]) out.push({ path: `${prefix}.${k}`, message: `${DEADLINE_LABELS[k]}截止日不能早于${DEADLINE_LABELS[prev]}截止日（${d[prev]}）` })
  }
  return out
}

/** A year's evaluation is over once its last deadline (the city's spot checks) has passed. */
export function isYearClosed(d: EvaluationDeadlines, today: string): boolean {
  return today > d.spotCheck
}

/** Who holds an application in each status, and what they do next: the "who can lift it" of every refusal. */
export const HELD_BY: Record<EvaluationStatus, string> = {
  draft: '社区负责人还没有提交申报',
  returned: '申报已退回社区，需社区负责人修改后重新提交',
  submitted: '申报正等街道初评，需街道初评员先初评',
  street_passed: '申报正等区县认定，需县(区)创建办先认定',
  certified: '申报已认定，正等市创建办抽查',
  rejected: '申报未通过区县认定；如需重新办理，请联系市创建办重新打开申报',
  spot_checked: '申报已抽查，正等市创建办评选',
  selected: '申报已评为示范社区，流程已结束；如需重新办理，请联系市创建办重新打开申报',
}

/** The seeds' months: apply by 30 Sep, review by 31 Oct, certify by 30 Nov, spot checks by 31 Dec. */
export function defaultDeadlines(year: number): EvaluationDeadlines {
  return { apply: `${year}-09-30`, review: `${year}-10-31`, certify: `${year}-11-30`, spotCheck: `${year}-12-31` }
}

/** The deadline a step is judged against. */
export const STEP_DEADLINE: Partial<Record<EvaluationStep, DeadlineKey>> = {
  submit: 'apply',
  pass: 'review',
  return: 'review',
  certify: 'certify',
  reject: 'certify',
  spotCheck: 'spotCheck',
  select: 'spotCheck',
}

/** Reminders go out this many days before a deadline (and on the day before). */
export const REMIND_DAYS = [7, 1] as const

/** Whole days from `today` to `deadline` (both YYYY-MM-DD); negative once past. */
export function daysUntil(today: string, deadline: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
}

/** The reminder window `today` falls in for `deadline`: the smallest REMIND_DAYS not below the days left, or null. */
export function reminderWindow(today: string, deadline: string): number | null {
  const left = daysUntil(today, deadline)
  if (left < 0) return null
  const windows = [...REMIND_DAYS].sort((a, b) => a - b)
  return windows.find((w) => left <= w) ?? null
}

/** Which pending statuses each deadline waits on, and which role acts on them. */
export const DEADLINE_WAITS: Record<DeadlineKey, { statuses: readonly (EvaluationStatus | 'none')[]; role: StaffRole }> = {
  apply: { statuses: ['none', 'draft', 'returned'], role: 'community_lead' },
  review: { statuses: ['submitted'], role: 'street_reviewer' },
  certify: { statuses: ['street_passed'], role: 'district_officer' },
  spotCheck: { statuses: ['certified'], role: 'city_officer' },
}

/** A community's spot-check results. */
export interface SpotSummary {
  sampleSize: number
  called: number
  reached: number
  /** reached ÷ called. */
  reachedRate: number | null
  confirmed: number
  /** confirmed ÷ reached. */
  confirmationRate: number | null
  /** Mean 1–5 of the reached residents who gave one. */
  meanSatisfaction: number | null
  /** The spot-check questionnaire's composite (0–100) and its responses. */
  questionnaireIndex: number | null
  questionnaireN: number
  /**
   * What the ranking sorts by (0–100): the mean of confirmation rate × 100, call satisfaction
   * mapped like survey levels ((s − 1) × 25) and the questionnaire index, over those known.
   */
  score: number | null
}

export function spotSummary(sample: SpotSample | null, calls: readonly SpotCall[], questionnaire: { index: number | null; n: number }): SpotSummary {
  const reached = calls.filter((c) => c.reached)
  const confirmed = reached.filter((c) => c.confirms === true).length
  const rated = reached.filter((c) => c.satisfaction !== null)
  const meanSatisfaction = rated.length ? rated.reduce((n, c) => n + (c.satisfaction ?? 0), 0) / rated.length : null
  const confirmationRate = reached.length ? confirmed / reached.length : null
  const parts = [
    confirmationRate === null ? null : confirmationRate * 100,
    meanSatisfaction === null ? null : (meanSatisfaction - 1) * 25,
    questionnaire.index,
  ].filter((x): x is number => x !== null)
  return {
    sampleSize: sample?.intentIds.length ?? 0,
    called: calls.length,
    reached: reached.length,
    reachedRate: calls.length ? reached.length / calls.length : null,
    confirmed,
    confirmationRate,
    meanSatisfaction,
    questionnaireIndex: questionnaire.index,
    questionnaireN: questionnaire.n,
    score: parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : null,
  }
}
