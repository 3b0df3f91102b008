import type { CollectionName, Collections } from './collections'
import type { FieldOf } from './port'

/** One index: fields in order, each ascending or descending. */
export interface IndexDeclaration<T> {
  name: string
  fields: readonly { field: FieldOf<T>; dir: 'asc' | 'desc' }[]
  unique?: boolean
  /**
   * The field that holds an array (an org path, a list of org ids, search terms): CloudBase
   * indexes each element (a multikey index), so `has` / `hasAny` on it seek. SQLite's expression
   * indexes cannot serve array membership: the embedded store keeps only the fields before it
   * (none when it comes first: no index, and an old copy is dropped).
   */
  multikey?: FieldOf<T>
}

type Declarations = { [K in CollectionName]: readonly IndexDeclaration<Collections[K]>[] }

/**
 * The one place indexes are declared. The sqlite adapter creates them on open; `npm run
 * build:functions` writes them as `database-indexes.json` for the CloudBase console / CLI.
 */
export const INDEXES: Declarations = {
  orgs: [
    { name: 'parent', fields: [{ field: 'parentId', dir: 'asc' }] },
    // Offices' rollups and lists: the orgs under one (path holds it), the orgs of a level.
    { name: 'path', fields: [{ field: 'path', dir: 'asc' }], multikey: 'path' },
    { name: 'level', fields: [{ field: 'level', dir: 'asc' }] },
  ],
  staff: [
    { name: 'username', fields: [{ field: 'username', dir: 'asc' }] },
    { name: 'openid', fields: [{ field: 'openid', dir: 'asc' }] },
    { name: 'org', fields: [{ field: 'orgId', dir: 'asc' }] },
    // 团队: the staff of a scope by unit, then name, a page at a time.
    { name: 'org_name', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'name', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
    // evaluation.remind: the active accounts of a role.
    { name: 'role_active', fields: [{ field: 'role', dir: 'asc' }, { field: 'active', dir: 'asc' }] },
  ],
  profiles: [{ name: 'community', fields: [{ field: 'communityId', dir: 'asc' }] }],
  policies: [
    {
      name: 'status_published',
      fields: [
        { field: 'status', dir: 'asc' },
        { field: 'publishedAt', dir: 'desc' },
        { field: '_id', dir: 'desc' },
      ],
    },
    {
      name: 'org_updated',
      fields: [
        { field: 'orgId', dir: 'asc' },
        { field: 'updatedAt', dir: 'desc' },
      ],
    },
    // An office's list: everything published in its subtree, newest change first.
    { name: 'path_updated', fields: [{ field: 'orgPath', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'orgPath' },
    // A resident's list and the policies in force for a community: its chain's published ones, newest first.
    { name: 'org_status_published', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'status', dir: 'asc' }, { field: 'publishedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
  ],
  counters: [{ name: 'org_period', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'period', dir: 'asc' }] }],
  audit: [
    { name: 'org_at', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'at', dir: 'desc' }] },
    { name: 'actor_at', fields: [{ field: 'actorId', dir: 'asc' }, { field: 'at', dir: 'desc' }] },
    { name: 'at', fields: [{ field: 'at', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    // org.audit: the log of an office's subtree (orgPath holds it), newest first.
    { name: 'path_at', fields: [{ field: 'orgPath', dir: 'asc' }, { field: 'at', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'orgPath' },
  ],
  invitations: [{ name: 'org_created', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }] }],
  surveys: [
    { name: 'org_updated', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }] },
    { name: 'status_closes', fields: [{ field: 'status', dir: 'asc' }, { field: 'closesOn', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'org_kind_period', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'kind', dir: 'asc' }, { field: 'period', dir: 'asc' }] },
    { name: 'path_updated', fields: [{ field: 'orgPath', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'orgPath' },
    // A resident's open surveys (their chain's, soonest closing first); an office's closing this week.
    { name: 'org_status_closes', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'status', dir: 'asc' }, { field: 'closesOn', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'path_status_closes', fields: [{ field: 'orgPath', dir: 'asc' }, { field: 'status', dir: 'asc' }, { field: 'closesOn', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'orgPath' },
  ],
  surveyResponses: [{ name: 'survey_comment', fields: [{ field: 'surveyId', dir: 'asc' }, { field: 'hasComment', dir: 'asc' }] }],
  surveyTallies: [],
  surveyDevices: [],
  cases: [
    { name: 'community_created', fields: [{ field: 'communityId', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'resident_created', fields: [{ field: 'residentId', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'community_next', fields: [{ field: 'communityId', dir: 'asc' }, { field: 'nextFollowUpDate', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
    // ledger.register: a worker's duplicate check by phone within the community.
    { name: 'community_phone', fields: [{ field: 'communityId', dir: 'asc' }, { field: 'phoneHash', dir: 'asc' }] },
    // The loan reminder list (ledger.gaps loanDue): repayments and 贴息 claims falling due.
    { name: 'community_loan_due', fields: [{ field: 'communityId', dir: 'asc' }, { field: 'loanDueDate', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
    // 应享未享 (ledger.gaps unbenefited, the workbench's count): entrepreneurs without an eligible benefit.
    { name: 'community_enjoyed_started', fields: [{ field: 'communityId', dir: 'asc' }, { field: 'enjoyedOn', dir: 'asc' }, { field: 'startedAt', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
    // A street's or district's ledger and 表彰 candidates (communityPath holds the office), newest first.
    { name: 'path_created', fields: [{ field: 'communityPath', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'communityPath' },
    // An office's workbench: follow-ups falling due in its subtree.
    { name: 'path_next', fields: [{ field: 'communityPath', dir: 'asc' }, { field: 'nextFollowUpDate', dir: 'asc' }, { field: '_id', dir: 'asc' }], multikey: 'communityPath' },
    // An office's 应享未享 and loan reminder lists across its subtree (ledger.gaps).
    { name: 'path_enjoyed_started', fields: [{ field: 'communityPath', dir: 'asc' }, { field: 'enjoyedOn', dir: 'asc' }, { field: 'startedAt', dir: 'asc' }, { field: '_id', dir: 'asc' }], multikey: 'communityPath' },
    { name: 'path_loan_due', fields: [{ field: 'communityPath', dir: 'asc' }, { field: 'loanDueDate', dir: 'asc' }, { field: '_id', dir: 'asc' }], multikey: 'communityPath' },
    // The retention sweep (maintenance.retention): cases untouched since before the cut-off.
    { name: 'updated', fields: [{ field: 'updatedAt', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
  ],
  caseSlots: [],
  claimCodes: [],
  projects: [
    { name: 'org_updated', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'status_updated', fields: [{ field: 'status', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'path_updated', fields: [{ field: 'orgPath', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'orgPath' },
  ],
  events: [
    { name: 'status_start', fields: [{ field: 'status', dir: 'asc' }, { field: 'startAt', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
    { name: 'org_start', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'startAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    // An office's event list: its subtree's events not yet ended, soonest first.
    { name: 'path_start', fields: [{ field: 'orgPath', dir: 'asc' }, { field: 'startAt', dir: 'asc' }, { field: '_id', dir: 'asc' }], multikey: 'orgPath' },
  ],
  eventSignups: [
    { name: 'event_status_seq', fields: [{ field: 'eventId', dir: 'asc' }, { field: 'status', dir: 'asc' }, { field: 'seq', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
    { name: 'event_seq', fields: [{ field: 'eventId', dir: 'asc' }, { field: 'seq', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
    { name: 'resident_updated', fields: [{ field: 'residentId', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
  ],
  eventRequests: [],
  // The chunked recount reads one org's records at a time (runtime/reconcile.ts).
  eventReach: [{ name: 'org', fields: [{ field: 'orgId', dir: 'asc' }] }],
  inbox: [
    { name: 'resident_created', fields: [{ field: 'residentId', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'resident_read', fields: [{ field: 'residentId', dir: 'asc' }, { field: 'readAt', dir: 'asc' }] },
    // notify's sendNotices timer: notices whose WeChat delivery is still to be filed, oldest first.
    { name: 'deliver_queued', fields: [{ field: 'deliverQueued', dir: 'asc' }, { field: 'createdAt', dir: 'asc' }] },
  ],
  feedback: [
    { name: 'community_created', fields: [{ field: 'communityId', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'resident_created', fields: [{ field: 'residentId', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'community_status_due', fields: [{ field: 'communityId', dir: 'asc' }, { field: 'status', dir: 'asc' }, { field: 'dueDate', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
    // An office's overdue complaints (workbench, feedback.stats) across its subtree.
    { name: 'path_due', fields: [{ field: 'communityPath', dir: 'asc' }, { field: 'dueDate', dir: 'asc' }, { field: '_id', dir: 'asc' }], multikey: 'communityPath' },
    // An office's feedback inbox across its subtree, newest first.
    { name: 'path_created', fields: [{ field: 'communityPath', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'communityPath' },
  ],
  subscriptions: [{ name: 'community_active', fields: [{ field: 'communityId', dir: 'asc' }, { field: 'active', dir: 'asc' }] }],
  subscribeQuotas: [{ name: 'resident', fields: [{ field: 'residentId', dir: 'asc' }] }],
  pushes: [{ name: 'policy_created', fields: [{ field: 'policyId', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] }],
  pushDeliveries: [
    { name: 'push_status_next', fields: [{ field: 'pushId', dir: 'asc' }, { field: 'status', dir: 'asc' }, { field: 'nextAttemptAt', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
    { name: 'resident', fields: [{ field: 'residentId', dir: 'asc' }] },
  ],
  outbox: [],
  shareArrivals: [
    { name: 'item', fields: [{ field: 'kind', dir: 'asc' }, { field: 'itemId', dir: 'asc' }] },
    { name: 'org', fields: [{ field: 'orgId', dir: 'asc' }] },
  ],
  evaluations: [
    { name: 'year_status', fields: [{ field: 'year', dir: 'asc' }, { field: 'status', dir: 'asc' }] },
    // An office's applications of a year (its subtree's communities).
    { name: 'path_year', fields: [{ field: 'communityPath', dir: 'asc' }, { field: 'year', dir: 'asc' }], multikey: 'communityPath' },
  ],
  evaluationDeadlines: [],
  evaluationExtensions: [],
  targets: [
    // targetsFor: the records of an org's path up to a year (orgId in path, year ≤ Y).
    { name: 'org_year', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'year', dir: 'desc' }] },
    // The staff page: a year's targets of an org's children.
    { name: 'year_index', fields: [{ field: 'year', dir: 'asc' }, { field: 'index', dir: 'asc' }] },
  ],
  targetYears: [],
  // report.list: the inbox (sent to my org), the unread lines, my org's sent ones, the 好经验 list.
  reports: [
    { name: 'to_updated', fields: [{ field: 'toOrgIds', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'toOrgIds' },
    { name: 'unread_updated', fields: [{ field: 'unreadOrgIds', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'unreadOrgIds' },
    { name: 'from_updated', fields: [{ field: 'fromOrgId', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'good_updated', fields: [{ field: 'good', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
  ],
  // report.honors: a year's list; a story's 表彰 (with consent).
  honors: [
    { name: 'year_kind', fields: [{ field: 'year', dir: 'asc' }, { field: 'kind', dir: 'asc' }] },
    { name: 'story', fields: [{ field: 'storyId', dir: 'asc' }] },
    // A case's anonymisation finds the 表彰 naming it.
    { name: 'subject', fields: [{ field: 'subjectId', dir: 'asc' }] },
  ],
  honorYears: [],
  localAverages: [],
  orgSetups: [],
  // The leader's workbench line: their active pairings; the case page: a case's pairings.
  pairings: [
    { name: 'leader_active', fields: [{ field: 'leaderId', dir: 'asc' }, { field: 'active', dir: 'asc' }, { field: 'dueOn', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
    { name: 'case', fields: [{ field: 'caseId', dir: 'asc' }] },
  ],
  dutyTasks: [
    // duty.board / duty.scores: a year's tasks whose owner lies in the caller's subtree.
    { name: 'year_owner', fields: [{ field: 'year', dir: 'asc' }, { field: 'ownerPath', dir: 'asc' }], multikey: 'ownerPath' },
  ],
  dutyAdjustments: [],
  reviewRubrics: [],
  // evaluation.scoreRanking: a year's scores of the communities in the caller's subtree; a rubric's submitted scores.
  reviewScores: [
    { name: 'year_path', fields: [{ field: 'year', dir: 'asc' }, { field: 'communityPath', dir: 'asc' }], multikey: 'communityPath' },
    { name: 'district_year', fields: [{ field: 'districtId', dir: 'asc' }, { field: 'year', dir: 'asc' }, { field: 'status', dir: 'asc' }] },
  ],
  courses: [
    // A resident's list: their chain's courses, latest change first.
    { name: 'org_updated', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'status_updated', fields: [{ field: 'status', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'path_updated', fields: [{ field: 'orgPath', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'orgPath' },
  ],
  courseEnrolments: [
    { name: 'course_created', fields: [{ field: 'courseId', dir: 'asc' }, { field: 'createdAt', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
    { name: 'resident_updated', fields: [{ field: 'residentId', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
  ],
  mentors: [
    { name: 'org_updated', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }] },
    { name: 'path_updated', fields: [{ field: 'orgPath', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'orgPath' },
  ],
  mentorRequests: [
    { name: 'intent_created', fields: [{ field: 'intentId', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    { name: 'resident', fields: [{ field: 'residentId', dir: 'asc' }] },
  ],
  sites: [{ name: 'org_updated', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] }],
  siteApplications: [
    { name: 'community_created', fields: [{ field: 'communityId', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }] },
    { name: 'resident_updated', fields: [{ field: 'residentId', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }] },
    // An office's 场地申请 list: one status across its subtree, newest first.
    { name: 'path_status_created', fields: [{ field: 'communityPath', dir: 'asc' }, { field: 'status', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'communityPath' },
  ],
  guides: [{ name: 'org_updated', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'updatedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] }],
  stories: [
    { name: 'published', fields: [{ field: 'publishedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    // A resident's list: the stories of the orgs of their chain, newest first.
    { name: 'org_published', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'publishedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    // An office's list (newest first) and a 表彰's stories: its subtree's (orgPath holds it).
    { name: 'path', fields: [{ field: 'orgPath', dir: 'asc' }, { field: 'publishedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }], multikey: 'orgPath' },
  ],
  // service.hotline: the hotlines of the caller's org path.
  hotlines: [{ name: 'org', fields: [{ field: 'orgId', dir: 'asc' }] }],
  // Multikey on CloudBase: a query's hasAny on `terms` reads only entries sharing a term with it.
  searchEntries: [
    { name: 'terms', fields: [{ field: 'terms', dir: 'asc' }], multikey: 'terms' },
    // A resident's search: entries of their chain's orgs sharing a term with the question.
    { name: 'org_terms', fields: [{ field: 'orgId', dir: 'asc' }, { field: 'terms', dir: 'asc' }], multikey: 'terms' },
  ],
  noticeSettings: [],
  noticeDeliveries: [{ name: 'status_created', fields: [{ field: 'status', dir: 'asc' }, { field: 'createdAt', dir: 'asc' }] }, { name: 'resident', fields: [{ field: 'residentId', dir: 'asc' }] }],
  migrations: [],
  // The timer resumes running jobs of its kinds.
  jobs: [{ name: 'state_kind', fields: [{ field: 'state', dir: 'asc' }, { field: 'kind', dir: 'asc' }] }],
  // Read and written by id on every call; the sweep finds callers idle for a day.
  rateLimits: [{ name: 'window', fields: [{ field: 'windowStart', dir: 'asc' }] }],
}

/** CloudBase index definition (the shape the console's index import and the CLI accept). */
export function cloudbaseIndexDefinitions(): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [collection, decls] of Object.entries(INDEXES)) {
    out[collection] = (decls as unknown as readonly IndexDeclaration<Record<string, unknown>>[]).map((d) => ({
      IndexName: d.name,
      MgoKeySchema: {
        MgoIsUnique: Boolean(d.unique),
        MgoIndexKeys: d.fields.map((f) => ({ Name: f.field, Direction: f.dir === 'asc' ? '1' : '-1' })),
      },
    }))
  }
  return out
}
