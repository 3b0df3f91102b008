/**
 * 评审内容与评分 (seed 000 §三(二)): each district's reviewers judge its communities "采取定性和定量
 * 相结合的办法", and "各自县(区)也可根据实际情况制定评审内容". A district's rubric for a year is a
 * list of items, 定性 or 定量, each with a weight (its share of 100 points) and a score range
 * (0 – `max`); a 定量 item names the indices it draws on, shown to the reviewer as a hint. The
 * street (初评) and the district (认定) each score every item with a comment; the city's spot check
 * records its own score beside theirs. Pure types and rules; no I/O.
 */
import type { IndexKey } from './indices'

export const RUBRIC_KINDS = ['qualitative', 'quantitative'] as const
export type RubricKind = (typeof RUBRIC_KINDS)[number]
export const RUBRIC_KIND_LABELS: Record<RubricKind, string> = { qualitative: '定性', quantitative: '定量' }

/** One 评审内容 item. */
export interface RubricItem {
  /** Stable within the rubric (`q1`…, `n1`…, or a district's own). */
  key: string
  kind: RubricKind
  label: string
  /** Points of the 100 the item carries. */
  weight: number
  /** The highest score a reviewer may give (the lowest is 0). */
  max: number
  /** 定量 items: the indices whose live value the reviewer sees beside the item. */
  indices: IndexKey[]
}

/** A district's 评审内容 for a year, id `<districtId>:<year>`. */
export interface ReviewRubric {
  _id: string
  districtId: string
  districtName: string
  year: number
  items: RubricItem[]
  /** Closed: the year's scoring is over; nobody scores or edits until the district reopens it. */
  closed: boolean
  closedBy: string
  closedAt: string
  updatedBy: string
  updatedAt: string
  version: number
}

/** Who scores: the street's 初评, the district's 认定, the city's 抽查. */
export const SCORE_LEVELS = ['street', 'district', 'city'] as const
export type ScoreLevel = (typeof SCORE_LEVELS)[number]
export const SCORE_LEVEL_LABELS: Record<ScoreLevel, string> = { street: '街道初评', district: '区县认定', city: '市级抽查' }

export interface ItemScore {
  key: string
  score: number
  comment: string
}

/**
 * One reviewer level's scores of a community for a year, id `<communityId>:<year>:<level>`: all
 * items in one document, with its total, so a district's ranking is one query (year, path).
 */
export interface ReviewScore {
  _id: string
  communityId: string
  communityName: string
  /** The community's org path: scope queries and the district it belongs to (`communityPath[1]`). */
  communityPath: string[]
  districtId: string
  year: number
  level: ScoreLevel
  items: ItemScore[]
  /** Σ weight × score ÷ max over the rubric's items, to one decimal (out of 100). */
  total: number
  status: 'draft' | 'submitted'
  /** The rubric version the scores were given against. */
  rubricVersion: number
  byId: string
  byName: string
  updatedAt: string
  submittedAt: string
  /** Each time the level above sent a submitted score back, and why. */
  reopened: { at: string; byId: string; byName: string; reason: string }[]
  version: number
}

export const rubricId = (districtId: string, year: number) => `${districtId}:${year}`
export const scoreId = (communityId: string, year: number, level: ScoreLevel) => `${communityId}:${year}:${level}`

/**
 * Seed 000's five 定性 and five 定量 items, 10 points each, scored 0–10: what a district's rubric
 * starts from until it writes its own.
 */
export const DEFAULT_RUBRIC_ITEMS: readonly RubricItem[] = [
  { key: 'q1', kind: 'qualitative', label: '工作重视程度和创建组织建立及活动开展', weight: 10, max: 10, indices: [] },
  { key: 'q2', kind: 'qualitative', label: '社区(村)创业指导组织是否建立及工作开展情况', weight: 10, max: 10, indices: [] },
  { key: 'q3', kind: 'qualitative', label: '扶持失业人员自主创业等创业政策宣传情况', weight: 10, max: 10, indices: [] },
  { key: 'q4', kind: 'qualitative', label: '辖区创业氛围和劳动者创业意识状况', weight: 10, max: 10, indices: [] },
  { key: 'q5', kind: 'qualitative', label: '创建工作计划制定及落实情况', weight: 10, max: 10, indices: [] },
  { key: 'n1', kind: 'quantitative', label: '社区(村)创业指导组织工作人员到位状况', weight: 10, max: 10, indices: ['staffInPlace'] },
  { key: 'n2', kind: 'quantitative', label: '失业人员及其他群体自主创业优惠政策享受数量', weight: 10, max: 10, indices: ['policyEnjoyment'] },
  { key: 'n3', kind: 'quantitative', label: '创业指导数量及比重', weight: 10, max: 10, indices: ['assistanceCoverage'] },
  { key: 'n4', kind: 'quantitative', label: '帮扶创业数量和带动就业占就业的比重', weight: 10, max: 10, indices: ['employmentDriven'] },
  { key: 'n5', kind: 'quantitative', label: '创业活动指数及创业存活率', weight: 10, max: 10, indices: ['activity', 'survival12'] },
]

/** The weights of a rubric add up to this. */
export const RUBRIC_TOTAL = 100

/** A level's total: Σ weight × score ÷ max over the rubric's items (unscored items count 0), to one decimal. */
export function scoreTotal(items: readonly RubricItem[], scores: readonly ItemScore[]): number {
  const by = new Map(scores.map((s) => [s.key, s.score]))
  const sum = items.reduce((acc, i) => acc + (i.weight * (by.get(i.key) ?? 0)) / i.max, 0)
  return Math.round(sum * 10) / 10
}

/** The level a staff member's org scores at, or null (a community does not score itself). */
export function scoreLevelOf(orgLevel: string): ScoreLevel | null {
  return orgLevel === 'street' || orgLevel === 'district' || orgLevel === 'city' ? orgLevel : null
}

/** Who may send a submitted score of `level` back, as a refusal says it. */
export function reopenerOf(level: ScoreLevel): string {
  return level === 'city' ? '市创建办' : '县(区)创建办'
}

/**
 * The reviewers' total a district ranks by: the mean of the submitted street and district totals
 * (one of them when only one is in); null when neither is.
 */
export function reviewersTotal(street: number | null, district: number | null): number | null {
  const xs = [street, district].filter((x): x is number => x !== null)
  return xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null
}
