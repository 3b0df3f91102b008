import type { EvaluationStatus } from '@shared/domain/evaluation'
import { shanghaiParts } from '@shared/domain/time'
import { pageUrl } from '@shared/domain/pages'
import { percentText } from '@shared/domain/percent'

/** Page URLs of the evaluation chain (创建评估), all in the staff subpackage. */
export const evaluationRoutes = {
  list: pageUrl('evaluation'),
  edit: (year: number) => pageUrl('evaluationEdit', { year }),
  detail: (id: string) => pageUrl('evaluationDetail', { id }),
  spotCheck: (id: string) => pageUrl('evaluationSpotCheck', { id }),
  ranking: (year: number) => pageUrl('evaluationRanking', { year }),
  print: (id: string, doc: 'form' | 'report') => pageUrl('evaluationPrint', { id, doc }),
  year: (year: number) => pageUrl('evaluationYear', { year }),
  scores: (year: number, district?: string) => pageUrl('evaluationScores', district ? { year, district } : { year }),
  score: (community: string, year: number) => pageUrl('evaluationScore', { community, year }),
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
  return shanghaiParts(new Date().toISOString()).year
}

/** `85.0%` or `—`. */
export function percent(v: number | null): string {
  return percentText(v)
}
