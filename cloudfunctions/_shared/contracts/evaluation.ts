import * as v from 'valibot'
import type { FileRef } from './file'
import {
  DEADLINE_KEYS,
  type DeadlineKey,
  type EvaluationApplication,
  type EvaluationAward,
  type EvaluationDeadlines,
  type EvaluationRevocation,
  type EvaluationStatus,
  SPOT_METHODS,
  type SpotSummary,
} from '../domain/evaluation'
import { CRITERIA, INDEX_KEYS, type IndexKey } from '../domain/indices'
import { type ReviewScore, RUBRIC_KINDS, RUBRIC_TOTAL, type RubricItem, SCORE_LEVELS, type ScoreLevel } from '../domain/review-rubric'
import { idSchema, isoDateSchema, text } from './common'

const yearSchema = v.pipe(v.number('请选择年度'), v.integer('年度应为整数'), v.minValue(2020, '年度不早于 2020'), v.maxValue(2100, '年度不晚于 2100'))

/** An application id: `<communityId>:<year>`. */
export const applicationIdSchema = v.pipe(v.string('缺少申报编号'), v.trim(), v.regex(/^[A-Za-z0-9_-]{1,64}:\d{4}$/, '申报编号格式不对'))
const versionSchema = v.pipe(v.number('缺少版本号'), v.integer('版本号应为整数'), v.minValue(1, '版本号不对'))
const opinionSchema = text('意见', 2, 1000)

/** `evaluation.list`: the applications of the caller's scope for a year (communities without one show as `none`). */
export const listInput = v.object({ year: yearSchema })
export type EvaluationListInput = v.InferInput<typeof listInput>

export const getInput = v.object({ id: applicationIdSchema })

const formTextSchema = v.object({
  contactName: v.pipe(v.string('请填写联系人'), v.trim(), v.maxLength(20, '联系人最多 20 个字')),
  contactPhone: v.pipe(v.string('请填写联系电话'), v.trim(), v.regex(/^$|^[0-9-]{7,20}$/, '联系电话只能是数字和短横线')),
  overview: v.pipe(v.string('请填写社区基本情况'), v.trim(), v.maxLength(2000, '社区基本情况最多 2000 个字')),
})

const reportSchema = v.object({
  sections: v.pipe(
    v.array(v.object({ criterion: v.picklist(CRITERIA, '没有这项创建标准'), text: v.pipe(v.string('请填写自评内容'), v.trim(), v.maxLength(2000, '每项自评最多 2000 个字')) })),
    v.check((s) => new Set(s.map((x) => x.criterion)).size === s.length, '每项创建标准只写一段'),
  ),
  summary: v.pipe(v.string('请填写总结'), v.trim(), v.maxLength(3000, '总结最多 3000 个字')),
})

/**
 * `evaluation.draft`: opens (or edits) the caller's community's application for `year`. A new
 * one is filled from the year's data; `refresh` re-reads the figures; `form` / `report` replace
 * the community's own text. Edits name the version they started from.
 */
export const draftInput = v.object({
  year: yearSchema,
  version: v.optional(versionSchema),
  refresh: v.optional(v.boolean(), false),
  form: v.optional(formTextSchema),
  report: v.optional(reportSchema),
})
export type DraftInput = v.InferInput<typeof draftInput>

export const submitInput = v.object({ id: applicationIdSchema, version: versionSchema })

/** `evaluation.review`: the street passes or returns (with reasons) a submitted application. */
export const reviewInput = v.object({ id: applicationIdSchema, version: versionSchema, decision: v.picklist(['pass', 'return'], '请选择通过或退回'), opinion: opinionSchema })
export type ReviewInput = v.InferInput<typeof reviewInput>

/** `evaluation.certify`: the district certifies or rejects (with reasons) an application the street passed. */
export const certifyInput = v.object({ id: applicationIdSchema, version: versionSchema, decision: v.picklist(['certify', 'reject'], '请选择认定或不予认定'), opinion: opinionSchema })
export type CertifyInput = v.InferInput<typeof certifyInput>

/**
 * `evaluation.spotCheck`: the city's spot check of a certified community. `questionnaire` sends
 * the community's residents the spot-check survey (open until `closesOn`); `conclude` records how
 * the city checked and what it found, and closes the check.
 */
export const spotCheckInput = v.variant('step', [
  v.object({ id: applicationIdSchema, step: v.literal('questionnaire'), closesOn: isoDateSchema }),
  v.object({
    id: applicationIdSchema,
    step: v.literal('conclude'),
    version: versionSchema,
    methods: v.pipe(v.array(v.picklist(SPOT_METHODS, '没有这种抽查方式')), v.minLength(1, '请至少选择一种抽查方式')),
    findings: opinionSchema,
  }),
])
export type SpotCheckInput = v.InferInput<typeof spotCheckInput>

/** `evaluation.sample`: draws `size` ledger residents with the officer's `seed` (same seed, same people). */
export const sampleInput = v.object({
  id: applicationIdSchema,
  seed: v.pipe(v.string('请填写抽样种子'), v.trim(), v.minLength(1, '请填写抽样种子'), v.maxLength(40, '抽样种子最多 40 个字符')),
  size: v.optional(v.pipe(v.number('抽样人数应为数字'), v.integer('抽样人数应为整数'), v.minValue(1, '至少抽 1 人'), v.maxValue(50, '最多抽 50 人')), 10),
})
export type SampleInput = v.InferInput<typeof sampleInput>

/** `evaluation.recordCall`: one phone follow-up's outcome (a later call replaces it). */
export const recordCallInput = v.pipe(
  v.object({
    id: applicationIdSchema,
    intentId: idSchema,
    reached: v.boolean('请选择是否接通'),
    confirms: v.optional(v.nullable(v.boolean()), null),
    satisfaction: v.optional(v.nullable(v.pipe(v.number('满意度应为数字'), v.integer('满意度应为整数'), v.minValue(1, '满意度 1–5 分'), v.maxValue(5, '满意度 1–5 分'))), null),
    remarks: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(500, '备注最多 500 个字')),
  }),
  v.forward(
    v.check((i) => !i.reached || i.confirms !== null, '接通后请选择居民是否确认受到帮扶'),
    ['confirms'],
  ),
)
export type RecordCallInput = v.InferInput<typeof recordCallInput>

/** `evaluation.revealPhone`: a sampled resident's full number, audited. */
export const revealPhoneInput = v.object({ id: applicationIdSchema, intentId: idSchema })

/** `evaluation.select`: names a spot-checked community a demonstration community. */
export const selectInput = v.object({ id: applicationIdSchema, version: versionSchema, opinion: opinionSchema })

/** `evaluation.ranking`: spot-checked and selected communities in scope, best first. */
export const rankingInput = v.object({ year: yearSchema })

/** `evaluation.deadlines`: reads a year's deadlines; with `set`, the city changes them. */
export const deadlinesInput = v.pipe(
  v.object({
    year: yearSchema,
    set: v.optional(v.object({ apply: isoDateSchema, review: isoDateSchema, certify: isoDateSchema, spotCheck: isoDateSchema })),
  }),
  // Each deadline no earlier than the one before it, named by its field.
  v.forward(v.check((i) => !i.set || i.set.review >= i.set.apply, '街道初评截止日不能早于社区申报截止日'), ['set', 'review']),
  v.forward(v.check((i) => !i.set || i.set.certify >= i.set.review, '区县认定截止日不能早于街道初评截止日'), ['set', 'certify']),
  v.forward(v.check((i) => !i.set || i.set.spotCheck >= i.set.certify, '市级抽查截止日不能早于区县认定截止日'), ['set', 'spotCheck']),
)

const reasonSchema = text('原因', 2, 200)

/** `evaluation.extend`: one step's deadline later, for one community or (no `communityId`) all. */
export const extendInput = v.object({
  year: yearSchema,
  step: v.picklist(DEADLINE_KEYS, '请选择要延期的环节'),
  until: isoDateSchema,
  communityId: v.optional(v.nullable(idSchema)),
  reason: reasonSchema,
})
export type ExtendInput = v.InferInput<typeof extendInput>

export interface ExtendOutput {
  year: number
  communityId: string | null
  /** The deadlines now in force (the community's own when one was named). */
  deadlines: EvaluationDeadlines
  /** Later steps moved with it so the order holds. */
  moved: DeadlineKey[]
}

/** `evaluation.reopen`: an application goes back to its community to be changed and resubmitted. */
export const reopenInput = v.object({ id: applicationIdSchema, reason: reasonSchema })

/** `evaluation.award`: the city's 命名/授牌 of a certified community. */
export const awardInput = v.object({
  id: applicationIdSchema,
  date: isoDateSchema,
  documentNo: text('命名文件文号', 2, 50),
  /** A scanned certificate uploaded like a photo, or null. */
  certificate: v.optional(v.nullable(v.pipe(v.string('证书文件不对'), v.minLength(1, '证书文件不对'), v.maxLength(300, '证书文件不对'))), null),
})
export type AwardInput = v.InferInput<typeof awardInput>

/** `evaluation.certificate`: a temporary link to the scanned 授牌 certificate of an application. */
export interface CertificateOutput {
  url: string
  expiresAt: string
}

/** `evaluation.revoke` (动态管理): the title withdrawn. */
export const revokeInput = v.object({ id: applicationIdSchema, date: isoDateSchema, documentNo: text('撤销文件文号', 2, 50), reason: reasonSchema })
export type RevokeInput = v.InferInput<typeof revokeInput>

/** `evaluation.remindBehind`: the city reminds everyone behind on a step (default: the earliest step with work pending). */
export const remindBehindInput = v.object({ year: yearSchema, step: v.optional(v.picklist(DEADLINE_KEYS, '请选择环节')) })

export interface RemindBehindOutput {
  step: DeadlineKey | null
  /** Communities behind on the step. */
  behind: { communityId: string; communityName: string; status: EvaluationStatus | 'none' }[]
  /** Inbox messages written, and subscribe messages WeChat took. */
  sent: number
  pushed: number
}
export type DeadlinesInput = v.InferInput<typeof deadlinesInput>

/** `evaluation.remind`: puts deadline reminders into staff inboxes (admin; also the daily timer). */
export const remindInput = v.object({})

/** `evaluation.documents`: the 申报表 and self-evaluation report as one .xlsx download. */
export const documentsInput = v.object({ id: applicationIdSchema })

/** A sampled resident as the spot-check screen shows them (masked phone). */
export interface SampleRow {
  intentId: string
  name: string
  phoneMasked: string
  stage: string
  ventures: number
  benefits: number
  call: EvaluationApplication['calls'][number] | null
}

/** One application as staff see it, with what the caller may do next. */
export type ApplicationView = Omit<EvaluationApplication, 'communityPath' | 'award' | 'revocation'> & {
  /** This community's deadlines (the year's, with its own extensions). */
  deadlines: EvaluationDeadlines
  /** The steps whose deadline was extended for this community only. */
  extended: DeadlineKey[]
  award: EvaluationAward | null
  revocation: EvaluationRevocation | null
  summary: SpotSummary
  sampleRows: SampleRow[]
  may: { edit: boolean; submit: boolean; review: boolean; certify: boolean; spotCheck: boolean; select: boolean; documents: boolean; manage: boolean }
  /**
   * Once submitted the figures are a snapshot: the figures as they read today, where they differ
   * from it (null while the application is still a draft, or when nothing differs).
   */
  live: LiveFigures | null
}

/** Today's figures beside a submitted snapshot. */
export interface LiveFigures {
  asOf: string
  definitionVersion: number
  /** The snapshot's definition version (1 for snapshots taken before versions were recorded). */
  snapshotVersion: number
  changed: { label: string; snapshot: string; live: string }[]
}

/** A community's line in a list: its application's status, or `none` before it opens one. */
export interface ApplicationListItem {
  communityId: string
  communityName: string
  id: string | null
  status: EvaluationStatus | 'none'
  updatedAt: string | null
  /** The latest step's note (the reasons of a return or rejection). */
  lastNote: string
  /** Waiting on the caller's level. */
  mine: boolean
}

export interface ListOutput {
  year: number
  deadlines: EvaluationDeadlines
  items: ApplicationListItem[]
  /** Whether the caller may open an application (community lead of a community). */
  mayApply: boolean
  /** Whether the caller runs the year (deadlines, extensions, reminders, 命名/授牌): the city. */
  mayManage: boolean
}

export interface RankingRow {
  id: string
  communityId: string
  communityName: string
  status: EvaluationStatus
  summary: SpotSummary
  rank: number
}

export interface DeadlinesOutput extends EvaluationDeadlines {
  year: number
  custom: boolean
  mayEdit: boolean
}

export interface RemindOutput {
  sent: number
  today: string
}

/** The application form and self-evaluation report as one workbook (see `FileRef`). */
export type DocumentsOutput = FileRef


// ——— 评审内容与评分 (see `domain/review-rubric.ts`) ———

const rubricItemSchema = v.object({
  key: v.pipe(v.string('缺少评审项编号'), v.trim(), v.regex(/^[A-Za-z0-9_-]{1,20}$/, '评审项编号只能是 1–20 位字母、数字')),
  kind: v.picklist(RUBRIC_KINDS, '请选择定性或定量'),
  label: text('评审内容', 2, 100),
  weight: v.pipe(v.number('请填写权重'), v.integer('权重应为整数'), v.minValue(1, '权重至少 1 分'), v.maxValue(RUBRIC_TOTAL, `权重最多 ${RUBRIC_TOTAL} 分`)),
  max: v.pipe(v.number('请填写满分'), v.integer('满分应为整数'), v.minValue(1, '满分至少 1'), v.maxValue(100, '满分最多 100')),
  indices: v.pipe(v.optional(v.array(v.picklist(INDEX_KEYS, '没有这个指数')), []), v.maxLength(3, '每项最多引用 3 个指数')),
})

/** `evaluation.rubric`: a district's 评审内容 for a year (the caller's own district, or `districtId` in scope). */
export const rubricInput = v.object({ year: yearSchema, districtId: v.optional(idSchema) })

/**
 * `evaluation.defineRubric`: the district writes its 评审内容 for a year. Weights add up to 100;
 * keys are unique; 定量 items name at least one index, 定性 items none.
 */
export const defineRubricInput = v.object({
  year: yearSchema,
  version: v.optional(versionSchema),
  items: v.pipe(
    v.array(rubricItemSchema, '请填写评审内容'),
    v.minLength(1, '至少一项评审内容'),
    v.maxLength(30, '评审内容最多 30 项'),
    v.check((xs) => new Set(xs.map((x) => x.key)).size === xs.length, '评审项编号不能重复'),
    v.check((xs) => xs.reduce((a, x) => a + x.weight, 0) === RUBRIC_TOTAL, `各项权重合计应为 ${RUBRIC_TOTAL} 分`),
    v.check((xs) => xs.every((x) => (x.kind === 'quantitative') === (x.indices.length > 0)), '定量项请选择它依据的指数，定性项不选'),
  ),
})
export type DefineRubricInput = v.InferInput<typeof defineRubricInput>

/** `evaluation.closeRubric`: the district closes its year's scoring (or reopens it). */
export const closeRubricInput = v.object({ year: yearSchema, closed: v.boolean('请选择关闭或重新打开') })

/** `evaluation.scoreSheet`: a community's rubric, hints and every level's scores for a year. */
export const scoreSheetInput = v.object({ communityId: idSchema, year: yearSchema })

/**
 * `evaluation.score`: the caller's level scores a community (`submit` locks it). Each score lies
 * in its item's range (checked against the rubric: 400 naming `items.<i>.score`).
 */
export const scoreInput = v.object({
  communityId: idSchema,
  year: yearSchema,
  version: v.optional(versionSchema),
  submit: v.optional(v.boolean(), false),
  items: v.pipe(
    v.array(
      v.object({
        key: v.pipe(v.string('缺少评审项编号'), v.trim(), v.minLength(1, '缺少评审项编号')),
        score: v.pipe(v.number('请填写分数'), v.finite('请填写分数')),
        comment: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(500, '评语最多 500 个字')),
      }),
      '请填写评分',
    ),
    v.maxLength(30, '评分最多 30 项'),
    v.check((xs) => new Set(xs.map((x) => x.key)).size === xs.length, '每项只评一次'),
  ),
})
export type ScoreInput = v.InferInput<typeof scoreInput>

/** `evaluation.reopenScore`: the level above sends a submitted score back to be changed. */
export const reopenScoreInput = v.object({ communityId: idSchema, year: yearSchema, level: v.picklist(SCORE_LEVELS, '请选择评分层级'), reason: text('原因', 2, 200) })

/** `evaluation.scoreRanking`: the communities in scope ranked per district by the reviewers' totals. */
export const scoreRankingInput = v.object({ year: yearSchema })

export interface RubricOutput {
  year: number
  districtId: string
  districtName: string
  /** The district's own rubric, or seed 000's items when it has not written one (`custom: false`). */
  items: RubricItem[]
  custom: boolean
  closed: boolean
  version: number
  /** Submitted scores given against it (the items cannot change while there are any). */
  submitted: number
  mayEdit: boolean
  mayClose: boolean
  /** The indices a 定量 item may draw on, with their names. */
  indexOptions: { key: IndexKey; label: string }[]
}

/** What a 定量 item's indices read today for the community (a hint, not the score). */
export interface ScoreHint {
  key: IndexKey
  label: string
  value: string
  detail: string
}

export type ScoreView = Omit<ReviewScore, 'communityPath'>

export interface ScoreSheetOutput {
  year: number
  communityId: string
  communityName: string
  districtId: string
  districtName: string
  /** The district's rubric (null when it has not written one: nobody can score yet). */
  items: RubricItem[] | null
  closed: boolean
  hints: Record<string, ScoreHint[]>
  scores: Record<ScoreLevel, ScoreView | null>
  /** The caller's level, when they score this community. */
  mine: ScoreLevel | null
  may: { score: boolean; reopen: ScoreLevel[] }
}

export interface ScoreRankingRow {
  communityId: string
  communityName: string
  street: number | null
  district: number | null
  /** Mean of the submitted street and district totals: what the ranking uses. */
  reviewers: number | null
  /** The city's spot-check score, shown beside (not ranked by). */
  city: number | null
  /** 1-based, null while the community has no submitted reviewer score. */
  rank: number | null
  /** Submitted and not yet scored by the caller's level (评审待打分); absent when the caller does not score. */
  toScore?: boolean
}

export interface ScoreRankingOutput {
  year: number
  districts: { districtId: string; districtName: string; hasRubric: boolean; closed: boolean; rows: ScoreRankingRow[] }[]
}
