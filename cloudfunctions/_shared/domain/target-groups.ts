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
  'second_venture',
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
  second_venture: '民营企业二次创业',
  women: '妇女',
}
