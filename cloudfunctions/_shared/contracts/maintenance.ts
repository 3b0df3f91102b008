import * as v from 'valibot'
import { RETENTION_DAYS_DEFAULT, RETENTION_DAYS_MAX, RETENTION_DAYS_MIN } from '../domain/retention'

/**
 * `maintenance.retention`: anonymise closed or withdrawn cases untouched for `days`. A dry run
 * (the default, so a bare call changes nothing) only counts them.
 */
export const retentionInput = v.object({
  days: v.optional(
    v.pipe(
      v.number('保存天数应为数字'),
      v.integer('保存天数应为整数'),
      v.minValue(RETENTION_DAYS_MIN, `保存天数至少 ${RETENTION_DAYS_MIN} 天`),
      v.maxValue(RETENTION_DAYS_MAX, `保存天数最多 ${RETENTION_DAYS_MAX} 天`),
    ),
    RETENTION_DAYS_DEFAULT,
  ),
  dryRun: v.optional(v.boolean('dryRun 应为 true 或 false'), true),
})
export type RetentionInput = v.InferInput<typeof retentionInput>

export interface RetentionOutput {
  dryRun: boolean
  days: number
  /** Cases whose last change is before this instant were due. */
  cutoff: string
  /** Finished cases past the period, not yet anonymised. */
  due: number
  /** Anonymised by this run (0 on a dry run). */
  anonymised: number
}
