import type { WorkbenchItem, WorkbenchSummary } from '../../cloudfunctions/_shared/contracts/workbench'
import { periodsOf } from '../../cloudfunctions/_shared/domain/period'
import type { Identity } from '../../cloudfunctions/_shared/runtime/caller'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { dispatch } from '../../cloudfunctions/_shared/runtime/dispatch'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { eventDraft } from '../../cloudfunctions/event/actions/__tests__/fixtures'
import { FUNCTIONS } from '../functions'
import { seedDemo } from '../seed'

/**
 * 工作台: on the demo data, every count on every staff role's workbench is the length of the list
 * its link opens, paged to the end through the list action the page calls.
 */
const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
const keyring = makeKeyring(Buffer.from('w'.repeat(32)))
const now = new Date('2026-11-22T02:00:00Z')
let clock = now
const RESIDENT: Identity = { residentId: 'h5_workbench_resident' }

const call = (who: Identity, fn: string, action: string, data: unknown) => dispatch(FUNCTIONS[fn], { action, data }, { fn, store, identity: who, keyring, now: () => clock })
async function ok<T>(who: Identity, fn: string, action: string, data: unknown): Promise<T> {
  const { body } = await call(who, fn, action, data)
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`)
  return body.data as T
}
/** Every row of a keyset-paged list. */
async function all(who: Identity, fn: string, action: string, data: object): Promise<unknown[]> {
  const out: unknown[] = []
  let after: string | null = null
  do {
    const page: { items: unknown[]; next: string | null } = await ok(who, fn, action, { ...data, after, limit: 50 })
    out.push(...page.items)
    after = page.next
  } while (after)
  return out
}

/** The score level of the reviewers below. */
const LEVEL_OF: Record<string, string> = { st_bingcaogang: 'street', st_dadukou: 'street', st_dongqu: 'district', st_city: 'city' }

/** The list behind a workbench line, as its page loads it. */
async function listBehind(who: Identity, item: WorkbenchItem): Promise<number> {
  const year = Number(item.label.slice(0, 4)) || 2026
  switch (item.key) {
    case 'pairedDue':
      return (await ok<{ items: unknown[] }>(who, 'ledger', 'paired', { due: true })).items.length
    case 'pendingCases':
      return (await all(who, 'ledger', 'list', { status: 'pending' })).length
    case 'followUpsDue':
      return (await all(who, 'ledger', 'gaps', { kind: 'due' })).length
    case 'unguided':
    case 'unbenefited':
      return (await all(who, 'ledger', 'gaps', { kind: item.key })).length
    case 'loansDue':
      return (await all(who, 'ledger', 'gaps', { kind: 'loanDue' })).length
    case 'overdueFollowUps':
      return (await all(who, 'ledger', 'gaps', { kind: 'overdue' })).length
    case 'feedbackDue':
      return (await all(who, 'feedback', 'list', { due: true })).length
    case 'overdueFeedback':
      return (await ok<{ counts: { overdue: number } }>(who, 'feedback', 'stats', {})).counts.overdue
    case 'eventsToday':
      return (await all(who, 'event', 'list', { view: 'manage', when: 'today' })).length
    case 'surveysClosing':
      return (await all(who, 'survey', 'list', { closing: true })).length
    case 'unreadReports':
      return (await all(who, 'report', 'list', { box: 'inbox', unread: true })).length
    case 'evaluationStep':
    case 'applicationsWaiting':
      return (await ok<{ items: { mine: boolean }[] }>(who, 'evaluation', 'list', { year })).items.filter((i) => i.mine).length
    case 'scoresWaiting': {
      // The score ranking the line opens (each row links to its score sheet): submitted applications my level has not scored.
      const level = LEVEL_OF['staffId' in who ? who.staffId : '']
      const apps = (await ok<{ items: { communityId: string; status: string }[] }>(who, 'evaluation', 'list', { year })).items
      const submitted = new Set(apps.filter((a) => !['none', 'draft', 'returned'].includes(a.status)).map((a) => a.communityId))
      const ranking = await ok<{ districts: { rows: Record<string, unknown>[] }[] }>(who, 'evaluation', 'scoreRanking', { year })
      const rows = ranking.districts.flatMap((d) => d.rows)
      const waiting = rows.filter((r) => submitted.has(String(r.communityId)) && r[level] === null).map((r) => r.communityId)
      // The line opens the ranking filtered to its rows marked 待打分: the same communities.
      expect(rows.filter((r) => r.toScore === true).map((r) => r.communityId)).toEqual(waiting)
      expect(rows.every((r) => typeof r.toScore === 'boolean')).toBe(true)
      return waiting.length
    }
    case 'communitiesBehind': {
      // The dashboard's rollup, drilled down to the communities (as its rows open): those below target.
      const walk = async (orgId?: string): Promise<number> => {
        const rows = (await ok<{ rows: { org: { _id: string; level: string }; belowTarget: string[] }[] }>(who, 'indices', 'rollup', { orgId, period: periodsOf(now).month, sortBy: 'activity' })).rows
        let n = 0
        for (const r of rows) n += r.org.level === 'community' ? Number(r.belowTarget.length > 0) : await walk(r.org._id)
        return n
      }
      return walk()
    }
  }
}

const ROLES: [string, Identity, string[]][] = [
  ['community_staff', { staffId: 'st_jinsha' }, ['pendingCases', 'followUpsDue', 'unguided', 'unbenefited', 'loansDue', 'feedbackDue', 'eventsToday', 'surveysClosing', 'evaluationStep']],
  ['community_lead', { staffId: 'st_xinhua-lead' }, ['pendingCases', 'followUpsDue', 'unguided', 'unbenefited', 'loansDue', 'feedbackDue', 'eventsToday', 'surveysClosing', 'evaluationStep']],
  ['street_reviewer', { staffId: 'st_bingcaogang' }, ['pairedDue', 'applicationsWaiting', 'scoresWaiting', 'communitiesBehind', 'overdueFollowUps', 'overdueFeedback', 'eventsToday', 'surveysClosing', 'unreadReports']],
  ['district_officer', { staffId: 'st_dongqu' }, ['pairedDue', 'applicationsWaiting', 'scoresWaiting', 'communitiesBehind', 'overdueFollowUps', 'overdueFeedback', 'eventsToday', 'surveysClosing', 'unreadReports']],
  ['city_officer', { staffId: 'st_city' }, ['applicationsWaiting', 'scoresWaiting', 'communitiesBehind', 'overdueFollowUps', 'overdueFeedback', 'eventsToday', 'surveysClosing', 'unreadReports']],
]

beforeAll(async () => {
  await seedDemo(store, now, { forcePasswordChange: false, keyring })
  // Something on every list: a feedback item, an event today, a survey closing this week.
  await ok(RESIDENT, 'profile', 'save', { communityId: 'c-jinsha', targetGroups: ['graduate'] })
  // Sent five days ago: its answer is due within two days (or already late).
  clock = new Date(now.getTime() - 5 * 86_400_000)
  await ok(RESIDENT, 'feedback', 'submit', { kind: 'service_complaint', communityId: 'c-jinsha', text: '窗口说补贴材料不全，但没说缺什么。' })
  clock = now
  const start = new Date(now.getTime() + 3 * 3600_000).toISOString()
  const end = new Date(now.getTime() + 5 * 3600_000).toISOString()
  await ok({ staffId: 'st_jinsha' }, 'event', 'save', eventDraft({ place: '金沙社区党群服务中心', startAt: start, endAt: end, signupFrom: now.toISOString(), signupUntil: start }))
}, 120_000)

afterAll(async () => store.close())

describe('workbench.summary', () => {
  it.each(ROLES)('%s: each line is a count of exactly the list its link opens', async (_role, who, keys) => {
    const summary = await ok<WorkbenchSummary>(who, 'workbench', 'summary', {})
    expect(summary.items.map((i) => i.key)).toEqual(keys)
    for (const item of summary.items) {
      expect([item.key, item.count]).toEqual([item.key, await listBehind(who, item)])
      expect(item.page.startsWith('/staff/pages/')).toBe(true)
    }
  })

  it('finds work on the demo data, and moves when the work is done', async () => {
    const jinsha: Identity = { staffId: 'st_jinsha' }
    const before = await ok<WorkbenchSummary>(jinsha, 'workbench', 'summary', {})
    const count = (s: WorkbenchSummary, key: string) => s.items.find((i) => i.key === key)?.count ?? -1
    expect(count(before, 'feedbackDue')).toBeGreaterThan(0)
    expect(count(before, 'eventsToday')).toBeGreaterThan(0)
    // Answered, the complaint leaves the line.
    const item = (await ok<{ items: { _id: string }[] }>(jinsha, 'feedback', 'list', { due: true })).items[0]
    await ok(jinsha, 'feedback', 'reply', { id: item._id, text: '已核对：缺营业执照复印件，明天上午可来补交。' })
    const after = await ok<WorkbenchSummary>(jinsha, 'workbench', 'summary', {})
    expect(count(after, 'feedbackDue')).toBe(count(before, 'feedbackDue') - 1)
  })

  it('评审待打分: counts the submitted applications in the area the level has not scored, and drops one when a score is submitted', async () => {
    const street: Identity = { staffId: 'st_bingcaogang' }
    const count = async (who: Identity) => (await ok<WorkbenchSummary>(who, 'workbench', 'summary', {})).items.find((i) => i.key === 'scoresWaiting')
    const apps = (await ok<{ items: { communityId: string; status: string }[] }>(street, 'evaluation', 'list', { year: 2026 })).items
    // Submit 新华's application (if the demo has not) so there is one to score in 炳草岗街道.
    expect(apps.find((a) => a.communityId === 'c-xinhua')?.status).toBe('none')
    const lead: Identity = { staffId: 'st_xinhua-lead' }
    const zero = await count(street)
    // Applied before the year's deadline (30 September), scored now.
    clock = new Date('2026-09-10T02:00:00Z')
    const draft = await ok<{ version: number }>(lead, 'evaluation', 'draft', { year: 2026, form: { contactName: '张主任', contactPhone: '0812-7654321', overview: '新华社区 2300 户' }, report: { sections: [], summary: '五项标准基本达到，下一步扩大场地。' } })
    await ok(lead, 'evaluation', 'submit', { id: 'c-xinhua:2026', version: draft.version })
    clock = now
    expect((await count(street))?.count).toBe((zero?.count ?? 0) + 1)
    // Outside the area: 大渡口街道 and 西区 do not count 新华社区.
    expect((await count({ staffId: 'st_dadukou' }))?.count).toBe(0)
    expect((await count({ staffId: 'st_xiqu' }))?.count).toBe(0)
    expect((await count({ staffId: 'st_dongqu' }))?.count).toBe(1)
    const before = await count(street)
    const other = await count({ staffId: 'st_dadukou' })
    expect(before?.label).toBe(`评审待打分 ${before?.count} 个社区`)
    expect(before?.page).toContain('evaluation-scores')
    expect(before?.page).toContain('waiting=1')
    const waiting = (await ok<{ items: { communityId: string; status: string }[] }>(street, 'evaluation', 'list', { year: 2026 })).items.filter((a) => !['none', 'draft', 'returned'].includes(a.status))
    const sheetOf = async (communityId: string) => ok<{ items: { key: string; max: number }[] | null; scores: { street: { status: string } | null } }>(street, 'evaluation', 'scoreSheet', { communityId, year: 2026 })
    let target: string | null = null
    for (const a of waiting) if ((await sheetOf(a.communityId)).scores.street?.status !== 'submitted') target = a.communityId
    expect(target).not.toBeNull()
    expect(before?.count).toBeGreaterThan(0)
    const items = (await sheetOf(String(target))).items ?? []
    await ok(street, 'evaluation', 'score', { communityId: target, year: 2026, submit: true, items: items.map((i) => ({ key: i.key, score: i.max, comment: '材料齐全' })) })
    expect((await count(street))?.count).toBe((before?.count ?? 0) - 1)
    // Another street's line does not move: its area does not hold this community.
    expect((await count({ staffId: 'st_dadukou' }))?.count).toBe(other?.count)
  })

  it('sends residents away', async () => {
    expect((await call(RESIDENT, 'workbench', 'summary', {})).status).toBe(403)
  })
})

