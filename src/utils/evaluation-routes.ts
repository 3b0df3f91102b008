import type { EvaluationStatus } from '@shared/domain/evaluation'

/** Page URLs of the evaluation chain (创建评估), all in the staff subpackage. */
export const evaluationRoutes = {
  list: '/staff/pages/evaluation/index',
  edit: (year: number) => `/staff/pages/evaluation-edit/index?year=${year}`,
  detail: (id: string) => `/staff/pages/evaluation-detail/index?id=${encodeURIComponent(id)}`,
  spotCheck: (id: string) => `/staff/pages/evaluation-spotcheck/index?id=${encodeURIComponent(id)}`,
  ranking: (year: number) => `/staff/pages/evaluation-ranking/index?year=${year}`,
  print: (id: string, doc: 'form' | 'report') => `/staff/pages/evaluation-print/index?id=${encodeURIComponent(id)}&doc=${doc}`,
} as const

/** Chip tone of each status (`none`: not yet opened). */
export const EVALUATION_STATUS_TONES: Record<EvaluationStatus | 'none', 'warning' | 'primary' | 'success' | 'neutral' | 'danger'> = {
  none: 'neutral',
  draft: 'neutral',
  submitted: 'warning',
  returned: 'danger',
  street_passed: 'warning',
  certified: 'primary',
  rejected: 'danger',
  spot_checked: 'primary',
  selected: 'success',
}

/** The evaluation year shown by default: the current Shanghai year. */
export function currentYear(): number {
  return Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4))
}

/** `85.0%` or `—`. */
export function percent(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(1)}%`
}
