import * as v from 'valibot'
import type { FileRef } from './file'
import {
  type Level,
  type SatisfactionIndex,
  type Survey,
  SURVEY_KINDS,
  SURVEY_STATUSES,
  SURVEY_TEMPLATE_KEYS,
  type AnySurveyKind,
  type SurveyState,
  type SurveyStatus,
} from '../domain/survey'
import type { CensusFigure, LocalAverage } from '../domain/census'
import type { OrgRef } from './indices'
import { cursorSchema, idSchema, isoDateSchema, limitSchema, type PageOf, text, editVersionSchema, versionWhenEditing } from './common'

export const surveyIdInput = v.object({ id: idSchema })

/** `survey.open`: the surveys a resident may answer now, and recent results of their community. */
export const surveyOpenInput = v.object({})

/** `survey.list`: the staff list of surveys in the caller's org and below. */
export const surveyListInput = v.object({
  status: v.optional(v.picklist(SURVEY_STATUSES, '未知的状态')),
  /** Only published surveys whose last day falls within the coming 7 days (today included). */
  closing: v.optional(v.boolean('筛选格式不对'), false),
  after: cursorSchema,
  limit: limitSchema,
})
export type SurveyListInput = v.InferInput<typeof surveyListInput>

const levelSchema = v.pipe(
  v.number('请选择满意程度'),
  v.integer('请选择满意程度'),
  v.minValue(1, '请选择满意程度'),
  v.maxValue(5, '请选择满意程度'),
  v.transform((n) => n as Level),
)

const questionIdSchema = v.pipe(v.string('缺少题目编号'), v.regex(/^[a-z][a-z0-9]{0,11}$/, '题目编号格式不对'))
const dimensionKeySchema = v.pipe(v.string('缺少维度编号'), v.regex(/^[a-z][A-Za-z0-9]{0,23}$/, '维度编号格式不对'))

/** `survey.answer`: one level per question in the survey's order, and optional comments. */
export const surveyAnswerInput = v.object({
  id: idSchema,
  levels: v.pipe(v.array(levelSchema, '请回答每一题'), v.minLength(1, '请回答每一题'), v.maxLength(40, '题目过多')),
  comments: v.optional(
    v.pipe(
      v.array(v.object({ question: questionIdSchema, text: text('想说的话', 1, 300) }), '意见格式不对'),
      v.maxLength(40, '意见过多'),
    ),
    [],
  ),
  /**
   * One tap's id: a retry after a dropped connection carries the same id and is answered with
   * what the first call did, without replacing the answer or moving the tally again.
   */
  requestId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对'))),
})
export type SurveyAnswerInput = v.InferInput<typeof surveyAnswerInput>

/** `survey.results`: the index; staff also page through comments with `commentsAfter`. */
export const surveyResultsInput = v.object({ id: idSchema, commentsAfter: cursorSchema })

const periodSchema = v.pipe(v.string('请选择季度'), v.regex(/^\d{4}-Q[1-4]$/, '季度格式应为 2026-Q4'))

/** The editable part of a survey: the staff editor's form and `survey.save` share it. */
export const surveyDraftSchema = v.pipe(
  v.object({
    /** Absent for a new survey. */
    id: v.optional(idSchema),
    /** The version being edited; required with `id`. */
    version: editVersionSchema,
    template: v.nullable(v.picklist(SURVEY_TEMPLATE_KEYS, '未知的模板')),
    title: text('问卷标题', 4, 40),
    kind: v.picklist(SURVEY_KINDS, '请选择问卷类型'),
    period: periodSchema,
    opensOn: isoDateSchema,
    closesOn: isoDateSchema,
    intro: text('开头说明', 0, 200),
    dimensions: v.pipe(
      v.array(
        v.object({
          key: dimensionKeySchema,
          label: text('维度名称', 2, 12),
          weight: v.pipe(v.number('权重应为数字'), v.minValue(0.1, '权重至少 0.1'), v.maxValue(100, '权重最多 100')),
        }),
        '请设置维度',
      ),
      v.minLength(1, '至少需要一个维度'),
      v.maxLength(12, '维度最多 12 个'),
    ),
    questions: v.pipe(
      v.array(
        v.object({
          id: questionIdSchema,
          text: text('题目', 4, 80),
          dimension: dimensionKeySchema,
          allowComment: v.boolean('请选择是否可以填写意见'),
          options: v.optional(v.pipe(v.array(text('选项', 1, 24), '选项格式不对'), v.minLength(2, '至少两个选项'), v.maxLength(5, '选项最多 5 个'))),
        }),
        '请设置题目',
      ),
      v.minLength(1, '至少需要一道题'),
      v.maxLength(30, '题目最多 30 道'),
    ),
    eventId: v.optional(v.nullable(idSchema), null),
  }),
  v.forward(
    v.partialCheck([['opensOn'], ['closesOn']], (s) => s.closesOn >= s.opensOn, '结束日期不能早于开始日期'),
    ['closesOn'],
  ),
  versionWhenEditing(),
)
export type SurveyDraft = v.InferOutput<typeof surveyDraftSchema>
export type SurveyDraftInput = v.InferInput<typeof surveyDraftSchema>

/**
 * Checks across fields the schema cannot express per field: unique keys, every question in a
 * known dimension, every dimension with a question. Paths name the field in error.
 */
export function surveyDraftProblems(d: Pick<SurveyDraft, 'dimensions' | 'questions'>): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = []
  const keys = new Set<string>()
  d.dimensions.forEach((dim, i) => {
    if (keys.has(dim.key)) out.push({ path: `dimensions.${i}.key`, message: '维度编号重复' })
    keys.add(dim.key)
  })
  const ids = new Set<string>()
  d.questions.forEach((q, i) => {
    if (ids.has(q.id)) out.push({ path: `questions.${i}.id`, message: '题目编号重复' })
    ids.add(q.id)
    if (!keys.has(q.dimension)) out.push({ path: `questions.${i}.dimension`, message: '请为这道题选择维度' })
  })
  d.dimensions.forEach((dim, i) => {
    if (!d.questions.some((q) => q.dimension === dim.key)) {
      out.push({ path: `dimensions.${i}.key`, message: `“${dim.label}”还没有题目，请添加题目或删掉这个维度` })
    }
  })
  return out
}

/** What clients see of a survey. */
export type SurveyView = Omit<Survey, 'orgPath' | 'updatedBy'> & {
  state: SurveyState
  /** The caller may edit (draft, in scope, may write). */
  editable: boolean
}

/** `survey.get`: the survey and, for a resident, whether and how they answered. */
export interface SurveyDetail {
  survey: SurveyView
  /** Resident: they have a response (a new one replaces it until the survey closes). */
  answered: boolean
  /** Resident: their own answer, to start from when they change it. */
  mine: { levels: Level[]; comments: { question: string; text: string }[] } | null
  /**
   * Resident: not theirs to answer: another community's survey (by the community they held when
   * it opened), or an event survey of an event they did not sign up for.
   */
  outOfScope: boolean
  /** Resident: choose a community first (environment and service surveys ask residents of one). */
  needsCommunity: boolean
  /** Resident: the once-only rule as it applies to them, to state on the page. */
  limitNote: string
}

/** A row of the resident's list. */
export interface SurveyCard {
  _id: string
  title: string
  kind: AnySurveyKind
  orgName: string
  period: string
  closesOn: string
  questionCount: number
  state: SurveyState
  answered: boolean
}

export interface SurveyOpenOutput {
  /** The resident has not chosen a community yet: nothing to list. */
  needsCommunity: boolean
  open: SurveyCard[]
  /** Recently closed surveys of the community, with results to read. */
  closed: SurveyCard[]
}

export interface SurveyListItem {
  _id: string
  title: string
  kind: AnySurveyKind
  orgName: string
  period: string
  opensOn: string
  closesOn: string
  status: SurveyStatus
  state: SurveyState
  questionCount: number
  updatedAt: string
  /** Responses so far (null for drafts). */
  n: number | null
}

export type SurveyListOutput = PageOf<SurveyListItem>

/** A free-text comment as staff read it: the question, the text, no identity, no time. */
export interface SurveyComment {
  question: string
  questionText: string
  text: string
}

export interface SurveyResults {
  survey: Pick<SurveyView, '_id' | 'title' | 'kind' | 'orgName' | 'period' | 'opensOn' | 'closesOn' | 'closedAt' | 'state'>
  index: SatisfactionIndex
  /** Staff: the same org's survey of the same kind in the previous quarter, if any. */
  previous: { surveyId: string; title: string; period: string; index: SatisfactionIndex } | null
  /** Staff: a page of comments; null for residents. */
  comments: PageOf<SurveyComment> | null
}

/** `survey.export`: an .xlsx workbook, base64, for the client to save or open. */
/** `survey.export`: the workbook as a file to download (a cloud file id on CloudBase, a link locally). */
export interface SurveyExport extends FileRef {
  bytes: number
}

/** `survey.census`: the published 市民创业状况调查 of a year, for the city or one district or street. */
export const censusInput = v.object({
  year: v.optional(v.pipe(v.number('年份应为数字'), v.integer('年份应为整数'), v.minValue(2010, '年份有误'), v.maxValue(2100, '年份有误'))),
  orgId: v.optional(idSchema),
})

/** 当地平均数 of the 创业活动指数 as published. */
export interface LocalAverageView {
  year: number
  /** 0–100. */
  percent: number
  source: LocalAverage['source']
  sourceLabel: string
  num: number | null
  den: number | null
  setAt: string
}

/** One child group on the public page (a district or a street): n always, the rest when published. */
export interface CensusRow {
  org: OrgRef
  n: number
  hidden: boolean
  hiddenReason: CensusFigure['hiddenReason']
  engaged: number | null
  intending: number | null
}

export interface CensusOutput {
  year: number
  /** Fewest respondents a published figure may have. */
  minN: number
  org: OrgRef
  /** From the city down to `org`: the page's way back up. */
  trail: OrgRef[]
  figure: CensusFigure
  children: CensusRow[]
  /** Communities under `org` with at least one answer this year. */
  communitiesAnswered: number
  average: LocalAverageView | null
}
