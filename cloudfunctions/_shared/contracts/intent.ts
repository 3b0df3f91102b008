import * as v from 'valibot'
import type { FileRef } from './file'
import type { CaseMentor } from '../domain/service'
import {
  AGE_BANDS,
  type AgeBand,
  type Benefit,
  CONSENT_METHODS,
  CONSENT_VERSION,
  CONTACT_TIMES,
  type ContactTime,
  EDUCATIONS,
  type Education,
  FOLLOW_UP_KINDS,
  type FollowUp,
  GENDERS,
  type Gender,
  HOUSEHOLDS,
  type Household,
  INDUSTRIES,
  type Industry,
  CASE_STAGES,
  type CaseAnswers,
  type CaseStage,
  type CaseStatus,
  isValidIdCard,
  type Need,
  NEEDS,
  PROJECT_PHASES,
  SKILL_LEVELS,
  type RegisteredBy,
  type StageChange,
  VENTURE_KINDS,
  VENTURE_STATUSES,
  type Venture,
} from '../domain/case'
import { BENEFIT_KINDS, type BenefitKind, type FourInOne, type Loan, LOAN_STEPS, type LoanStep } from '../domain/money'
import { TARGET_GROUPS, type TargetGroup } from '../domain/target-groups'
import { isPeriod } from '../domain/period'
import { isIsoDate } from '../domain/time'
import { cursorSchema, idSchema, isoDateSchema, limitSchema, type PageOf, text, editVersionSchema, versionWhenEditing } from './common'

/** Mainland mobile numbers: residents are called back on them. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/

const idCardSchema = v.pipe(
  v.string('请填写身份证号'),
  v.trim(),
  v.toUpperCase(),
  v.minLength(1, '请填写身份证号'),
  v.length(18, '身份证号应为 18 位'),
  v.check(isValidIdCard, '身份证号不正确，请核对后再填'),
)

/** A date or '' for "none". */
const optionalDateSchema = v.pipe(
  v.string('请选择日期'),
  v.check((s) => s === '' || isIsoDate(s), '日期格式应为 年-月-日'),
)

const wholeYuan = (label: string, min: number, max: number) =>
  v.pipe(
    v.number(`请填写${label}`),
    v.integer(`${label}请填整数（元）`),
    v.minValue(min, `${label}至少 ${min} 元`),
    v.maxValue(max, `${label}最多 ${max} 元`),
  )

/** The fields of the resident intent form, shared by `intent.submit` and the worker's `ledger.register`. */
const intentAnswerEntries = {
  name: text('姓名', 2, 20),
  phone: v.pipe(v.string('请填写手机号'), v.trim(), v.minLength(1, '请填写手机号'), v.regex(MOBILE_PATTERN, '手机号应为 11 位数字')),
  gender: v.picklist(GENDERS, '请选择性别'),
  ageBand: v.picklist(AGE_BANDS, '请选择年龄段'),
  education: v.picklist(EDUCATIONS, '请选择文化程度'),
  household: v.picklist(HOUSEHOLDS, '请选择户口类型'),
  targetGroups: v.pipe(
    v.array(v.picklist(TARGET_GROUPS, '未知的人群'), '请选择人群'),
    v.maxLength(TARGET_GROUPS.length, '人群选择过多'),
  ),
  familySituation: text('家庭情况', 2, 200),
  skillLevel: v.picklist(SKILL_LEVELS, '请选择技能等级'),
  certificates: v.pipe(
    v.array(text('证书名称', 1, 30), '证书格式不对'),
    v.maxLength(10, '证书最多填 10 个'),
  ),
  industry: v.picklist(INDUSTRIES, '请选择想做的行业'),
  projectDescription: text('项目设想', 5, 500),
  projectPhase: v.picklist(PROJECT_PHASES, '请选择项目进展'),
  needs: v.pipe(v.array(v.picklist(NEEDS, '未知的需求'), '请选择需要的帮助'), v.maxLength(NEEDS.length, '需求选择过多')),
  fundingAmount: v.nullable(wholeYuan('资金缺口', 1000, 5_000_000)),
  contactTime: v.picklist(CONTACT_TIMES, '请选择方便联系的时间'),
  projectInterestIds: v.pipe(v.array(idSchema, '项目选择有误'), v.maxLength(5, '最多选 5 个感兴趣的项目')),
}

/** A resident (or a worker for them) who needs funding says roughly how much: both forms check it. */
const fundingGapGiven = (i: { needs: readonly string[]; fundingAmount: number | null }) => !i.needs.includes('funding') || i.fundingAmount !== null
const FUNDING_GAP_MISSING = '需要资金时请填写大概的资金缺口'

/**
 * `intent.submit`: a new registration (no `id`) or the resident's correction of their own,
 * while staff have not accepted it yet (`id` + `version`). On a correction the ID number may be
 * left out to keep the stored one.
 */
export const intentSubmitInput = v.pipe(
  v.object({
    id: v.optional(idSchema),
    version: editVersionSchema,
    communityId: v.pipe(v.string('请选择你所在的社区'), v.minLength(1, '请选择你所在的社区'), idSchema),
    ...intentAnswerEntries,
    idCard: v.optional(idCardSchema),
    /** The promotion event whose sign-up QR code led here (issue 4 links `?eventId=`). */
    sourceEventId: v.optional(v.nullable(idSchema)),
    consent: v.literal(true, '请阅读并勾选同意后再提交'),
    consentVersion: v.pipe(
      v.string('请阅读并勾选同意后再提交'),
      v.check((s) => s === CONSENT_VERSION, '告知书已更新，请重新阅读后勾选'),
    ),
  }),
  v.forward(
    v.partialCheck(
      [['needs'], ['fundingAmount']],
      (i) => !i.needs.includes('funding') || i.fundingAmount !== null,
      '需要资金时请填写大概的资金缺口',
    ),
    ['fundingAmount'],
  ),
  v.forward(
    v.partialCheck([['id'], ['idCard']], (i) => i.id !== undefined || i.idCard !== undefined, '请填写身份证号'),
    ['idCard'],
  ),
  versionWhenEditing(),
)
export type IntentSubmitInput = v.InferInput<typeof intentSubmitInput>
export type IntentSubmit = v.InferOutput<typeof intentSubmitInput>

export const intentIdInput = v.object({ id: idSchema })

/** A follow-up as the resident sees it (only those staff marked visible). */
export interface ResidentFollowUp {
  id: string
  kind: FollowUp['kind']
  date: string
  note: string
  outcome: string
  nextFollowUpDate: string
  projectTitle: string | null
}

/** The resident's own case (我的创业档案): their answers, masked identifiers, and the timeline. */
export interface MyCase extends CaseAnswers {
  _id: string
  communityId: string
  communityName: string
  phoneMasked: string
  idCardMasked: string
  status: CaseStatus
  stage: CaseStage
  /** The resident may still correct it (staff have not accepted it). */
  editable: boolean
  /** Their mentor from the 创业服务指导团, once the community assigned one. */
  mentor: CaseMentor | null
  timeline: { stage: CaseStage; at: string; note: string }[]
  followUps: ResidentFollowUp[]
  ventures: Pick<Venture, 'id' | 'name' | 'kind' | 'registrationDate' | 'jobsCreated' | 'status' | 'closureDate'>[]
  benefits: Pick<Benefit, 'id' | 'policyTitle' | 'kind' | 'amountFen' | 'date'>[]
  /** Their loan applications: where each stands (the step, its date and a plain hint). */
  loans: ResidentLoan[]
  projectInterests: { id: string; title: string }[]
  createdAt: string
  updatedAt: string
  version: number
}

/** A loan as its resident sees it on their timeline. */
export interface ResidentLoan {
  id: string
  policyTitle: string
  step: LoanStep
  date: string
  hint: string
  steps: { step: LoanStep; date: string; amountFen: number }[]
}

export interface MineOutput {
  /** The latest registration: the active one if any, else the last withdrawn one; null if none. */
  current: MyCase | null
}

/** `intent.claimStart`: the resident asks for a one-time code to claim a case a worker registered for them. */
export const claimStartInput = v.object({
  communityId: v.pipe(v.string('请选择你所在的社区'), v.minLength(1, '请选择你所在的社区'), idSchema),
  phone: intentAnswerEntries.phone,
})
export type ClaimStartInput = v.InferInput<typeof claimStartInput>

/** `intent.claimConfirm`: the code from `claimStart` links the case to the resident. */
export const claimConfirmInput = v.object({
  communityId: claimStartInput.entries.communityId,
  phone: intentAnswerEntries.phone,
  code: v.pipe(v.string('请填写验证码'), v.trim(), v.regex(/^\d{6}$/, '验证码是 6 位数字')),
})
export type ClaimConfirmInput = v.InferInput<typeof claimConfirmInput>

/** `intent.claimChannel`: the subscribe-message template to allow (WeChat) before `claimStart`, or null when none is needed. */
export interface ClaimChannelOutput {
  templateId: string | null
}

/**
 * What `claimStart` answers whether or not the number is on a case, so nobody learns from it who
 * is registered: where the code went, when it expires.
 */
export interface ClaimStartOutput {
  phoneMasked: string
  expiresAt: string
}

/**
 * `ledger.register` (代登记): a community worker records a walk-in or canvassed resident's intent
 * with everything the resident form has, and how the resident consented (required).
 */
export const ledgerRegisterInput = v.pipe(
  v.object({
    /** Defaults to the worker's own community. */
    communityId: v.optional(idSchema),
    ...intentAnswerEntries,
    idCard: idCardSchema,
    sourceEventId: v.optional(v.nullable(idSchema)),
    consent: v.object(
      {
        method: v.picklist(CONSENT_METHODS, '请选择居民同意的方式'),
        at: isoDateSchema,
        note: text('同意书存放处或见证人', 2, 200),
      },
      '请记录居民同意的方式、日期和凭证',
    ),
  }),
  v.forward(
    v.partialCheck([['needs'], ['fundingAmount']], fundingGapGiven, FUNDING_GAP_MISSING),
    ['fundingAmount'],
  ),
)
export type LedgerRegisterInput = v.InferInput<typeof ledgerRegisterInput>

// ——— the staff ledger (function `ledger`) ———

export const LEDGER_FLAGS = ['unguided', 'overdue'] as const
export type LedgerFlag = (typeof LEDGER_FLAGS)[number]
export const LEDGER_FLAG_LABELS: Record<LedgerFlag, string> = {
  unguided: '要帮扶但还没指导',
  overdue: '回访已逾期',
}

/** The ledger's filter, shared by `list` and `export`. */
export const ledgerFilterEntries = {
  stage: v.optional(v.picklist(CASE_STAGES, '未知的阶段')),
  need: v.optional(v.picklist(NEEDS, '未知的需求')),
  targetGroup: v.optional(v.picklist(TARGET_GROUPS, '未知的人群')),
  flag: v.optional(v.picklist(LEDGER_FLAGS, '未知的筛选')),
  /** `pending`: registered and not yet accepted by staff (待受理). */
  status: v.optional(v.picklist(['active', 'pending', 'withdrawn', 'all'] as const, '未知的状态'), 'active'),
  keyword: v.optional(v.pipe(v.string('关键词应为文字'), v.trim(), v.maxLength(20, '关键词最多 20 个字'))),
  /** Upper levels narrow to one community in their scope. */
  communityId: v.optional(idSchema),
}
export const ledgerListInput = v.object({ ...ledgerFilterEntries, after: cursorSchema, limit: limitSchema })
export type LedgerListInput = v.InferInput<typeof ledgerListInput>
export const ledgerExportInput = v.object({
  ...ledgerFilterEntries,
  /** The period of the summary sheet (`2026`, `2026-Q4`, `2026-M11`); default the current year. */
  period: v.optional(v.pipe(v.string('统计期应为文字'), v.check(isPeriod, '统计期格式应为 2026、2026-Q4 或 2026-M11'))),
})
export type LedgerExportInput = v.InferInput<typeof ledgerExportInput>
export type LedgerFilter = v.InferOutput<typeof ledgerExportInput>

/** One ledger row: masked identifiers only. */
export interface LedgerRow {
  _id: string
  name: string
  phoneMasked: string
  idCardMasked: string
  gender: Gender
  ageBand: AgeBand
  education: Education
  household: Household
  targetGroups: TargetGroup[]
  industry: Industry
  needs: Need[]
  fundingAmount: number | null
  contactTime: ContactTime
  communityName: string
  status: CaseStatus
  stage: CaseStage
  createdAt: string
  guidedAt: string
  nextFollowUpDate: string
  overdue: boolean
  followUpCount: number
  ventureCount: number
  jobsCreated: number
  benefitCount: number
  /** Registered by a worker (代登记), and whether the resident has claimed it since. */
  onBehalf: boolean
  claimed: boolean
}
export type LedgerListOutput = PageOf<LedgerRow>

/** The full case for staff: everything but the sealed values and the hash. */
export interface CaseView extends CaseAnswers {
  _id: string
  /** 领导干部联系挂帮: the leaders paired with the case, current and past (filled by `ledger.get`). */
  pairings?: PairingView[]
  communityId: string
  communityName: string
  phoneMasked: string
  idCardMasked: string
  consentVersion: string
  consentAt: string
  /** A worker registered it for the resident (代登记): who, when, how the resident consented; null otherwise. */
  registeredBy: Omit<RegisteredBy, 'byId'> | null
  /** For a case registered on the resident's behalf: the resident has claimed it in the app. */
  claimed: boolean
  sourceEventId: string | null
  status: CaseStatus
  stage: CaseStage
  /** Without who made each change: the first entry's author is the resident (an OPENID on WeChat). */
  stageHistory: Omit<StageChange, 'byId'>[]
  followUps: FollowUp[]
  mentor: CaseMentor | null
  ventures: Venture[]
  benefits: Benefit[]
  loans: Loan[]
  /** The 四位一体 parts beside a loan: training, project, mentor. */
  fourInOne: FourInOne
  projectInterests: { id: string; title: string }[]
  guidedAt: string
  nextFollowUpDate: string
  overdue: boolean
  createdAt: string
  updatedAt: string
  acceptedAt: string
  acceptedByName: string
  withdrawnAt: string
  version: number
  /** The caller may add follow-ups, change the stage, record ventures and benefits. */
  canWrite: boolean
  /** The caller may reveal the full ID number. */
  canRevealIdCard: boolean
}

export const ledgerFollowUpInput = v.pipe(
  v.object({
    id: idSchema,
    kind: v.picklist(FOLLOW_UP_KINDS, '请选择跟进方式'),
    date: isoDateSchema,
    note: text('跟进内容', 2, 500),
    outcome: v.pipe(v.string('结果应为文字'), v.trim(), v.maxLength(200, '结果最多 200 个字')),
    visibleToResident: v.boolean('请选择是否让居民看到'),
    nextFollowUpDate: optionalDateSchema,
    /** The recommended project, for kind `project`. */
    projectId: v.optional(v.nullable(idSchema)),
  }),
  v.forward(
    v.check((i) => i.kind !== 'project' || Boolean(i.projectId), '请选择推荐的项目'),
    ['projectId'],
  ),
  v.forward(
    v.check((i) => i.nextFollowUpDate === '' || i.nextFollowUpDate >= i.date, '下次回访不能早于本次跟进'),
    ['nextFollowUpDate'],
  ),
)
export type LedgerFollowUpInput = v.InferInput<typeof ledgerFollowUpInput>

export const ledgerStageInput = v.object({
  id: idSchema,
  stage: v.picklist(CASE_STAGES, '请选择阶段'),
  note: v.pipe(v.string('说明应为文字'), v.trim(), v.maxLength(200, '说明最多 200 个字')),
})

export const ledgerVentureInput = v.pipe(
  v.object({
    id: idSchema,
    /** Absent for a new venture; present to edit one. */
    ventureId: v.optional(idSchema),
    name: text('名称', 2, 60),
    kind: v.picklist(VENTURE_KINDS, '请选择企业或个体工商户'),
    registrationDate: isoDateSchema,
    jobsCreated: v.pipe(
      v.number('请填写带动就业人数'),
      v.integer('人数应为整数'),
      v.minValue(0, '人数不能为负'),
      v.maxValue(10000, '人数过大'),
    ),
    status: v.picklist(VENTURE_STATUSES, '请选择经营状态'),
    closureDate: optionalDateSchema,
  }),
  v.forward(
    v.check((i) => (i.status === 'closed') === (i.closureDate !== ''), '已关闭的请填写关闭日期，经营中的不填'),
    ['closureDate'],
  ),
  v.forward(
    v.check((i) => i.closureDate === '' || i.closureDate >= i.registrationDate, '关闭日期不能早于登记日期'),
    ['closureDate'],
  ),
)
export type LedgerVentureInput = v.InferInput<typeof ledgerVentureInput>

/** Integer fen: the client turns the yuan typed (two decimals at most) into fen. */
const fenSchema = (label: string) =>
  v.pipe(
    v.number(`请填写${label}`),
    v.integer(`${label}应精确到分`),
    v.minValue(0, `${label}不能为负`),
    v.maxValue(100_000_000_00, `${label}过大`),
  )

const shortText = (label: string, max: number) => v.pipe(v.string(`${label}应为文字`), v.trim(), v.maxLength(max, `${label}最多 ${max} 个字`))

/**
 * `ledger.recordBenefit`: a benefit from the catalogue (a policy of the case's community chain)
 * or, with `policyId` null, one the catalogue lacks (then `overrideReason` says why). A policy the
 * resident's groups do not match needs `overrideReason` too. With `benefitId` + `revision` it
 * edits one (the earlier state goes to its history; `reason` says why).
 */
export const ledgerBenefitInput = v.pipe(
  v.object({
    id: idSchema,
    /** Absent for a new benefit; present to edit one. */
    benefitId: v.optional(idSchema),
    /** The number of earlier states the edited benefit had when the worker opened it (409 when stale). */
    revision: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    policyId: v.nullable(idSchema),
    policyTitle: shortText('政策名称', 60),
    kind: v.picklist(BENEFIT_KINDS, '请选择享受的政策类别'),
    amountFen: fenSchema('金额'),
    date: isoDateSchema,
    approvedBy: shortText('审批单位', 60),
    documentNo: shortText('文号', 60),
    overrideReason: v.optional(shortText('原因', 200), ''),
    note: v.optional(shortText('备注', 200), ''),
    /** Why an existing benefit is edited. */
    reason: v.optional(shortText('修改原因', 200), ''),
  }),
  v.forward(
    v.check((i) => i.policyId !== null || i.policyTitle.length >= 2, '请选择或填写政策名称'),
    ['policyTitle'],
  ),
  v.forward(
    v.check((i) => i.benefitId === undefined || i.revision !== undefined, '缺少版本号'),
    ['revision'],
  ),
  v.forward(
    v.check((i) => i.benefitId === undefined || i.reason.length >= 2, '请写明修改原因'),
    ['reason'],
  ),
)
export type LedgerBenefitInput = v.InferInput<typeof ledgerBenefitInput>

/**
 * `ledger.loanStep`: a new application (`step: 'applied'`, no `loanId`, a policy of the catalogue)
 * or the next step of one. A step out of order is 400; a step someone recorded meanwhile is 409
 * (`expect`: the number of steps the worker saw).
 */
export const ledgerLoanStepInput = v.pipe(
  v.object({
    id: idSchema,
    loanId: v.optional(idSchema),
    /** Steps the loan had when the worker opened it (0 for a new application). */
    expect: v.pipe(v.number('缺少版本号'), v.integer(), v.minValue(0)),
    policyId: v.optional(v.nullable(idSchema), null),
    step: v.picklist(LOAN_STEPS, '请选择环节'),
    date: isoDateSchema,
    actor: text('办理单位', 2, 60),
    amountFen: fenSchema('金额'),
    documentNo: shortText('文号', 60),
    repayDue: v.optional(optionalDateSchema, ''),
    interestDue: v.optional(optionalDateSchema, ''),
    overrideReason: v.optional(shortText('原因', 200), ''),
    note: v.optional(shortText('备注', 200), ''),
  }),
  v.forward(
    v.check((i) => (i.step === 'applied') === (i.loanId === undefined), '新申请不带贷款编号，后续环节要带'),
    ['loanId'],
  ),
  v.forward(
    v.check((i) => i.step !== 'applied' || !!i.policyId, '请选择贷款政策'),
    ['policyId'],
  ),
  v.forward(
    v.check((i) => i.repayDue === '' || i.repayDue >= i.date, '还款日期不能早于本环节日期'),
    ['repayDue'],
  ),
  v.forward(
    v.check((i) => i.interestDue === '' || i.interestDue >= i.date, '贴息申领日期不能早于本环节日期'),
    ['interestDue'],
  ),
)
export type LedgerLoanStepInput = v.InferInput<typeof ledgerLoanStepInput>

/** What a money write returns: the case's benefits and loans, so the page updates without a reload. */
export interface MoneyPatch {
  _id: string
  status: CaseStatus
  benefits: Benefit[]
  loans: Loan[]
  version: number
  updatedAt: string
}

/** `ledger.eligiblePolicies`: the policies a case may be given, each with its eligibility. */
export interface EligiblePolicy {
  _id: string
  title: string
  orgName: string
  category: string
  /** The benefit kind the policy delivers by default. */
  kind: BenefitKind
  /** Cap per benefit / loan amount (fen), or null. */
  capFen: number | null
  targetGroups: TargetGroup[]
  /** The policy's own conditions, for the worker to check with the resident. */
  conditions: string[]
  eligible: boolean
  /** Groups of the resident the policy is for. */
  matched: TargetGroup[]
  /** Why not eligible ([] when eligible). */
  reasons: string[]
}
export interface EligiblePoliciesOutput {
  items: EligiblePolicy[]
}

export const GAP_KINDS = ['unguided', 'overdue', 'due', 'unbenefited', 'loanDue'] as const
export type GapKind = (typeof GAP_KINDS)[number]
export const GAP_KIND_LABELS: Record<GapKind, string> = {
  unguided: '要帮扶但还没一对一指导',
  overdue: '回访已逾期',
  due: '今天该回访或已逾期',
  unbenefited: '应享未享政策',
  loanDue: '30 天内要还款或申领贴息',
}

export const ledgerGapsInput = v.object({
  kind: v.picklist(GAP_KINDS, '未知的清单'),
  communityId: v.optional(idSchema),
  after: cursorSchema,
  limit: limitSchema,
})

export interface GapRow extends LedgerRow {
  /** Why the case is on the list, in plain words. */
  reason: string
}
export type GapsOutput = PageOf<GapRow>

export const ledgerRevealInput = v.object({
  id: idSchema,
  field: v.picklist(['idCard', 'phone'] as const, '未知的字段'),
})

export interface RevealOutput {
  value: string
}

/** A ledger workbook (or one part of a split export): the file (see `FileRef`) and its row count. */
export interface ExportOutput extends FileRef {
  rows: number
}

/**
 * A finished export job (`ledger.exportJob`): the workbook in parts of at most 10,000 rows
 * (one part for most scopes), each with a fresh temporary link.
 */
export interface ExportJobResult {
  fileName: string
  rows: number
  parts: ExportOutput[]
}


/** `ledger.pair`: the caller (a leader) takes an entrepreneur's case for 重点扶持. */
export const pairInput = v.object({
  caseId: idSchema,
  reason: text('挂帮原因', 2, 200),
  pairedOn: isoDateSchema,
})
/** `ledger.unpair`: the leader ends their pairing, saying why. */
export const unpairInput = v.object({
  caseId: idSchema,
  reason: text('结束原因', 2, 200),
  unpairedOn: isoDateSchema,
})
/** `ledger.pairFollowUp`: a paired leader's follow-up on the case. */
export const pairFollowUpInput = v.object({
  caseId: idSchema,
  kind: v.picklist(FOLLOW_UP_KINDS, '请选择跟进方式'),
  date: isoDateSchema,
  note: text('跟进内容', 2, 500),
  outcome: v.pipe(v.string('结果应为文字'), v.trim(), v.maxLength(200, '结果最多 200 个字')),
  nextFollowUpDate: optionalDateSchema,
})
/** `ledger.paired`: my pairings (`due`: only those needing my follow-up today). */
export const pairedInput = v.object({ due: v.optional(v.boolean(), false) })

/** One of a leader's pairings with the case it names (no identifiers beyond the name). */
export interface PairedCase {
  caseId: string
  name: string
  communityName: string
  reason: string
  pairedOn: string
  lastFollowUpOn: string
  dueOn: string
  due: boolean
}

/** A case's pairings, as the case page shows them. */
export interface PairingView {
  leaderId: string
  /** The caller is this leader (the case page offers 记录挂帮跟进 / 结束挂帮). */
  mine: boolean
  leaderName: string
  leaderOrgName: string
  active: boolean
  reason: string
  pairedOn: string
  unpairedOn: string
  unpairReason: string
  lastFollowUpOn: string
}
