/**
 * Targets as data (DESIGN.md "Targets", issue 21 item 1). A target is a stored record
 * `{ index, orgId, year, value, source }`; the code knows only how each index is compared with
 * its target (`TARGET_RULES`) and how a level's target passes to its children, never a value.
 */
import type { IndexKey, IndexUnit } from './indices'
import type { Org } from './org'

/** Where a target comes from: a seed document, or an office's own decision. */
export const TARGET_SOURCES = ['seed-000', 'seed-001', 'local'] as const
export type TargetSource = (typeof TARGET_SOURCES)[number]
export const TARGET_SOURCE_LABELS: Record<TargetSource, string> = {
  'seed-000': '《关于开展创建创业型社区(村)工作的通知》创建标准',
  'seed-001': '《创建国家级创业型城市工作方案》创建目标',
  local: '本级自定（文件未规定）',
}
/** Short form for cards. */
export const TARGET_SOURCE_SHORT: Record<TargetSource, string> = { 'seed-000': '创建标准', 'seed-001': '市工作方案', local: '自定' }

/**
 * How an index is judged against its target:
 * - `min` / `max`: at least / at most `value`;
 * - `increase`: the year's net increase (a count over the previous year-end) at least `value`;
 * - `aboveLast`: higher than the same period a year before (no value).
 */
export type TargetKind = 'min' | 'max' | 'increase' | 'aboveLast'

/**
 * How a level's target reaches its children: `sum` (counts: the children's shares must add up
 * to it, and a child without a share has none) or `inherit` (ratios: a child has its nearest
 * ancestor's unless it has its own).
 */
export type SplitMode = 'sum' | 'inherit'

export interface TargetRule {
  kind: TargetKind
  split: SplitMode
}

/** Every index that can carry a target, and how. An index not here has no target. */
export const TARGET_RULES: Partial<Record<IndexKey, TargetRule>> = {
  staffInPlace: { kind: 'min', split: 'inherit' },
  policyEnjoyment: { kind: 'min', split: 'inherit' },
  activity: { kind: 'min', split: 'inherit' },
  satisfactionEnvironment: { kind: 'aboveLast', split: 'inherit' },
  satisfactionService: { kind: 'min', split: 'inherit' },
  satisfactionComposite: { kind: 'min', split: 'inherit' },
  assistanceCoverage: { kind: 'min', split: 'inherit' },
  trainingCoverage: { kind: 'min', split: 'inherit' },
  employmentDriven: { kind: 'min', split: 'inherit' },
  newEmploymentDriven: { kind: 'min', split: 'inherit' },
  employmentContribution: { kind: 'min', split: 'inherit' },
  initialSuccess: { kind: 'min', split: 'inherit' },
  survival12: { kind: 'min', split: 'inherit' },
  survival24: { kind: 'min', split: 'inherit' },
  newEnterprises: { kind: 'increase', split: 'sum' },
  newIndividual: { kind: 'increase', split: 'sum' },
  feedbackOnTime: { kind: 'min', split: 'inherit' },
  feedbackRating: { kind: 'min', split: 'inherit' },
  complaintsUnresolved: { kind: 'max', split: 'inherit' },
}

/** A stored target: id `<year>:<orgId>:<index>`. */
export interface TargetRecord {
  _id: string
  index: IndexKey
  orgId: string
  /** The org's path (root first, itself last), for scope checks without another read. */
  orgPath: string[]
  year: number
  /** The threshold (a 0–1 ratio for percentages); null for `aboveLast`. */
  value: number | null
  source: TargetSource
  /** Set by splitting the parent's target (the parent's org id), or null when set directly. */
  splitFrom: string | null
  setBy: string
  setAt: string
}

/** A year whose targets are closed to edits, id = the year. */
export interface TargetYear {
  _id: string
  year: number
  closed: boolean
  closedBy: string
  closedAt: string
}

export function targetId(year: number, orgId: string, index: IndexKey): string {
  return `${year}:${orgId}:${index}`
}

/** The target an org is measured against for a year, with where it comes from. */
export interface ResolvedTarget {
  kind: TargetKind
  value: number | null
  text: string
  source: TargetSource
  sourceLabel: string
  /** The org whose record this is (an ancestor's when inherited). */
  fromOrgId: string
  /** The year of the record (an earlier year's when carried forward). */
  fromYear: number
  inherited: boolean
}

function formatNumber(unit: IndexUnit, v: number): string {
  if (unit === 'percent') return `${+(v * 100).toFixed(1)}%`
  if (unit === 'score') return `${+v.toFixed(1)} 分`
  return String(v)
}

/** How a target reads: `≥ 15%`, `≤ 0`, `比上年净增 49`, `高于上年`. */
export function targetText(kind: TargetKind, unit: IndexUnit, value: number | null): string {
  if (kind === 'aboveLast' || value === null) return '高于上年同期'
  if (kind === 'increase') return `比上年净增 ${value}`
  return `${kind === 'min' ? '≥' : '≤'} ${formatNumber(unit, value)}`
}

/**
 * The target of `index` for the org at `path` (root first, itself last) in `year`, from the
 * records of that path: the org's own record, else (ratios) its nearest ancestor's. A record of
 * an earlier year stands until a later one replaces it. Counts are never inherited: a share of a
 * count target is the child's own record.
 */
export function resolveTarget(records: readonly TargetRecord[], index: IndexKey, unit: IndexUnit, path: readonly string[], year: number): ResolvedTarget | null {
  const rule = TARGET_RULES[index]
  if (!rule) return null
  const orgId = path[path.length - 1]
  const candidates = rule.split === 'sum' ? [orgId] : [...path].reverse()
  for (const id of candidates) {
    let best: TargetRecord | null = null
    for (const r of records) {
      if (r.index !== index || r.orgId !== id || r.year > year) continue
      if (!best || r.year > best.year) best = r
    }
    if (best) {
      return {
        kind: rule.kind,
        value: best.value,
        text: targetText(rule.kind, unit, best.value),
        source: best.source,
        sourceLabel: TARGET_SOURCE_LABELS[best.source],
        fromOrgId: best.orgId,
        fromYear: best.year,
        inherited: best.orgId !== orgId,
      }
    }
  }
  return null
}

/** Who may reopen a closed year, as a refusal says it. */
export const REOPEN_WHO = '市创建办'

/** The problem with a count split, or null: the shares must add up to the parent's target. */
export function splitProblem(parent: number, shares: readonly number[]): string | null {
  const total = shares.reduce((n, v) => n + v, 0)
  return total === parent ? null : `各下级分解数合计 ${total}，应等于本级目标 ${parent}`
}

/** The children of `org` among `orgs`. */
export function childrenOf(org: Org, orgs: readonly Org[]): Org[] {
  return orgs.filter((o) => o.parentId === org._id)
}
