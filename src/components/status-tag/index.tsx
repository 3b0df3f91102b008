import type { PolicyStatus } from '@shared/domain/policy'
import { POLICY_STATUS_LABELS } from '@shared/domain/policy'
import Chip from '../chip'

export interface StatusTagProps {
  /** The policy's status. */
  status: PolicyStatus
}

const TONES = { draft: 'neutral', published: 'success', archived: 'danger' } as const

/** A policy's status as a small coloured label (草稿 / 已发布 / 已下架). */
export default function StatusTag({ status }: StatusTagProps) {
  return <Chip small tone={TONES[status]} label={POLICY_STATUS_LABELS[status]} testId={`status-${status}`} />
}
