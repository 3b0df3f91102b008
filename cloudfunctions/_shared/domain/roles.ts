import type { OrgLevel } from './org'

// The roles and their labels live apart (role-labels.ts) so a page that only names a role does not
// carry the permission table: the mini-program's main package names roles on 我的 (issue 24).
import { STAFF_ROLES, type StaffRole, ROLE_LABELS } from './role-labels'

export { STAFF_ROLES, type StaffRole, ROLE_LABELS }

/** The org level a role is bound to. */
export const ROLE_LEVEL: Record<StaffRole, OrgLevel> = {
  community_staff: 'community',
  community_lead: 'community',
  street_reviewer: 'street',
  district_officer: 'district',
  city_officer: 'city',
  admin: 'city',
}

/**
 * Permissions checked by actions, in the order the README's matrix lists them. Deny by default:
 * a role has only what `ROLE_PERMISSIONS` lists.
 */
export const PERMISSIONS = [
  'policy.read',
  'policy.write',
  'policy.publish',
  /** Satisfaction surveys: read results / create, edit, publish, close / export answers. */
  'survey.read',
  'survey.write',
  'survey.export',
  /** Case ledger (帮扶台帐): read masked cases in scope / record follow-ups, stages, ventures, benefits / export / reveal a full ID number. */
  'intent.read',
  'intent.write',
  'pairing.write',
  'intent.export',
  'intent.reveal',
  /** Project reserve (创业项目库): keep recommended projects. */
  'project.write',
  /** Service resources: keep training courses, mentors, sites, guides, success stories and the hotline of one's org. */
  'service.write',
  /** Promotion events: see events and attendees (masked) / create, edit, cancel, print codes / check people in by hand / export attendees. */
  'event.read',
  'event.write',
  'event.checkin',
  'event.export',
  /** Resident feedback (反馈/投诉): see the community's inbox / reply, assign, close / counts and overdue items of one's scope. */
  'feedback.read',
  'feedback.write',
  'feedback.stats',
  /** Staff and org administration: invite and revoke staff below one's own role / read the audit log of one's scope / edit the org tree. */
  'staff.manage',
  'audit.read',
  'org.write',
  /** Indices: see the dashboards of one's scope / enter a community's baseline / recount the counters. */
  'index.read',
  'index.baseline',
  'index.baselineReview',
  'index.reconcile',
  /**
   * Evaluation chain (创建评估): see the applications of one's scope / draft and submit one's
   * community's / street initial review / district certification / city spot checks (sample,
   * calls, questionnaire) / select demonstration communities / set a year's deadlines / send
   * deadline reminders.
   */
  'evaluation.read',
  'evaluation.apply',
  'evaluation.review',
  'evaluation.certify',
  'evaluation.spotcheck',
  'evaluation.select',
  'evaluation.deadlines',
  'evaluation.remind',
  'evaluation.manage',
  /**
   * 评审内容与评分: the district defines its 评审内容 for a year and closes or reopens the year's
   * scoring / street, district and city reviewers score communities in their scope / the level
   * above sends a submitted score back.
   */
  'evaluation.rubric',
  'evaluation.score',
  'evaluation.reopenScore',
  /** Targets (目标): the city sets its own / a level splits its target among its children / the city closes or reopens a year. */
  'target.set',
  'target.split',
  'target.close',
  /** Upward reporting (简报): write and send one's org's report to the level above / read, comment on, forward and mark 好经验 the reports sent to one's org. */
  'report.send',
  'report.receive',
  /** 表彰: name 优秀创业人员, 先进集体, 先进工作者 for a year / reopen a published list. */
  'honor.write',
  'honor.reopen',
  /** 组织体系: a community records its 创建组织, equipment, 工作计划 and 宣传方案. */
  'setup.write',
  /** 督查: record the plan's tasks, 催办 and adjust 目标责任考核 results / see the tasks in scope and report the own org's progress. */
  'duty.assign',
  'duty.report',
] as const
export type Permission = (typeof PERMISSIONS)[number]

/** What each role may do: the one matrix (the README's role × permission table is generated from it). */
export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  community_staff: ['policy.read', 'policy.write', 'policy.publish', 'survey.read', 'survey.write', 'survey.export', 'intent.read', 'intent.write', 'intent.export', 'project.write', 'event.read', 'event.write', 'event.checkin', 'event.export', 'feedback.read', 'feedback.write', 'feedback.stats', 'index.read', 'index.baseline', 'evaluation.read', 'service.write', 'report.send', 'setup.write'],
  community_lead: ['policy.read', 'policy.write', 'policy.publish', 'survey.read', 'survey.write', 'survey.export', 'intent.read', 'intent.write', 'intent.export', 'intent.reveal', 'project.write', 'event.read', 'event.write', 'event.checkin', 'event.export', 'feedback.read', 'feedback.write', 'feedback.stats', 'staff.manage', 'audit.read', 'index.read', 'index.baseline', 'evaluation.read', 'evaluation.apply', 'service.write', 'report.send', 'setup.write'],
  street_reviewer: ['policy.read', 'survey.read', 'survey.export', 'intent.read', 'event.read', 'feedback.stats', 'audit.read', 'index.read', 'index.baselineReview', 'evaluation.read', 'evaluation.review', 'evaluation.score', 'target.split', 'report.send', 'report.receive', 'pairing.write', 'duty.report'],
  district_officer: ['policy.read', 'policy.write', 'policy.publish', 'survey.read', 'survey.write', 'survey.export', 'intent.read', 'intent.export', 'project.write', 'event.read', 'event.write', 'event.checkin', 'event.export', 'feedback.stats', 'staff.manage', 'audit.read', 'index.read', 'evaluation.read', 'evaluation.certify', 'evaluation.rubric', 'evaluation.score', 'evaluation.reopenScore', 'service.write', 'target.split', 'report.send', 'report.receive', 'honor.write', 'pairing.write', 'duty.assign', 'duty.report'],
  city_officer: ['policy.read', 'policy.write', 'policy.publish', 'survey.read', 'survey.write', 'survey.export', 'intent.read', 'intent.export', 'project.write', 'event.read', 'event.write', 'event.checkin', 'event.export', 'feedback.stats', 'staff.manage', 'audit.read', 'index.read', 'evaluation.read', 'evaluation.spotcheck', 'evaluation.select', 'evaluation.deadlines', 'evaluation.manage', 'evaluation.score', 'evaluation.reopenScore', 'service.write', 'target.set', 'target.split', 'target.close', 'report.receive', 'honor.write', 'honor.reopen', 'pairing.write', 'duty.assign', 'duty.report'],
  admin: ['policy.read', 'policy.write', 'policy.publish', 'survey.read', 'survey.write', 'survey.export', 'intent.read', 'intent.export', 'project.write', 'event.read', 'event.write', 'event.checkin', 'event.export', 'feedback.stats', 'staff.manage', 'audit.read', 'org.write', 'index.read', 'index.reconcile', 'evaluation.read', 'evaluation.deadlines', 'evaluation.remind', 'service.write'],
}

/** Seniority for staff administration: one may invite or revoke only roles ranked below one's own. */
export const ROLE_RANK: Record<StaffRole, number> = {
  community_staff: 1,
  community_lead: 2,
  street_reviewer: 3,
  district_officer: 4,
  city_officer: 5,
  admin: 6,
}

/** Whether `manager` may grant or revoke `role`: strictly junior, or anything for an admin. */
export function mayManageRole(manager: StaffRole, role: StaffRole): boolean {
  return can(manager, 'staff.manage') && (manager === 'admin' || ROLE_RANK[role] < ROLE_RANK[manager])
}

export function can(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}

/** The matrix as rows, for the README and the staff help screen. */
export function permissionMatrix(): { role: StaffRole; permissions: readonly Permission[] }[] {
  return STAFF_ROLES.map((role) => ({ role, permissions: ROLE_PERMISSIONS[role] }))
}
