import type { Case } from './case'

/**
 * Retention of cases (DESIGN.md "Data protection"; PRIVACY_ITEMS: "办结后按规定期限保存，期满匿名化，
 * 只保留统计数字"): a closed or withdrawn case whose last change is older than the retention
 * period has its personal fields removed. What the counters count stays, so the indices do not move.
 */

/** Default retention period: 3 years. */
export const RETENTION_DAYS_DEFAULT = 1095
/** Bounds an operator may choose (a month … 100 years). */
export const RETENTION_DAYS_MIN = 30
export const RETENTION_DAYS_MAX = 36500

const DAY_MS = 86_400_000

/** The ISO instant before which a case's last change must lie to be due. */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString()
}

/** Is the case finished (closed by staff, or withdrawn by the resident)? */
export function isFinished(i: Pick<Case, 'stage' | 'status'>): boolean {
  return i.stage === 'closed' || i.status === 'withdrawn'
}

/** Is this case due for anonymisation at `cutoff` (see `retentionCutoff`)? Never twice. */
export function isDueForAnonymisation(i: Pick<Case, 'stage' | 'status' | 'updatedAt' | 'anonymisedAt'>, cutoff: string): boolean {
  return !i.anonymisedAt && isFinished(i) && i.updatedAt < cutoff
}
