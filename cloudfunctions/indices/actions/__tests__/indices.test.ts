import { testExportFiles } from '../../../_shared/testing/export-files'
import { countingStore, type OpCount } from '../../../../bench/counting-store'
import type { DashboardOutput, DrilldownOutput, MoneyOutput, ReconcileReport, RollupOutput } from '../../../_shared/contracts/indices'
import type { JobView } from '../../../_shared/contracts/job'
import type { CaseView, MyCase } from '../../../_shared/contracts/intent'
import type { IndexKey } from '../../../_shared/domain/indices'
import type { Ctx } from '../../../_shared/runtime/action'
import { reconcileCounters } from '../../../_shared/runtime/reconcile'
import { makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { intentActions } from '../../../intent/actions'
import { idCard, registration } from '../../../intent/actions/__tests__/fixtures'
import { makeLedgerActions } from '../../../ledger/actions'
import { eventActions } from '../../../event/actions'
import { eventDraft, unrenderedMiniCodes } from '../../../event/actions/__tests__/fixtures'
import type { EventView } from '../../../_shared/contracts/event'
import { indicesActions } from '..'

const STAFF = [...testStaff('a-staff', 'b-staff', 'reviewer', 'district', 'admin'), { id: 'staff-a', role: 'community_staff' as const, orgId: 'comm-a' }]

const ledger = makeLedgerActions(() => {
  throw new Error('no exports here')
})
const events = eventActions({ codes: unrenderedMiniCodes(), files: testExportFiles().files })

/** A seeded random generator, so a failing workload can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

async function setup() {
  const h = await makeHarness(STAFF)
  const dash = (who: string, data: object) => h.ok<DashboardOutput>(indicesActions, staffId(who), 'dashboard', data)
  const idx = (d: DashboardOutput, key: IndexKey) => d.indices.find((i) => i.key === key)!
  return { h, dash, idx }
}

type H = Awaited<ReturnType<typeof setup>>['h']

/** Registers `n` residents and works their cases: guidance, ventures, benefits, stages, withdrawals, sign-ups. */
async function workload(h: H, n: number, seed: number): Promise<void> {
  const rand = rng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]
  const day = (y: number) => `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`
  const e = await h.ok<EventView>(events, staffId('staff-a'), 'save', eventDraft({ capacity: Math.max(2, Math.floor(n / 3)) }))
  for (let i = 0; i < n; i++) {
    const community = pick(['comm-a', 'comm-b'])
    const who = community === 'comm-a' ? 'a-staff' : 'b-staff'
    h.setNow(`${pick([2024, 2025, 2026])}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}T03:00:00.000Z`)
    const mine = await h.ok<MyCase>(intentActions, resident(`r${i}`), 'submit', {
      ...registration({ communityId: community, idCard: idCard(`5104021990${String(1 + (i % 12)).padStart(2, '0')}${String(10 + (i % 18))}${String(i).padStart(3, '0')}`) }),
      needs: rand() < 0.8 ? ['funding'] : [],
      fundingAmount: 10000,
    })
    h.setNow('2026-11-22T02:00:00.000Z')
    if (rand() < 0.15) {
      await h.ok(intentActions, resident(`r${i}`), 'withdraw', { id: mine._id })
      continue
    }
    let version = mine.version
    const act = async (action: string, data: object) => {
      const v = await h.ok<CaseView>(ledger, staffId(who), action, { id: mine._id, ...data })
      version = v.version
      return v
    }
    if (rand() < 0.7) await act('addFollowUp', { kind: pick(['guidance', 'policy', 'site']), date: day(2026).replace(/-1[12]-/, '-10-'), note: '上门一对一指导', outcome: '', visibleToResident: true, nextFollowUpDate: '' })
    if (rand() < 0.5) {
      const v = await act('recordVenture', { name: `小店${i}`, kind: pick(['individual', 'enterprise']), registrationDate: day(pick([2024, 2025])), jobsCreated: Math.floor(rand() * 6), status: 'operating', closureDate: '' })
      if (rand() < 0.3) {
        const venture = v.ventures[0]
        await act('recordVenture', { ventureId: venture.id, name: venture.name, kind: venture.kind, registrationDate: venture.registrationDate, jobsCreated: venture.jobsCreated + 1, status: 'closed', closureDate: '2026-03-01' })
      }
      if (rand() < 0.6) await act('recordBenefit', { policyId: null, policyTitle: '一次性创业补贴', kind: pick(['startup_subsidy', 'rent_subsidy', 'guaranteed_loan'] as const), amountFen: Math.floor(rand() * 2_000_000), approvedBy: '区人社局', documentNo: '', overrideReason: '政策库外的补贴', date: day(2026).replace(/-1[12]-/, '-09-'), note: '' })
    }
    if (rand() < 0.2) await act('setStage', { stage: 'trained', note: '' })
    if (rand() < 0.1) await act('setStage', { stage: 'closed', note: '已办结' })
    if (rand() < 0.4) {
      const r = await h.call(events, resident(`r${i}`), 'signup', { eventId: e._id, name: `居民${i}`, phone: `139${String(i).padStart(8, '0')}`, requestId: `req-${seed}-${i}` })
      if (r.body.ok && rand() < 0.3) await h.call(events, resident(`r${i}`), 'cancel', { mode: 'signup', eventId: e._id, requestId: `cancel-${seed}-${i}` })
    }
    void version
  }
}

describe('indices.dashboard', () => {
  it('costs a community four store reads (its counters, the year’s 当地平均数, its 组织体系 and the policies on its chain), with 5 or 60 cases behind it', async () => {
    for (const n of [5, 60]) {
      const { h } = await setup()
      await workload(h, n, 7)
      const staff = (await h.store.collection('staff').get('a-staff'))!
      const org = (await h.store.collection('orgs').get('comm-a'))!
      const ops: OpCount = { reads: 0, writes: 0 }
      const ctx: Ctx = { store: countingStore(h.store, ops), caller: { kind: 'staff', id: staff._id, staff, org }, now: () => new Date('2026-11-22T02:00:00Z'), keyring: h.keyring }
      const out = (await indicesActions.dashboard.run({ period: '2026-M11' }, ctx)) as DashboardOutput
      expect(out.indices.length).toBeGreaterThan(10)
      // One query for the counters whatever the cases; one get of the year's 当地平均数 and one of the
      // community's 组织体系 (issue 21); one query of the policies on its chain (政策享受率 from eligibility, issue 22).
      expect(ops).toEqual({ reads: 4, writes: 0 })
    }
  })

  it('shows what the ledger wrote, for the community and summed for the street and district', async () => {
    const { h, dash, idx } = await setup()
    await workload(h, 40, 11)
    let intents: import('../../../_shared/domain/case').Case[] = []
    for await (const b of h.store.collection('cases').scan(undefined, 100)) intents = intents.concat(b)
    const active = (c: string) => intents.filter((i) => i.communityId === c && i.status !== 'withdrawn')
    for (const [who, c] of [['a-staff', 'comm-a'], ['b-staff', 'comm-b']] as const) {
      const d = await dash(who, { period: '2026' })
      const cov = idx(d, 'assistanceCoverage')
      expect(cov.denominator ?? 0).toBe(active(c).filter((i) => i.askedHelp).length || 0)
      expect(cov.numerator).toBe(active(c).filter((i) => i.askedHelp && i.guidedAt).length)
      // From eligibility, the `all` row of the money breakdown (no policy in force here: nobody eligible).
      const money = await h.ok<MoneyOutput>(indicesActions, staffId(who), 'money', { period: '2026' })
      expect([idx(d, 'policyEnjoyment').numerator, idx(d, 'policyEnjoyment').denominator ?? 0]).toEqual([money.enjoyment[0].benefited, money.enjoyment[0].eligible])
      expect(idx(d, 'staffInPlace').numerator).toBe(c === 'comm-a' ? 2 : 1)
    }
    const a = await dash('a-staff', { period: '2026' })
    const b = await dash('b-staff', { period: '2026' })
    // The rule that makes a light 接近 comes with the figures, labelled as a local rule (not a document's).
    expect(a.lightRule).toMatchObject({ key: 'closeShare', value: 0.8, source: 'local', sourceLabel: '本地规则（市创建办设定，非文件要求）' })
    for (const who of ['reviewer', 'district']) {
      const up = await dash(who, { period: '2026' })
      for (const key of ['assistanceCoverage', 'policyEnjoyment', 'employmentDriven', 'initialSuccess'] as IndexKey[]) {
        expect(idx(up, key).numerator).toBe(idx(a, key).numerator + idx(b, key).numerator)
      }
      expect(up.communities).toBe(2)
      expect(up.benefits.map((r) => r.amount)).toEqual(a.benefits.map((r, i) => r.amount + b.benefits[i].amount))
    }
    const roll = await h.ok<RollupOutput>(indicesActions, staffId('reviewer'), 'rollup', { period: '2026', sortBy: 'assistanceCoverage' })
    expect(roll.rows.map((r) => r.org._id).sort()).toEqual(['comm-a', 'comm-b'])
    const values = roll.rows.map((r) => r.indices.find((i) => i.key === 'assistanceCoverage')!.value ?? -1)
    expect(values).toEqual([...values].sort((x, y) => y - x))
    const dist = await h.ok<RollupOutput>(indicesActions, staffId('district'), 'rollup', { period: '2026' })
    const street = await dash('reviewer', { period: '2026' })
    expect(dist.rows[0].indices.find((i) => i.key === 'policyEnjoyment')!.numerator).toBe(idx(street, 'policyEnjoyment').numerator)
  })

  it('keeps staff to their scope', async () => {
    const { h } = await setup()
    expect((await h.call(indicesActions, staffId('b-staff'), 'dashboard', { orgId: 'comm-a', period: '2026' })).status).toBe(404)
    expect((await h.call(indicesActions, staffId('reviewer'), 'dashboard', { orgId: 'comm-a', period: '2026' })).status).toBe(200)
    expect((await h.call(indicesActions, staffId('reviewer'), 'dashboard', { orgId: 'city', period: '2026' })).status).toBe(404)
    expect((await h.call(indicesActions, resident('r1'), 'dashboard', { period: '2026' })).status).toBe(403)
    const bad = await h.call(indicesActions, staffId('a-staff'), 'dashboard', { period: '2026-M13' })
    expect(bad.status).toBe(400)
    expect(bad.body.ok ? null : bad.body.error.fields?.[0].path).toBe('period')
  })
})

describe('indices.saveBaseline', () => {
  it('stores a community baseline the dashboard divides by, validated and audited', async () => {
    const { h, dash, idx } = await setup()
    await workload(h, 20, 3)
    const before = await dash('a-staff', { period: '2026-M11' })
    expect(idx(before, 'activity').value).toBeNull()
    expect(idx(before, 'activity').missing).toMatch(/基数/)
    const bad = await h.call(indicesActions, staffId('a-staff'), 'saveBaseline', { period: '2026', workingAge: -5 })
    expect(bad.status).toBe(400)
    expect(bad.body.ok ? null : bad.body.error.fields?.map((f) => f.path)).toEqual(['workingAge'])
    const silly = await h.call(indicesActions, staffId('a-staff'), 'saveBaseline', { period: '2026', workingAge: 100, employed: 1000 })
    expect(silly.body.ok ? null : silly.body.error.fields?.map((f) => f.path)).toEqual(['employed'])
    expect((await h.call(indicesActions, staffId('district'), 'saveBaseline', { communityId: 'comm-a', period: '2026', workingAge: 100 })).status).toBe(403)
    expect((await h.call(indicesActions, staffId('b-staff'), 'saveBaseline', { communityId: 'comm-a', period: '2026', workingAge: 100 })).status).toBe(404)
    await h.ok(indicesActions, staffId('a-staff'), 'saveBaseline', { period: '2026', workingAge: 400, employed: 300 })
    const after = await dash('a-staff', { period: '2026-M11' })
    const act = idx(after, 'activity')
    expect(act.denominator).toBe(400)
    expect(act.value).toBeCloseTo(act.numerator / 400)
    expect(idx(after, 'employmentDriven').denominator).toBe(300)
    const audit = await h.store.collection('audit').find({ limit: 100 })
    expect(audit.items.filter((a) => a.action.endsWith('saveBaseline') && a.result === 'ok')).toHaveLength(1)
    // A recount leaves the baseline alone.
    const report = await reconcileCounters(h.store, { repair: true })
    expect(report.driftCount).toBe(0)
    expect(idx(await dash('a-staff', { period: '2026-M11' }), 'activity').denominator).toBe(400)
  })
})

describe('reconciliation', () => {
  it('after a random mixed workload every counter equals the recount', async () => {
    for (const seed of [1, 2, 3]) {
      const { h } = await setup()
      await workload(h, 45, seed)
      const report = await reconcileCounters(h.store, { repair: false })
      expect(report.scanned.cases).toBe(45)
      expect(report.counterDocs).toBeGreaterThan(10)
      expect(report.drift).toEqual([])
    }
  })

  it('finds injected drift, repairs it, and a second run finds none', async () => {
    const { h, dash, idx } = await setup()
    await workload(h, 30, 5)
    const truth = await dash('a-staff', { period: '2026' })
    await h.store.collection('counters').update('comm-a:2026', { inc: { guided: 7, engaged: -2 } })
    const lost = (await h.store.collection('counters').find({ limit: 1 })).items[0]
    await h.store.collection('counters').remove(lost._id)
    // A small tree: the recount job finishes within its first call.
    const dryJob = await h.ok<JobView<ReconcileReport>>(indicesActions, staffId('admin'), 'reconcile', {})
    expect(dryJob.state).toBe('done')
    const dry = dryJob.result as ReconcileReport
    expect(dry.driftCount).toBeGreaterThanOrEqual(3)
    expect(dry.repaired).toBe(false)
    expect((await h.call(indicesActions, staffId('district'), 'reconcile', { repair: true })).status).toBe(403)
    const fixed = (await h.ok<JobView<ReconcileReport>>(indicesActions, staffId('admin'), 'reconcile', { repair: true })).result as ReconcileReport
    expect(fixed.repaired).toBe(true)
    expect((await reconcileCounters(h.store, { repair: false })).driftCount).toBe(0)
    const again = await dash('a-staff', { period: '2026' })
    expect(again.indices.map((i) => [i.key, i.numerator, i.denominator])).toEqual(truth.indices.map((i) => [i.key, i.numerator, i.denominator]))
    expect(idx(again, 'assistanceCoverage').numerator).toBe(idx(truth, 'assistanceCoverage').numerator)
  })
})

describe('indices.drilldown', () => {
  it('lists exactly the cases behind a numerator and a denominator', async () => {
    const { h, dash, idx } = await setup()
    await workload(h, 30, 9)
    const d = await dash('a-staff', { period: '2026' })
    for (const key of ['assistanceCoverage', 'policyEnjoyment'] as IndexKey[]) {
      for (const side of ['num', 'den'] as const) {
        const rows: DrilldownOutput['items'] = []
        let after: string | null = null
        do {
          const page: DrilldownOutput = await h.ok<DrilldownOutput>(indicesActions, staffId('a-staff'), 'drilldown', { period: '2026', key, side, after })
          rows.push(...page.items)
          after = page.next
        } while (after)
        const i = idx(d, key)
        expect(rows.length).toBe(side === 'num' ? i.numerator : i.denominator ?? 0)
        expect(rows.every((r) => r.communityName === '甲社区')).toBe(true)
      }
    }
    expect((await h.call(indicesActions, staffId('a-staff'), 'drilldown', { period: '2026', key: 'satisfactionService' })).status).toBe(404)
  })
})
