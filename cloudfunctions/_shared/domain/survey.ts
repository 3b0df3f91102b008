/**
 * Satisfaction surveys (seed 000 §三(三): residents' satisfaction with the entrepreneurial
 * environment and with the community's entrepreneurship services) and the satisfaction index
 * (DESIGN.md targets table): 5-point answers mapped linearly to 0–100, mean per question and per
 * dimension, a weighted composite, 满意率, n, and a low-confidence flag when n < 30.
 */
import type { OrgResource } from './org'
import type { Contribution } from './counter'
import type { AnySurveyKind } from './survey-kinds'

export { SURVEY_KINDS, type SurveyKind, type AnySurveyKind, SURVEY_KIND_LABELS } from './survey-kinds'

export const SURVEY_STATUSES = ['draft', 'published', 'closed'] as const
export type SurveyStatus = (typeof SURVEY_STATUSES)[number]

/**
 * What a survey is at a moment: `scheduled` is published but not yet open, `closed` is closed by
 * staff or past its last day.
 */
export type SurveyState = 'draft' | 'scheduled' | 'open' | 'closed'

export const SURVEY_STATE_LABELS: Record<SurveyState, string> = {
  draft: '草稿',
  scheduled: '未开始',
  open: '进行中',
  closed: '已结束',
}

/** The five answers, best first as residents read them; the stored level is 5 (best) … 1. */
export const LEVELS = [5, 4, 3, 2, 1] as const
export type Level = 1 | 2 | 3 | 4 | 5

export const LEVEL_LABELS: Record<Level, string> = {
  5: '非常满意',
  4: '满意',
  3: '一般',
  2: '不满意',
  1: '非常不满意',
}

/** Linear map of a level to 0–100: 非常不满意 0, 不满意 25, 一般 50, 满意 75, 非常满意 100. */
export function levelScore(level: Level): number {
  return (level - 1) * 25
}

/** 满意率 counts answers at this level or better (满意, 非常满意). */
export const SATISFIED_FROM: Level = 4

/** Below this many responses the index is shown with a low-confidence warning. */
export const LOW_CONFIDENCE_N = 30

/** A dimension of the index with its weight; weights are relative (default equal). */
export interface SurveyDimension {
  /** Short ascii key, e.g. `financing`; stable across periods so dimensions compare. */
  key: string
  label: string
  weight: number
}

/** One question: a statement rated on the 5-point scale, optionally with a free-text comment. */
export interface SurveyQuestion {
  /** Short ascii id, unique in the survey, e.g. `q3`; names the tally fields. */
  id: string
  text: string
  dimension: string
  /** Offer an optional "想说的话" box under this question. */
  allowComment: boolean
  /**
   * A choice question (the 市民创业状况调查): the 2–5 answers offered, first = stored level 5,
   * second = 4, and so on. Absent: the 5-point satisfaction scale.
   */
  options?: string[]
}

/** The levels a question offers, in the order they are shown. */
export function questionLevels(q: Pick<SurveyQuestion, 'options'>): readonly Level[] {
  return q.options ? LEVELS.slice(0, q.options.length) : LEVELS
}

/** What a stored level of a question reads as: its option, or the satisfaction scale's word. */
export function levelLabel(q: Pick<SurveyQuestion, 'options'>, level: Level): string {
  return q.options ? (q.options[5 - level] ?? '') : LEVEL_LABELS[level]
}

/**
 * A satisfaction survey of an org (usually a community) for one quarter. The org is its scope: its
 * residents answer, its staff and the offices above read the results.
 */
export interface Survey extends OrgResource {
  title: string
  kind: AnySurveyKind
  /** Template it was created from, if any. */
  template: SurveyTemplateKey | 'spotcheck' | null
  /** Reporting quarter, `2026-Q4`. */
  period: string
  /** First and last day residents may answer (Shanghai dates, inclusive). */
  opensOn: string
  closesOn: string
  /** A sentence or two shown before the first question. */
  intro: string
  dimensions: SurveyDimension[]
  questions: SurveyQuestion[]
  /** The promotion event this survey is answered at, if any (the event links back to it). */
  eventId: string | null
  status: SurveyStatus
  /** '' until published / closed. */
  publishedAt: string
  closedAt: string
}

/**
 * One resident's answers. Its id is a keyed hash of (survey, resident), so a resident has at most
 * one and can replace it, while the document itself names nobody.
 */
/**
 * The browser build's once-per-device claim on a survey: id = keyed hash of (survey, device);
 * it keeps the id of the response it belongs to, so that response can still be replaced from
 * the same device while another identity on the device is refused.
 */
export interface SurveyDeviceSlot {
  _id: string
  surveyId: string
  responseId: string
}

export interface SurveyResponse {
  _id: string
  surveyId: string
  /** Levels in the order of the survey's questions. */
  levels: Level[]
  comments: { question: string; text: string }[]
  hasComment: boolean
  /** Shanghai date of the first submission: which period's counters the response counts in. */
  firstOn: string
  /** Times the answer was replaced. */
  revisions: number
  /** Keyed hash of the request id of the last submission (a retry of it changes nothing). */
  lastRequest?: string
}

/**
 * Per-survey tally, updated in the answer's transaction: `n` responses and, per question and
 * level, `c_<questionId>_<level>` answers. The results page is this one read.
 */
export interface SurveyTally {
  _id: string
  surveyId: string
  n: number
  [count: string]: string | number
}

export function tallyField(questionId: string, level: Level): string {
  return `c_${questionId}_${level}`
}

/** The tally document of a survey before any answer. */
export function emptyTally(survey: Pick<Survey, '_id' | 'questions'>): SurveyTally {
  const tally: SurveyTally = { _id: survey._id, surveyId: survey._id, n: 0 }
  for (const q of survey.questions) for (const l of LEVELS) tally[tallyField(q.id, l)] = 0
  return tally
}

/**
 * What to add to the tally when `next` replaces `previous` (null for a first answer): the old
 * answer's levels come off, the new ones go on, and `n` moves only for a first answer.
 */
export function tallyDelta(
  questions: readonly Pick<SurveyQuestion, 'id'>[],
  previous: readonly Level[] | null,
  next: readonly Level[],
): Record<string, number> {
  const inc: Record<string, number> = {}
  const add = (field: string, by: number) => {
    inc[field] = (inc[field] ?? 0) + by
  }
  questions.forEach((q, i) => {
    if (previous) add(tallyField(q.id, previous[i]), -1)
    add(tallyField(q.id, next[i]), 1)
  })
  if (!previous) inc.n = 1
  return Object.fromEntries(Object.entries(inc).filter(([, by]) => by !== 0))
}

/** Recounts a tally from raw responses (reconciliation and tests). */
export function tallyFromResponses(survey: Pick<Survey, '_id' | 'questions'>, responses: Iterable<Pick<SurveyResponse, 'levels'>>): SurveyTally {
  const tally = emptyTally(survey)
  for (const r of responses) {
    tally.n += 1
    survey.questions.forEach((q, i) => {
      const f = tallyField(q.id, r.levels[i])
      tally[f] = (tally[f] as number) + 1
    })
  }
  return tally
}

/** Level counts of one question, index 0 = level 1 … index 4 = level 5. */
export type LevelCounts = [number, number, number, number, number]

export interface QuestionResult {
  id: string
  text: string
  dimension: string
  counts: LevelCounts
  n: number
  /** Mean on 0–100, null with no answers. */
  score: number | null
  /** Share (0–1) answering 满意 or better, null with no answers. */
  satisfactionRate: number | null
}

export interface DimensionResult {
  key: string
  label: string
  weight: number
  /** Answers to this dimension's questions. */
  answers: number
  /** Mean of every answer to the dimension's questions, 0–100. */
  score: number | null
}

/** The satisfaction index of one survey. */
export interface SatisfactionIndex {
  /** Responses (people). */
  n: number
  /** Weighted mean of the dimension scores, 0–100. */
  composite: number | null
  /** Share (0–1) of all answers at 满意 or better. */
  satisfactionRate: number | null
  /** n < 30: too few responses to rely on. */
  lowConfidence: boolean
  dimensions: DimensionResult[]
  questions: QuestionResult[]
}

function countsOf(tally: SurveyTally, questionId: string): LevelCounts {
  const c = (l: Level) => Number(tally[tallyField(questionId, l)] ?? 0)
  return [c(1), c(2), c(3), c(4), c(5)]
}

function meanScore(counts: LevelCounts): { n: number; sum: number; satisfied: number } {
  let n = 0
  let sum = 0
  let satisfied = 0
  counts.forEach((count, i) => {
    const level = (i + 1) as Level
    n += count
    sum += count * levelScore(level)
    if (level >= SATISFIED_FROM) satisfied += count
  })
  return { n, sum, satisfied }
}

/** The index from a survey's tally. Dimensions without answers drop out of the composite. */
export function computeIndex(survey: Pick<Survey, 'questions' | 'dimensions'>, tally: SurveyTally | null): SatisfactionIndex {
  const t = tally ?? { _id: '', surveyId: '', n: 0 }
  let allAnswers = 0
  let allSatisfied = 0
  const questions: QuestionResult[] = survey.questions.map((q) => {
    const counts = countsOf(t, q.id)
    const m = meanScore(counts)
    allAnswers += m.n
    allSatisfied += m.satisfied
    return {
      id: q.id,
      text: q.text,
      dimension: q.dimension,
      counts,
      n: m.n,
      score: m.n ? m.sum / m.n : null,
      satisfactionRate: m.n ? m.satisfied / m.n : null,
    }
  })
  const dimensions: DimensionResult[] = survey.dimensions.map((d) => {
    let n = 0
    let sum = 0
    for (const q of questions) {
      if (q.dimension !== d.key) continue
      const m = meanScore(q.counts)
      n += m.n
      sum += m.sum
    }
    return { key: d.key, label: d.label, weight: d.weight, answers: n, score: n ? sum / n : null }
  })
  let weighted = 0
  let weights = 0
  for (const d of dimensions) {
    if (d.score === null) continue
    weighted += d.weight * d.score
    weights += d.weight
  }
  return {
    n: t.n,
    composite: weights > 0 ? weighted / weights : null,
    satisfactionRate: allAnswers ? allSatisfied / allAnswers : null,
    lowConfidence: t.n < LOW_CONFIDENCE_N,
    dimensions,
    questions,
  }
}

/**
 * One respondent's own weighted composite (0–100). The mean of these over respondents equals the
 * survey's composite when every question is answered, which is what lets per-org counters sum
 * numerators and denominators across surveys and orgs.
 */
export function responseScore(survey: Pick<Survey, 'questions' | 'dimensions'>, levels: readonly Level[]): number {
  let weighted = 0
  let weights = 0
  for (const d of survey.dimensions) {
    let n = 0
    let sum = 0
    survey.questions.forEach((q, i) => {
      if (q.dimension !== d.key) return
      n += 1
      sum += levelScore(levels[i])
    })
    if (!n) continue
    weighted += d.weight * (sum / n)
    weights += d.weight
  }
  return weights ? weighted / weights : 0
}

const KIND_METRIC: Record<Exclude<AnySurveyKind, 'census'>, string> = { environment: 'Environment', service: 'Service', event: 'Event', spotcheck: 'Spotcheck' }

/** Counter metrics of the 市民创业状况调查: responses, and answers per question and level. */
export const CENSUS_RESPONSES = 'census_n'
export function censusMetric(questionId: string, level: Level): string {
  return `census_${questionId}_${level}`
}

/**
 * Per-org, per-period counter metrics of one response (DESIGN.md "Aggregates"), for the
 * dashboards: `satisfactionResponses` (all kinds) and, per kind K:
 * `satisfactionKResponses`, `satisfactionKScoreCenti` (sum of respondents' composites × 100,
 * rounded), `satisfactionKAnswers` and `satisfactionKSatisfied` (answers at 满意 or better).
 * Index = ScoreCenti / 100 / Responses; 满意率 = Satisfied / Answers.
 */
export function responseMetrics(survey: Pick<Survey, 'kind' | 'questions' | 'dimensions'>, levels: readonly Level[]): Record<string, number> {
  // A status survey is not a satisfaction score: it counts answers per question and option, so
  // the city's page can sum them over any part of the tree (same question ids in every community).
  if (survey.kind === 'census') {
    const out: Record<string, number> = { [CENSUS_RESPONSES]: 1 }
    survey.questions.forEach((q, i) => {
      if (levels[i]) out[censusMetric(q.id, levels[i])] = 1
    })
    return out
  }
  const k = KIND_METRIC[survey.kind]
  return {
    satisfactionResponses: 1,
    [`satisfaction${k}Responses`]: 1,
    [`satisfaction${k}ScoreCenti`]: Math.round(responseScore(survey, levels) * 100),
    [`satisfaction${k}Answers`]: levels.length,
    [`satisfaction${k}Satisfied`]: levels.filter((l) => l >= SATISFIED_FROM).length,
  }
}

/** What one stored response counts for, in the period of its first answer (a re-answer moves the same documents). */
export function responseContributions(survey: Pick<Survey, 'kind' | 'questions' | 'dimensions'>, r: Pick<SurveyResponse, 'firstOn' | 'levels'>): Contribution[] {
  return [{ date: r.firstOn, inc: responseMetrics(survey, r.levels) }]
}

/** Where a survey stands on `today` (Shanghai date). */
export function surveyState(survey: Pick<Survey, 'status' | 'opensOn' | 'closesOn'>, today: string): SurveyState {
  if (survey.status === 'draft') return 'draft'
  if (survey.status === 'closed' || today > survey.closesOn) return 'closed'
  return today < survey.opensOn ? 'scheduled' : 'open'
}

/** The quarter (`2026-Q4`) a Shanghai date falls in. */
export function quarterOf(date: string): string {
  const [y, m] = date.split('-').map(Number)
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`
}

/** `2026-Q4` → `2026 年第四季度`. */
export function periodLabel(period: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(period)
  if (!m) return period
  return `${m[1]} 年第${['一', '二', '三', '四'][Number(m[2]) - 1]}季度`
}

/** Built-in templates staff pick from (`survey-templates.ts`); `spotcheck` is the evaluation chain's own. */
export const SURVEY_TEMPLATE_KEYS = ['environment', 'service', 'event', 'census'] as const
export type SurveyTemplateKey = (typeof SURVEY_TEMPLATE_KEYS)[number]
