import { type PageArgs, pageRoute, type StaffPageKey } from '@shared/domain/pages'
import { can, type Permission, type StaffRole } from '@shared/domain/roles'

/** Staff pages that open without a query (a section's home). */
export type HomePageKey = { [K in StaffPageKey]: [] extends PageArgs<K> ? K : never }[StaffPageKey]

/** A section of the staff desk: its home page, and the permissions that open it (any one of them). */
export interface StaffSection {
  key: string
  label: string
  /** The section's list page (the navigation opens it). */
  home: HomePageKey
  /** Any one of these lets the role use the section; empty: every staff role. */
  anyOf: readonly Permission[]
  /** The section's other pages: the navigation marks the section while one of them is open. */
  pages: readonly StaffPageKey[]
}

/**
 * Every staff section, in navigation order. Which a role sees is derived from `ROLE_PERMISSIONS`
 * (the permission its list action declares), so the navigation never offers a page the server
 * refuses.
 */
export const STAFF_SECTIONS: readonly StaffSection[] = [
  { key: 'workbench', label: '工作台', home: 'staffWorkbench', anyOf: [], pages: [] },
  { key: 'dashboard', label: '指标看板', home: 'staffDashboard', anyOf: ['index.read'], pages: ['staffTargets'] },
  { key: 'duty', label: '督查考核', home: 'staffDuty', anyOf: ['duty.report'], pages: [] },
  { key: 'ledger', label: '帮扶台帐', home: 'ledger', anyOf: ['intent.read'], pages: ['staffCase', 'ledgerRegister'] },
  { key: 'feedback', label: '居民反馈', home: 'feedbackInbox', anyOf: ['feedback.read', 'feedback.stats'], pages: ['feedbackItem'] },
  { key: 'events', label: '活动管理', home: 'staffEvents', anyOf: ['event.read'], pages: ['eventEdit', 'eventPoster', 'eventCheckin', 'eventAttendees'] },
  { key: 'surveys', label: '满意度调查', home: 'staffSurveys', anyOf: ['survey.read'], pages: ['surveyEdit', 'surveyResults'] },
  { key: 'policies', label: '政策管理', home: 'staffPolicies', anyOf: ['policy.read'], pages: ['policyEdit', 'policyPush'] },
  {
    key: 'evaluation',
    label: '评估申报',
    home: 'evaluation',
    anyOf: ['evaluation.read'],
    pages: ['evaluationEdit', 'evaluationDetail', 'evaluationSpotCheck', 'evaluationRanking', 'evaluationPrint', 'evaluationYear', 'orgSetup', 'evaluationScores', 'evaluationScore'],
  },
  { key: 'projects', label: '项目库', home: 'projects', anyOf: ['project.write'], pages: [] },
  { key: 'services', label: '服务资源', home: 'staffServiceResources', anyOf: ['service.write'], pages: ['siteApplications', 'courseCheckin'] },
  { key: 'reports', label: '简报与表彰', home: 'staffReports', anyOf: [], pages: ['reportDetail', 'staffHonors'] },
  { key: 'team', label: '团队与记录', home: 'staffTeam', anyOf: ['staff.manage', 'audit.read'], pages: [] },
]

/** The sections a role may use. */
export function sectionsFor(role: StaffRole): StaffSection[] {
  return STAFF_SECTIONS.filter((s) => s.anyOf.length === 0 || s.anyOf.some((p) => can(role, p)))
}

/** The section a page belongs to (null: a page outside the desk, such as sign-in). */
export function sectionOf(page: StaffPageKey): StaffSection | null {
  return STAFF_SECTIONS.find((s) => s.home === page || s.pages.includes(page)) ?? null
}

/** The URL the navigation opens for a section. */
export function sectionUrl(section: StaffSection): string {
  // A home page takes no query, so its URL is its route.
  return `/${pageRoute(section.home)}`
}
