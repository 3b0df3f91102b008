/**
 * The demo data has benefits and loans across groups (issue 22): on a freshly seeded demo
 * database every money breakdown of the city for the last twelve months shows real figures, the
 * counters recount with no drift, and the breakdown's figures drill down to cases. 应享未享 is
 * one set of cases wherever it shows: 政策享受率's figure, its drill-down and the ledger's list.
 */
import type { DashboardOutput, DrilldownOutput, MoneyCasesOutput, MoneyOutput } from '../../cloudfunctions/_shared/contracts/indices'
import { dispatch } from '../../cloudfunctions/_shared/runtime/dispatch'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { reconcileCounters } from '../../cloudfunctions/_shared/runtime/reconcile'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { indicesActions } from '../../cloudfunctions/indices/actions'
import { seedDemo } from '../seed'
import { FUNCTIONS } from '../functions'
import { where } from '../../cloudfunctions/_shared/store/port'
import type { Org } from '../../cloudfunctions/_shared/domain/org'

it('every breakdown of the demo shows real figures, drills down, and recounts with no drift', async () => {
  const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  const keyring = makeKeyring(Buffer.from('demo-money-master-secret-0123456789'))
  const now = new Date('2026-11-22T02:00:00Z')
  await seedDemo(store, now, { keyring, demoData: true, forcePasswordChange: false })
  const call = async <T>(action: string, data: object) => {
    const { body } = await dispatch(indicesActions, { action, data }, { store, identity: { staffId: 'st_city' }, keyring, now: () => now })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    return body.data as T
  }
  // Two years of demo cases: sum the two calendar years.
  const years = await Promise.all(['2025', '2026'].map((period) => call<MoneyOutput>('money', { period })))
  const sum = (pick: (m: MoneyOutput) => { key?: string; kind?: string; step?: string; count: number }[]) => {
    const out = new Map<string, number>()
    for (const m of years) for (const r of pick(m)) out.set(r.kind ?? r.step ?? r.key ?? '', (out.get(r.kind ?? r.step ?? r.key ?? '') ?? 0) + r.count)
    return out
  }
  const kinds = sum((m) => m.byKind)
  for (const k of ['tax_relief', 'fee_waiver', 'rent_subsidy', 'startup_subsidy', 'guaranteed_loan', 'interest_subsidy', 'social_insurance_subsidy', 'job_subsidy']) expect([k, kinds.get(k)! > 0]).toEqual([k, true])
  const groups = sum((m) => m.byGroup)
  for (const g of ['graduate', 'returning_migrant', 'unemployed', 'farmer', 'veteran', 'disabled', 'newcomer', 'private_enterprise', 'women', 'tech_staff']) expect([g, groups.get(g)! > 0]).toEqual([g, true])
  const steps = sum((m) => m.loanSteps)
  for (const s of ['applied', 'recommended', 'guarantee_reviewed', 'bank_approved', 'disbursed', 'interest', 'repaid', 'overdue', 'compensated']) expect([s, steps.get(s)! > 0]).toEqual([s, true])
  expect(years.some((m) => m.byPolicy.length > 3)).toBe(true)
  expect(years.reduce((n, m) => n + m.fourInOne.num, 0)).toBeGreaterThan(0)
  expect(years.reduce((n, m) => n + m.overridden, 0)).toBeGreaterThan(0)
  const disbursed = years[1].loanSteps.find((r) => r.step === 'disbursed')!
  const cases = await call<MoneyCasesOutput>('moneyCases', { period: '2026', metric: disbursed.metric })
  expect(cases.items.length).toBeGreaterThan(0)
  // 政策享受率 from eligibility: a stock, so 2026 is the whole demo. Some eligible entrepreneurs have
  // a benefit, some are 应享未享 (the drill-down lists them, a district's first page at most 20).
  const enjoyment = years[1].enjoyment
  const all = enjoyment.find((r) => r.key === 'all')!
  expect(all.eligible).toBeGreaterThan(0)
  expect(all.benefited).toBeGreaterThan(0)
  expect(all.missing).toBeGreaterThan(0)
  expect(enjoyment.filter((r) => r.key !== 'all').length).toBeGreaterThan(3)
  for (const r of enjoyment) expect(r.benefited + r.missing).toBe(r.eligible)
  // A person in two groups counts in each group row and once overall.
  expect(enjoyment.filter((r) => r.key !== 'all').reduce((n, r) => n + r.eligible, 0)).toBeGreaterThanOrEqual(all.eligible)
  const gap = await call<MoneyCasesOutput>('moneyCases', { period: '2026', metric: all.metric })
  expect(gap.items.length).toBeGreaterThan(0)
  // The headline 政策享受率 of the city's dashboard is that same `all` row, and drills down to cases.
  const dash = await call<DashboardOutput>('dashboard', { period: '2026' })
  expect(dash.indices.find((i) => i.key === 'policyEnjoyment')).toMatchObject({ numerator: all.benefited, denominator: all.eligible })
  for (const side of ['num', 'den'] as const) expect((await call<DrilldownOutput>('drilldown', { period: '2026', key: 'policyEnjoyment', side })).items.length).toBeGreaterThan(0)
  expect((await reconcileCounters(store, { repair: false })).drift).toEqual([])
  await store.close()
})

it("each community's 应享未享 is one set of cases: the rate's figure, its drill-down and the ledger's to-do list", async () => {
  const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  const keyring = makeKeyring(Buffer.from('demo-money-master-secret-0123456789'))
  const now = new Date('2026-11-22T02:00:00Z')
  await seedDemo(store, now, { keyring, demoData: true, forcePasswordChange: false })
  const call = async <T>(fn: string, action: string, data: object) => {
    const { body } = await dispatch(FUNCTIONS[fn], { action, data }, { store, identity: { staffId: 'st_city' }, keyring, now: () => now, fn })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    return body.data as T
  }
  /** Every page of a list, as the ids of its cases. */
  const ids = async (fn: string, action: string, data: object) => {
    const out: string[] = []
    for (let after: string | null = null, first = true; first || after; first = false) {
      const page: { items: { _id: string }[]; next: string | null } = await call(fn, action, { ...data, after })
      out.push(...page.items.map((i) => i._id))
      after = page.next
    }
    return out.sort()
  }
  const communities = (await store.collection('orgs').find({ where: where.eq<Org>('level', 'community'), limit: 100 })).items
  let seen = 0
  for (const c of communities) {
    // This month: the level of the stock today.
    const money = await call<MoneyOutput>('indices', 'money', { orgId: c._id, period: '2026-M11' })
    const all = money.enjoyment.find((r) => r.key === 'all')
    const drill = all ? await ids('indices', 'moneyCases', { orgId: c._id, period: '2026-M11', metric: all.metric }) : []
    const ledger = await ids('ledger', 'gaps', { kind: 'unbenefited', communityId: c._id, limit: 50 })
    expect([c.name, ledger]).toEqual([c.name, drill])
    expect([c.name, ledger.length]).toEqual([c.name, all?.missing ?? 0])
    seen += ledger.length
  }
  // Not an empty agreement: the demo has 应享未享 cases.
  expect(seen).toBeGreaterThan(3)
  await store.close()
})
