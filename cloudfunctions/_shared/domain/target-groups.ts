/**
 * Groups the seeds single out for support (seed 000 §二(二), seed 001 §二(二)2: 大中专毕业生,
 * 返乡农民工, 下岗失业人员, 农民, 科技人员, 民营企业二次创业; §三: 市妇联 supports 妇女创业).
 * A resident picks theirs in their profile; a policy lists the groups it is for.
 */
export const TARGET_GROUPS = [
  'graduate',
  'returning_migrant',
  'unemployed',
  'farmer',
  'tech_staff',
  'veteran',
  'disabled',
  'newcomer',
  'private_enterprise',
  'women',
] as const
export type TargetGroup = (typeof TARGET_GROUPS)[number]

export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  graduate: '高校毕业生',
  returning_migrant: '返乡农民工',
  unemployed: '失业人员',
  farmer: '农民',
  tech_staff: '科技人员',
  veteran: '退役军人',
  disabled: '残疾人',
  newcomer: '外来创业人员',
  private_enterprise: '民营企业二次创业',
  women: '妇女',
}

/**
 * Every group the seeds single out, in their words, and the target group it is filed under
 * (a test keeps this list and TARGET_GROUPS in step): seed 001 §二(二)2 一是…七是 and its
 * 妇女创业, seed 000's 失业人员 and 返乡农民工.
 */
export const SEED_GROUP_WORDS: Readonly<Record<string, TargetGroup>> = {
  大中专毕业生: 'graduate',
  高校毕业生: 'graduate',
  返乡农民工: 'returning_migrant',
  下岗失业人员: 'unemployed',
  失业人员: 'unemployed',
  农民: 'farmer',
  科技人员: 'tech_staff',
  民营企业二次创业: 'private_enterprise',
  来赤创业的优秀人员: 'newcomer',
  妇女创业: 'women',
}
