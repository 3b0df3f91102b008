import { type StaffMember, staffContributions } from '../cloudfunctions/_shared/domain/staff'
import { applyCountedChange } from '../cloudfunctions/_shared/runtime/counters'
import type { Policy } from '../cloudfunctions/_shared/domain/policy'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { Store } from '../cloudfunctions/_shared/store/port'
import type { Keyring } from '../cloudfunctions/_shared/runtime/keyring'
import { rebuildSearchIndex } from '../cloudfunctions/_shared/application/search-index'
import type { Org } from '../cloudfunctions/_shared/domain/org'
import { targetId, type TargetRecord } from '../cloudfunctions/_shared/domain/target'
import { TARGET_SEEDS } from '../cloudfunctions/_shared/domain/target-seeds'
import { shanghaiDate } from '../cloudfunctions/_shared/domain/time'
import { seedDefaultTargets } from '../cloudfunctions/_shared/runtime/migrations'
import { hashPassword } from './auth'
import { seedDemoCases } from './seed-cases'
import { seedDemoEvents } from './seed-events'
import { seedDemoCensus, seedDemoPairings, seedDemoSurveys } from './seed-surveys'
import { cityOrg, computeCityActivity } from '../cloudfunctions/_shared/application/census'
import { seedDemoProjects } from './seed-projects'
import { seedDemoServices } from './seed-services'
import { seedDemoReports } from './seed-reports'
import { seedDemoSetups } from './seed-setups'
import { seedDemoScoring } from './seed-scoring'
import type { DutyTask } from '../cloudfunctions/_shared/domain/duty'
import { DEMO_ACCOUNTS, DEMO_DUTY_TASKS, DEMO_ORGS, DEMO_PASSWORD, DEMO_POLICIES, keptDemoItems } from './seed-data'

/**
 * Seeds the demo org tree, staff accounts and policies into an empty store, in one
 * transaction. Returns false (and writes nothing) when the store already holds orgs.
 */
export async function seedDemo(
  store: Store<Collections>,
  now: Date,
  /** Seeded passwords must be changed at first sign-in (off only for browser-test runtimes). */
  options: { forcePasswordChange?: boolean; keyring?: Keyring; demoData?: boolean; passwords?: boolean } = {},
): Promise<boolean> {
  if ((await store.collection('orgs').count()) > 0) return false
  // scrypt is deliberately slow: hash once, outside the transaction, and share the demo hash.
  // A cloud deployment (`cloud:admin --demo`) gets the demo people without any password: staff
  // there sign in only by binding their WeChat to an invitation.
  const withPasswords = options.passwords ?? true
  const hash = withPasswords ? await hashPassword(DEMO_PASSWORD) : null
  const at = now.toISOString()
  await store.transaction(async (tx) => {
    for (const org of DEMO_ORGS) await tx.collection('orgs').insert(org)
    // Without demo data: the org tree and the admin, who invites everyone else.
    const demo = options.demoData ?? true
    for (const a of DEMO_ACCOUNTS.filter((x) => demo || x.username === 'admin')) {
      const member: StaffMember = {
        _id: `st_${a.username}`,
        name: a.name,
        role: a.role,
        orgId: a.orgId,
        openid: null,
        username: withPasswords ? a.username : null,
        passwordHash: hash,
        active: true,
        createdAt: at,
        mustChangePassword: options.forcePasswordChange ?? true,
        failedLogins: 0,
        lockedUntil: null,
        writtenBy: 'server',
      }
      await tx.collection('staff').insert(member)
      await applyCountedChange(tx, null, { orgId: member.orgId, contributions: staffContributions(member) })
    }
    if (!demo) return
    // Staggered publish times give the list a stable, meaningful order.
    for (const { kept, fields, stamp } of keptDemoItems('policy', 'pol', DEMO_POLICIES, now)) {
      const policy: Policy = { ...kept, ...fields, publishedAt: fields.status === 'published' ? stamp : '' }
      await tx.collection('policies').insert(policy)
    }
    await seedDemoSurveys(tx, now)
    await seedDemoCensus(tx, now)
    await seedDemoEvents(tx, now)
    await seedDemoProjects(tx, now)
    await seedDemoServices(tx, now, DEMO_ORGS)
  })
  // The demo items were written straight to the store: index them as their save actions would.
  if (options.demoData ?? true) await rebuildSearchIndex(store, at)
  // Demo cases seal phone and ID numbers, so they need the runtime's keys.
  if (options.keyring && (options.demoData ?? true)) {
    await seedDemoCases(store, options.keyring, now, DEMO_ORGS)
    await seedDemoPairings(store, now)
  }
  // The seeds' targets for the city (the migration does the same for a database that has a city).
  await seedDefaultTargets(store, now)
  if (options.demoData ?? true) {
    await seedDemoTargets(store, now)
    await seedDemoLocalAverage(store, now)
    // 简报 between the demo orgs and the demo year's 表彰 (the person named is a demo case).
    await seedDemoReports(store, now)
    // 组织体系: 金沙 complete, 新华 with gaps the checklist names.
    await seedDemoSetups(store, now)
    // 督查: seed 001's 职责分工 as the demo plan, some tasks overdue.
    await seedDemoDuty(store, now)
    // 评审内容与评分: 东区's rubric for the year and 炳草岗街道's 初评 of 金沙社区.
    await seedDemoScoring(store, now)
  }
  return true
}

/**
 * The demo year's 当地平均数, computed from the demo communities as `indices.setLocalAverage`
 * with `percent: null` would (so some communities are above it and some below).
 */
export async function seedDemoLocalAverage(store: Store<Collections>, now: Date): Promise<void> {
  const city = await cityOrg({ store })
  if (!city) return
  const year = Number(shanghaiDate(now).slice(0, 4))
  const c = await computeCityActivity({ store }, city, year, shanghaiDate(now))
  if (c.percent === null) return
  await store.collection('localAverages').put({ _id: String(year), year, orgId: city._id, source: 'computed', percent: c.percent, num: c.num, den: c.den, setBy: 'st_admin', setAt: now.toISOString() })
}

/**
 * The demo tree's targets for the current year: seed 001's count targets (私营企业 +49, 个体工商户
 * +1180) split city → districts → streets → communities, as each level would with `splitTarget`
 * (shares add up at every level), and one ratio a district overrides for its streets.
 */
export async function seedDemoTargets(store: Store<Collections>, now: Date): Promise<void> {
  const year = Number(shanghaiDate(now).slice(0, 4))
  const at = now.toISOString()
  const records: TargetRecord[] = []
  const split = (parent: Org, index: 'newEnterprises' | 'newIndividual', total: number) => {
    const kids = DEMO_ORGS.filter((o) => o.parentId === parent._id)
    kids.forEach((kid, i) => {
      // Even shares, the remainder to the first children: they add up to the parent's exactly.
      const share = Math.floor(total / kids.length) + (i < total % kids.length ? 1 : 0)
      records.push({ _id: targetId(year, kid._id, index), index, orgId: kid._id, orgPath: kid.path, year, value: share, source: 'seed-001', splitFrom: parent._id, setBy: 'seed', setAt: at })
      split(kid, index, share)
    })
  }
  const city = DEMO_ORGS.find((o) => o.level === 'city')
  if (!city) return
  for (const t of TARGET_SEEDS) {
    if (t.index !== 'newEnterprises' && t.index !== 'newIndividual') continue
    records.push({ _id: targetId(year, city._id, t.index), index: t.index, orgId: city._id, orgPath: city.path, year, value: t.value, source: t.source, splitFrom: null, setBy: 'seed', setAt: at })
    split(city, t.index, t.value ?? 0)
  }
  // 西区 asks more of its streets' 创业活动指数 than the city's 15%: a local override.
  const west = DEMO_ORGS.find((o) => o._id === 'd-west')
  if (west) records.push({ _id: targetId(year, west._id, 'activity'), index: 'activity', orgId: west._id, orgPath: west.path, year, value: 0.18, source: 'local', splitFrom: 'city', setBy: 'seed', setAt: at })
  for (const r of records) {
    if (!(await store.collection('targets').get(r._id))) await store.collection('targets').put(r)
  }
}

/**
 * Seed 001's 职责分工 as the demo plan of the current year: the city's departments and the demo
 * districts/streets, deadlines relative to the seeding day (some passed, some within 14 days),
 * progress reports dated and kept as the duty actions would write them.
 */
export async function seedDemoDuty(store: Store<Collections>, now: Date): Promise<void> {
  const year = Number(shanghaiDate(now).slice(0, 4))
  const city = DEMO_ORGS.find((o) => o.level === 'city')
  if (!city) return
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000)
  const reporterOf = (orgId: string) => DEMO_ACCOUNTS.find((a) => a.orgId === orgId && a.role !== 'admin')
  for (const t of DEMO_DUTY_TASKS) {
    const _id = `dut_demo_${t.key}`
    if (await store.collection('dutyTasks').get(_id)) continue
    const owner = t.ownerOrgId ? DEMO_ORGS.find((o) => o._id === t.ownerOrgId) : city
    if (!owner) throw new Error(`seed duty task ${t.key} names unknown org ${t.ownerOrgId}`)
    const reporter = reporterOf(owner._id)
    const reports = t.reports.map((r) => ({
      at: day(-r.daysAgo).toISOString(),
      on: shanghaiDate(day(-r.daysAgo)),
      text: r.text,
      percent: r.percent,
      figures: r.figures ?? [],
      attachments: [],
      byId: `st_${reporter?.username ?? 'city'}`,
      byName: reporter?.name ?? owner.name,
    }))
    const last = reports[reports.length - 1]
    const doneAt = reports.find((r) => r.percent >= 100)
    const task: DutyTask = {
      _id,
      year,
      text: t.text,
      department: t.department ?? null,
      ownerOrgId: owner._id,
      ownerPath: owner.path,
      ownerKey: t.department ? `${city._id}:${t.department}` : owner._id,
      ownerName: t.department ?? owner.name,
      setterOrgId: city._id,
      deadline: shanghaiDate(day(t.dueInDays)),
      measure: t.measure,
      weight: t.weight,
      percent: last?.percent ?? 0,
      doneOn: doneAt?.on ?? null,
      reports,
      reminders: [],
      schedule: t.schedule ?? null,
      edits: [],
      createdAt: day(-90).toISOString(),
      createdBy: 'st_city',
      updatedAt: last?.at ?? day(-90).toISOString(),
      version: 1 + reports.length,
    }
    await store.collection('dutyTasks').put(task)
  }
}
