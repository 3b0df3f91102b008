import type { OrgResource } from './org'
import type { TargetGroup } from './target-groups'

/**
 * Policy kinds, as seed 000 §三(二)2(2) counts policy benefits, plus training and incubation
 * support from seed 001 §二(二)4.
 */
export const POLICY_CATEGORIES = [
  'startup_subsidy',
  'guaranteed_loan',
  'tax_relief',
  'fee_waiver',
  'rent_subsidy',
  'social_insurance_subsidy',
  'job_subsidy',
  'training_subsidy',
  'incubation',
] as const
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number]

export const POLICY_CATEGORY_LABELS: Record<PolicyCategory, string> = {
  startup_subsidy: '一次性创业补贴',
  guaranteed_loan: '创业担保贷款',
  tax_relief: '税收优惠',
  fee_waiver: '收费减免',
  rent_subsidy: '场租补贴',
  social_insurance_subsidy: '社保补贴',
  job_subsidy: '岗位补贴',
  training_subsidy: '培训补贴',
  incubation: '孵化场地',
}

export const POLICY_STATUSES = ['draft', 'published', 'archived'] as const
export type PolicyStatus = (typeof POLICY_STATUSES)[number]

export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = {
  draft: '草稿',
  published: '已发布',
  archived: '已下架',
}

/** Who to ask about a policy. */
export interface PolicyContact {
  department: string
  phone: string
  address: string
}

/** A support policy as published by an org (the record's org); every org below the publisher sees it. */
export interface Policy extends OrgResource {
  title: string
  category: PolicyCategory
  /** One or two sentences a resident reads in the list. */
  summary: string
  /** What a resident gets, in plain words (amount, rate, duration). */
  benefit: string
  targetGroups: TargetGroup[]
  eligibility: string[]
  materials: string[]
  process: string[]
  contact: PolicyContact
  /**
   * The most one benefit (or one loan) under this policy may be, in fen; absent or null: no cap.
   * A benefit or loan step above it is refused (400 on the amount).
   */
  capFen?: number | null
  /** YYYY-MM-DD, Shanghai dates, inclusive. */
  validFrom: string
  /** YYYY-MM-DD inclusive; null means no end date. */
  validTo: string | null
  status: PolicyStatus
  /** Sort key of the resident list; '' until first published. */
  publishedAt: string
}

/** True when a published policy applies on Shanghai date `today`. */
export function isInForce(policy: Pick<Policy, 'status' | 'validFrom' | 'validTo'>, today: string): boolean {
  return (
    policy.status === 'published' && policy.validFrom <= today && (policy.validTo === null || policy.validTo >= today)
  )
}

/** A resident of a community sees policies published by that community or any org above it. */
export function isVisibleTo(policy: Pick<Policy, 'orgId'>, communityPath: readonly string[]): boolean {
  return communityPath.includes(policy.orgId)
}

/** Human label for the validity period. */
export function validityLabel(policy: Pick<Policy, 'validFrom' | 'validTo'>): string {
  return policy.validTo ? `${policy.validFrom} 至 ${policy.validTo}` : `${policy.validFrom} 起长期有效`
}
