import type { Contribution } from './counter'
import { type Benefit, eligibleStockContributions, type FourInOne, type Loan, moneyContributions } from './money'
import type { CaseMentor } from './service'
import { shanghaiDate } from './time'
import type { TargetGroup } from './target-groups'

/**
 * Entrepreneurial intent registration (创业意向登记) and the staff assistance ledger (帮扶台帐),
 * seed 000 §二(四) and §四(三): the information base of residents with entrepreneurial intent
 * (family situation, skill level, intent), one-on-one guidance, follow-up on project, funding,
 * site and licence problems, ventures started and policy benefits delivered.
 */

/** Where a case stands. Moves forward as staff record guidance, training and ventures. */
export const CASE_STAGES = ['registered', 'guided', 'trained', 'started', 'operating', 'closed'] as const
export type CaseStage = (typeof CASE_STAGES)[number]

export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  registered: '已登记',
  guided: '已指导',
  trained: '已培训',
  started: '已创业',
  operating: '稳定经营',
  closed: '已结案',
}

/** Explanations a resident reads on their timeline. */
export const CASE_STAGE_HINTS: Record<CaseStage, string> = {
  registered: '社区已收到你的登记',
  guided: '创业指导员已和你一对一沟通',
  trained: '已参加创业培训',
  started: '已办好营业执照，开始创业',
  operating: '经营已稳定下来',
  closed: '这件事已办结',
}

/** The record's own lifecycle: a resident may correct it while `pending`, staff accept it. */
export const CASE_STATUSES = ['pending', 'accepted', 'withdrawn'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  pending: '待受理',
  accepted: '已受理',
  withdrawn: '已撤回',
}

export const GENDERS = ['male', 'female'] as const
export type Gender = (typeof GENDERS)[number]
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' }

export const AGE_BANDS = ['16-24', '25-34', '35-44', '45-54', '55+'] as const
export type AgeBand = (typeof AGE_BANDS)[number]
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  '16-24': '16–24 岁',
  '25-34': '25–34 岁',
  '35-44': '35–44 岁',
  '45-54': '45–54 岁',
  '55+': '55 岁及以上',
}

export const EDUCATIONS = ['primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'postgraduate'] as const
export type Education = (typeof EDUCATIONS)[number]
export const EDUCATION_LABELS: Record<Education, string> = {
  primary: '小学及以下',
  junior: '初中',
  senior: '高中',
  vocational: '中专/技校',
  college: '大专',
  bachelor: '本科',
  postgraduate: '研究生',
}

export const HOUSEHOLDS = ['urban', 'rural'] as const
export type Household = (typeof HOUSEHOLDS)[number]
export const HOUSEHOLD_LABELS: Record<Household, string> = { urban: '城镇户口', rural: '农村户口' }

export const SKILL_LEVELS = ['none', 'basic', 'intermediate', 'advanced'] as const
export type SkillLevel = (typeof SKILL_LEVELS)[number]
export const SKILL_LEVEL_LABELS: Record<SkillLevel, string> = {
  none: '暂无技能证书',
  basic: '初级工',
  intermediate: '中级工',
  advanced: '高级工及以上',
}

export const INDUSTRIES = [
  'agriculture',
  'manufacturing',
  'retail',
  'catering',
  'services',
  'ecommerce',
  'culture_tourism',
  'logistics',
  'tech',
  'other',
] as const
export type Industry = (typeof INDUSTRIES)[number]
export const INDUSTRY_LABELS: Record<Industry, string> = {
  agriculture: '种植养殖',
  manufacturing: '加工制造',
  retail: '零售小店',
  catering: '餐饮',
  services: '家政维修等服务',
  ecommerce: '电商直播',
  culture_tourism: '文化旅游',
  logistics: '运输物流',
  tech: '科技创新',
  other: '其他',
}

/** How far the resident's project has come. */
export const PROJECT_PHASES = ['idea', 'preparing', 'operating'] as const
export type ProjectPhase = (typeof PROJECT_PHASES)[number]
export const PROJECT_PHASE_LABELS: Record<ProjectPhase, string> = {
  idea: '只有想法',
  preparing: '正在筹备',
  operating: '已经在经营',
}

/** What a resident asks help with (seed 000: 项目、资金、场地、证照办理; seed 001: 培训, 政策). */
export const NEEDS = ['funding', 'site', 'training', 'licence', 'project', 'policy'] as const
export type Need = (typeof NEEDS)[number]
export const NEED_LABELS: Record<Need, string> = {
  funding: '资金',
  site: '场地',
  training: '创业培训',
  licence: '办证照',
  project: '选项目',
  policy: '政策咨询',
}

export const CONTACT_TIMES = ['anytime', 'weekday_day', 'weekday_evening', 'weekend'] as const
export type ContactTime = (typeof CONTACT_TIMES)[number]
export const CONTACT_TIME_LABELS: Record<ContactTime, string> = {
  anytime: '随时都可以',
  weekday_day: '工作日白天',
  weekday_evening: '工作日晚上',
  weekend: '周末',
}

/** Kinds of follow-up a community guide records. `guidance` is the 一对一指导 the coverage index counts. */
export const FOLLOW_UP_KINDS = ['guidance', 'policy', 'training', 'loan', 'site', 'licence', 'project', 'mentor'] as const
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number]
export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, string> = {
  guidance: '一对一指导',
  policy: '政策讲解',
  training: '推荐培训',
  loan: '协助申请贷款',
  site: '场地对接',
  licence: '协助办证照',
  project: '推荐项目',
  mentor: '导师辅导',
}

export const VENTURE_KINDS = ['enterprise', 'individual'] as const
export type VentureKind = (typeof VENTURE_KINDS)[number]
export const VENTURE_KIND_LABELS: Record<VentureKind, string> = { enterprise: '企业', individual: '个体工商户' }

export const VENTURE_STATUSES = ['operating', 'closed'] as const
export type VentureStatus = (typeof VENTURE_STATUSES)[number]
export const VENTURE_STATUS_LABELS: Record<VentureStatus, string> = { operating: '经营中', closed: '已关闭' }

/** The consent text a resident agrees to before giving their ID number and phone. */
export const CONSENT_VERSION = '2026-01'
export const CONSENT_TEXT =
  '我同意社区收集我的姓名、手机号和身份证号，仅用于创业帮扶登记、政策享受核对和回访；身份证号加密保存，工作人员只看到部分号码。我可以随时撤回登记。'

/** One stage change: who moved the case and when. */
export interface StageChange {
  stage: CaseStage
  at: string
  byId: string
  byName: string
  note: string
}

/** One follow-up in the ledger. */
export interface FollowUp {
  id: string
  kind: FollowUpKind
  /** Shanghai date of the contact, YYYY-MM-DD. */
  date: string
  note: string
  outcome: string
  /** Shown on the resident's 我的创业档案. */
  visibleToResident: boolean
  /** YYYY-MM-DD, or '' for none. */
  nextFollowUpDate: string
  /** The recommended project, for kind `project`. */
  projectId: string | null
  projectTitle: string | null
  /** The mentor who held the session, for kind `mentor`. */
  mentorId?: string | null
  /** The site placement this records, for kind `site` recorded from an application. */
  siteId?: string | null
  byId: string
  byName: string
  at: string
  /** Recorded by a leader paired with the case (领导干部联系挂帮); absent on older records = false. */
  byLeader?: boolean
}

/** A business the resident started. */
export interface Venture {
  id: string
  name: string
  kind: VentureKind
  /** YYYY-MM-DD. */
  registrationDate: string
  jobsCreated: number
  status: VentureStatus
  /** YYYY-MM-DD when closed, else ''. */
  closureDate: string
  updatedAt: string
  byName: string
}

export type { Benefit, Loan } from './money'

/** The resident's answers on the registration form (personal data in the clear, before sealing). */
export interface CaseAnswers {
  name: string
  gender: Gender
  ageBand: AgeBand
  education: Education
  household: Household
  targetGroups: TargetGroup[]
  familySituation: string
  skillLevel: SkillLevel
  certificates: string[]
  industry: Industry
  projectDescription: string
  projectPhase: ProjectPhase
  needs: Need[]
  /** Yuan, when `needs` holds `funding`; else null. */
  fundingAmount: number | null
  contactTime: ContactTime
  /** Projects from the reserve the resident is interested in. */
  projectInterestIds: string[]
}

/**
 * A registration and the case built on it: one document, so every change to a case and the
 * counters it moves commit in one transaction. ID number and phone are sealed (AES-GCM); only
 * masked forms and a keyed hash sit in the clear.
 */
export interface Case extends CaseAnswers {
  _id: string
  /**
   * The resident whose registration this is; '' for a case a community worker registered on the
   * resident's behalf (代登记) until the resident claims it in the app.
   */
  residentId: string
  communityId: string
  communityPath: string[]
  communityName: string
  phoneSealed: string
  phoneMasked: string
  idCardSealed: string
  idCardMasked: string
  /** keyedHash('id-card', communityId, id number): duplicate detection within a community. */
  idCardHash: string
  /**
   * keyedHash('phone', communityId, phone): duplicate detection and the claim of a case registered
   * on the resident's behalf. Absent on cases written before it existed (the migration
   * `2026-12-intent-phone-slots` fills it).
   */
  phoneHash?: string
  /** Set when a community worker registered the case for the resident (代登记): who and with what consent. */
  registeredBy?: RegisteredBy | null
  /** ISO time the resident claimed a case registered on their behalf, or absent. */
  claimedAt?: string
  /**
   * The resident turned off 我的帮扶进展 notices (我的 → 消息提醒): a copy of their switch, so a case
   * write knows whether to tell them without reading their settings (issue 22: a benefit or a loan
   * step within 2 reads). Kept in step by `notify.setNotice`, set on submit and claim and read again
   * after them (`settleCaseSwitch`: a switch flipped meanwhile is repaired); absent = on.
   */
  caseNoticesOff?: boolean
  consentVersion: string
  consentAt: string
  /** The promotion event whose QR code led here, if any. */
  sourceEventId: string | null
  status: CaseStatus
  stage: CaseStage
  stageHistory: StageChange[]
  followUps: FollowUp[]
  ventures: Venture[]
  benefits: Benefit[]
  /** 小额担保贷款 applications and their steps (absent on cases stored before loans existed). */
  loans?: Loan[]
  /** The earliest repayment or 贴息 claim date of the open loans (YYYY-MM-DD), or '' / absent: the reminder list. */
  loanDueDate?: string
  /** Needs were given: the denominator of 帮扶覆盖率. */
  askedHelp: boolean
  /** ISO time of the first one-on-one guidance, or ''. */
  guidedAt: string
  /** The latest follow-up's next date (YYYY-MM-DD), or '' when none is planned. */
  nextFollowUpDate: string
  benefitCount: number
  /**
   * The day (YYYY-MM-DD) of the first benefit the case's groups made it eligible for, or '' with
   * none: with `startedAt`, what puts a case on 应享未享 (`gapQuery`, as 政策享受率 counts it). Kept
   * by `writeCase` from `benefits`; absent only on cases stored before (migration
   * 2026-12-case-enjoyed-on fills it).
   */
  enjoyedOn?: string
  /** The case reached `trained` once (counted once). */
  trainedAt: string
  /** The first venture was recorded (counted once). */
  startedAt: string
  /** ISO time the resident first completed a training course in the app, or absent (培训覆盖率). */
  courseCompletedAt?: string
  /** The mentor of the 创业服务指导团 assigned to this case, if any. */
  mentor?: CaseMentor | null
  createdAt: string
  updatedAt: string
  acceptedAt: string
  acceptedByName: string
  withdrawnAt: string
  /**
   * ISO time the resident's personal fields were removed (they deleted their data, or the
   * retention period of a closed case ran out); '' or absent while they are held. What the
   * counters count (stage, ventures, benefits) stays.
   */
  anonymisedAt?: string
  version: number
}

/** How a resident registered by a worker gave consent: a signed paper form, or aloud before a witness. */
export const CONSENT_METHODS = ['paper', 'verbal-witnessed'] as const
export type ConsentMethod = (typeof CONSENT_METHODS)[number]
export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  paper: '纸质同意书（本人签字）',
  'verbal-witnessed': '口头同意（有见证人）',
}

/** A case registered by a community worker on the resident's behalf (代登记). */
export interface RegisteredBy {
  byId: string
  byName: string
  at: string
  consent: {
    method: ConsentMethod
    /** YYYY-MM-DD the resident consented. */
    at: string
    /** Where the paper form is kept, or who witnessed. */
    note: string
  }
}

/**
 * A one-time code a resident asked for to claim a case registered on their behalf: id = keyed
 * hash of the resident, so one live code per resident; the code itself is stored only as a MAC.
 */
export interface ClaimCode {
  _id: string
  intentId: string
  communityId: string
  codeMac: string
  attempts: number
  expiresAt: string
  createdAt: string
}

/** The name an anonymised case shows in the ledger. */
export const ANONYMISED_NAME = '已删除'

/**
 * An active registration's claim on (community, ID number) and (community, resident): ids are
 * keyed hashes, so a transaction's insert refuses a duplicate atomically on both engines.
 */
export interface CaseSlot {
  _id: string
  intentId: string
  communityId: string
  createdAt: string
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** Checks an 18-digit resident ID number (GB 11643): region, real birth date and the check digit. */
export function isValidIdCard(value: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return false
  const y = Number(value.slice(6, 10))
  const m = Number(value.slice(10, 12))
  const d = Number(value.slice(12, 14))
  const birth = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i]
  return ID_CHECK[sum % 11] === value[17]
}

/** `510402********1234`: the first 6 and last 4 characters (DESIGN.md "Data protection"). */
export function maskIdCard(value: string): string {
  return value.length < 10 ? '*'.repeat(value.length) : `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`
}

/** `138****5678`. */
export function maskPhone(value: string): string {
  return value.length < 7 ? '*'.repeat(value.length) : `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`
}

/** Forward order of stages; `closed` ends a case from any stage. */
export function stageRank(stage: CaseStage): number {
  return CASE_STAGES.indexOf(stage)
}

/** True when a follow-up date has passed (Shanghai date `today`). */
export function isOverdue(nextFollowUpDate: string, today: string): boolean {
  return nextFollowUpDate !== '' && nextFollowUpDate < today
}

/** Counter metric names the indices read (DESIGN.md "Aggregates"). */
export const METRICS = {
  registered: 'registered',
  askedHelp: 'askedHelp',
  guided: 'guided',
  trained: 'trained',
  askedTraining: 'askedTraining',
  trainedAsked: 'trainedAsked',
  started: 'started',
  venturesOperating: 'venturesOperating',
  jobsCreated: 'jobsCreated',
} as const

/** The 四位一体 parts a case has: training completed, a project recommended from the reserve, a mentor. */
export function fourInOneOf(i: Pick<Case, 'trainedAt' | 'courseCompletedAt' | 'followUps' | 'mentor'>): FourInOne {
  const projectFollowUp = [...i.followUps].reverse().find((f) => f.projectId)
  const mentorFollowUp = [...i.followUps].reverse().find((f) => f.kind === 'mentor' && f.mentorId)
  return {
    training: !!(i.trainedAt || i.courseCompletedAt),
    project: projectFollowUp?.projectId ? { id: projectFollowUp.projectId, title: projectFollowUp.projectTitle ?? '' } : null,
    mentor: i.mentor ? { id: i.mentor.id, name: i.mentor.name } : mentorFollowUp?.mentorId ? { id: mentorFollowUp.mentorId, name: mentorFollowUp.byName } : null,
  }
}

/**
 * What a venture adds to the counters, by Shanghai date: jobs and one operating venture at its
 * registration date, and one fewer operating venture at its closure date. Editing a venture
 * subtracts its old contribution and adds the new one, so the counters stay exact.
 */
export function ventureContribution(v: Pick<Venture, 'registrationDate' | 'jobsCreated' | 'status' | 'closureDate'>): {
  date: string
  inc: Record<string, number>
}[] {
  const out: { date: string; inc: Record<string, number> }[] = [
    { date: v.registrationDate, inc: { [METRICS.jobsCreated]: v.jobsCreated, [METRICS.venturesOperating]: 1 } },
  ]
  if (v.status === 'closed') out.push({ date: v.closureDate, inc: { [METRICS.venturesOperating]: -1 } })
  return out
}

/** A venture counts toward 创业活动指数 for this many months after it was registered (seed 001). */
export const ENGAGED_VENTURE_MONTHS = 42

/** `date` (YYYY-MM-DD) plus whole months, the day clamped to the month's end (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = (total % 12) + 1
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate()
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** Was the venture still operating `months` after its registration? (Judged once that time has passed.) */
export function survived(v: Pick<Venture, 'registrationDate' | 'status' | 'closureDate'>, months: number): boolean {
  return v.status !== 'closed' || v.closureDate >= addMonths(v.registrationDate, months)
}

/** The Shanghai day of an ISO instant. */
function dayOf(iso: string): string {
  return shanghaiDate(new Date(iso))
}

/** +1 where a union of [from, to) day intervals starts and −1 where it ends (`to` null: still open). */
function intervalSteps(metric: string, intervals: { from: string; to: string | null }[]): Contribution[] {
  const sorted = intervals.filter((r) => r.to === null || r.to > r.from).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  const out: Contribution[] = []
  let cur: { from: string; to: string | null } | null = null
  const close = (r: { from: string; to: string | null }) => {
    out.push({ date: r.from, inc: { [metric]: 1 } })
    if (r.to !== null) out.push({ date: r.to, inc: { [metric]: -1 } })
  }
  for (const r of sorted) {
    if (cur && (cur.to === null || r.from <= cur.to)) {
      if (cur.to !== null && (r.to === null || r.to > cur.to)) cur.to = r.to
    } else {
      if (cur) close(cur)
      cur = { ...r }
    }
  }
  if (cur) close(cur)
  return out
}

/**
 * Everything a case counts for, dated by the Shanghai day it happened (see `Contribution`). Flows
 * (counted in the period they happen in): registered, askedHelp, guided, askedTraining,
 * trainedAsked (a course completed by an intent that asked for training), trained, started,
 * jobsCreated, ventures_<kind>, and the money metrics of `moneyContributions` (benefits by kind, group
 * and policy, loan steps; per month, on the year document). Cohort numerators,
 * dated with their cohort: cohortStarted (at registration), survived12 / survived24 (at the
 * venture's registration). Stocks, as +1 / −1 steps whose running sum is the level at a date:
 * engaged (an active registration, or a venture in its first 42 months), entrepreneursOperating,
 * operating_<kind> (ventures of a kind in operation: 私营企业 / 个体工商户 net increase),
 * jobsOperating, venturesOperating, entrepreneurs, and per target-group mask the entrepreneurs and
 * those with an eligible benefit for 政策享受率 (`eligibleStockContributions`; the benefited stock
 * and the money metrics live on the year document, `placementsOf`).
 * A withdrawn registration stops counting as registered, asked-for-help and guided; its ventures
 * and benefits happened and stay counted.
 */
export function intentContributions(i: Case): Contribution[] {
  const out: Contribution[] = []
  const add = (date: string, inc: Record<string, number>) => out.push({ date, inc })
  const active = i.status !== 'withdrawn'
  const created = dayOf(i.createdAt)
  if (active) {
    add(created, { [METRICS.registered]: 1, [METRICS.askedHelp]: i.askedHelp ? 1 : 0, cohortStarted: i.startedAt ? 1 : 0 })
    if (i.askedHelp && i.guidedAt) add(dayOf(i.guidedAt), { [METRICS.guided]: 1 })
    // 培训覆盖率, a stock like 帮扶覆盖率: asked for training (at registration), and of those, completed a course.
    if (i.needs.includes('training')) {
      add(created, { [METRICS.askedTraining]: 1 })
      if (i.courseCompletedAt) add(dayOf(i.courseCompletedAt), { [METRICS.trainedAsked]: 1 })
    }
  }
  if (i.trainedAt) add(dayOf(i.trainedAt), { [METRICS.trained]: 1 })
  if (i.startedAt) {
    const started = dayOf(i.startedAt)
    add(started, { [METRICS.started]: 1, entrepreneurs: 1 })
  }
  for (const v of i.ventures) {
    for (const part of ventureContribution(v)) add(part.date, part.inc)
    add(v.registrationDate, { [`ventures_${v.kind}`]: 1, [`operating_${v.kind}`]: 1, survived12: survived(v, 12) ? 1 : 0, survived24: survived(v, 24) ? 1 : 0, jobsOperating: v.jobsCreated })
    if (v.status === 'closed') add(v.closureDate, { jobsOperating: -v.jobsCreated, [`operating_${v.kind}`]: -1 })
  }
  out.push(...moneyContributions(i.benefits, i.loans ?? [], i.targetGroups, fourInOneOf(i)))
  out.push(...eligibleStockContributions(i, i.startedAt ? dayOf(i.startedAt) : null))

  const closedAt = i.stage === 'closed' ? [...i.stageHistory].reverse().find((s) => s.stage === 'closed')?.at : undefined
  const engaged: { from: string; to: string | null }[] = []
  if (active) engaged.push({ from: created, to: closedAt ? dayOf(closedAt) : null })
  for (const v of i.ventures) {
    const limit = addMonths(v.registrationDate, ENGAGED_VENTURE_MONTHS)
    engaged.push({ from: v.registrationDate, to: v.status === 'closed' && v.closureDate < limit ? v.closureDate : limit })
  }
  out.push(...intervalSteps('engaged', engaged))
  out.push(
    ...intervalSteps(
      'entrepreneursOperating',
      i.ventures.map((v) => ({ from: v.registrationDate, to: v.status === 'closed' ? v.closureDate : null })),
    ),
  )
  return out
}
