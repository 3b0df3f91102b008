/**
 * 市民创业状况调查 (seed 001 §二(二)5: 开展市民创业状况调查，掌握并公布本市创业状况) and the
 * 当地平均数 of the 创业活动指数 (seed 000 §二(五): 劳动者创业指数高于当地平均数).
 *
 * The survey's answers are counted per community, per question and option (`census_<q>_<level>`
 * on the period counters, see `responseMetrics`), so any part of the tree is a sum. What is
 * published: counts and shares of a group of at least `CENSUS_MIN_N` respondents, never an answer.
 */
import { CENSUS_TEMPLATE } from './survey-templates'
import { CENSUS_RESPONSES, censusMetric, type Level, levelLabel, questionLevels } from './survey'

/**
 * A group's figures are published only with at least this many respondents. Why 10: below it one
 * answer moves a share by more than 10 points, and in a street where few answered a neighbour
 * who knows two of them can work out the rest (the same threshold statistical offices commonly
 * use for small cells; the satisfaction index's separate “n < 30” flag is about reliability,
 * this one is about privacy). n itself is always shown.
 */
export const CENSUS_MIN_N = 10

export type CensusMetrics = Readonly<Record<string, number>>

export interface CensusOption {
  label: string
  count: number
  /** count ÷ answers to the question (0–1). */
  share: number | null
}

export interface CensusQuestionFigure {
  id: string
  text: string
  dimension: string
  dimensionLabel: string
  answers: number
  options: CensusOption[]
}

/** One group's published figures. `hidden`: n is shown, nothing else. */
export interface CensusFigure {
  n: number
  hidden: boolean
  /** Why hidden: too few answers here, or to keep a small neighbour from being worked out. */
  hiddenReason: 'small' | 'complementary' | null
  /** Share answering 已经在创业 or 正在筹备 (s1 levels 5, 4). */
  engaged: number | null
  /** Share planning to start within a year (s2 levels 5, 4). */
  intending: number | null
  questions: CensusQuestionFigure[] | null
}

function share(count: number, of: number): number | null {
  return of > 0 ? count / of : null
}

function count(m: CensusMetrics, q: string, level: Level): number {
  return Number(m[censusMetric(q, level)] ?? 0)
}

/** The figures of one group from its summed counters; `hide` says it must not be published. */
export function censusFigure(m: CensusMetrics, hide: CensusFigure['hiddenReason'] = null): CensusFigure {
  const n = Number(m[CENSUS_RESPONSES] ?? 0)
  const reason = hide ?? (n < CENSUS_MIN_N ? 'small' : null)
  if (reason) return { n, hidden: true, hiddenReason: reason, engaged: null, intending: null, questions: null }
  const dims = new Map(CENSUS_TEMPLATE.dimensions.map((d) => [d.key, d.label]))
  const questions = CENSUS_TEMPLATE.questions.map((q) => {
    const levels = questionLevels(q)
    const answers = levels.reduce((s, l) => s + count(m, q.id, l), 0)
    return {
      id: q.id,
      text: q.text,
      dimension: q.dimension,
      dimensionLabel: dims.get(q.dimension) ?? '',
      answers,
      options: levels.map((l) => ({ label: levelLabel(q, l), count: count(m, q.id, l), share: share(count(m, q.id, l), answers) })),
    }
  })
  return {
    n,
    hidden: false,
    hiddenReason: null,
    engaged: share(count(m, 's1', 5) + count(m, 's1', 4), n),
    intending: share(count(m, 's2', 5) + count(m, 's2', 4), n),
    questions,
  }
}

/** Sums counter metrics of several groups (only the census ones matter). */
export function sumCensus(list: readonly CensusMetrics[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const m of list) {
    for (const [k, v] of Object.entries(m)) if (k.startsWith('census_') && typeof v === 'number') out[k] = (out[k] ?? 0) + v
  }
  return out
}

/**
 * Which children of a published group to hide. A child under the minimum is hidden; and when it
 * is the only hidden one with answers, the smallest other child with answers is hidden too —
 * otherwise its counts would be the parent's minus its shown siblings' (complementary
 * suppression). Returns the reason per child index.
 */
export function childSuppression(parentHidden: boolean, ns: readonly number[]): CensusFigure['hiddenReason'][] {
  const out: CensusFigure['hiddenReason'][] = ns.map((n) => (parentHidden || n < CENSUS_MIN_N ? 'small' : null))
  if (parentHidden) return out
  const hiddenWithAnswers = ns.filter((n, i) => out[i] && n > 0).length
  if (hiddenWithAnswers === 1) {
    let pick = -1
    ns.forEach((n, i) => {
      if (!out[i] && n > 0 && (pick < 0 || n < ns[pick])) pick = i
    })
    if (pick >= 0) out[pick] = 'complementary'
  }
  return out
}

/**
 * 当地平均数 of the 创业活动指数 for a year: entered by the city (`entered`), or computed as the
 * city's own 创业活动指数 (`computed`: every community's engaged residents ÷ every community's
 * working-age residents, i.e. the communities' indices weighted by their size — never a mean of
 * ratios). Id = the year.
 */
export interface LocalAverage {
  _id: string
  year: number
  /** The city it belongs to. */
  orgId: string
  source: 'entered' | 'computed'
  /** 0–100 (a percentage), as published. */
  percent: number
  /** For `computed`: the sums it came from (the city dashboard's numerator and denominator). */
  num: number | null
  den: number | null
  setBy: string
  setAt: string
}

export const LOCAL_AVERAGE_SOURCE_LABELS: Record<LocalAverage['source'], string> = {
  entered: '市创建办录入',
  computed: '按全市数据计算',
}

/** A community's index against the average: above (strictly, as the seed says 高于), or not, or unknown. */
export function aboveAverage(value: number | null, average: Pick<LocalAverage, 'percent'> | null): boolean | null {
  if (value === null || !average) return null
  return value * 100 > average.percent + 1e-9
}
