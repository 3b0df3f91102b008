import type { MyCase } from '../../../_shared/contracts/intent'
import type { RetentionOutput } from '../../../_shared/contracts/maintenance'
import type { Case } from '../../../_shared/domain/case'
import { makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { intentActions } from '../../../intent/actions'
import { ID_B, ID_C, idCard, registration } from '../../../intent/actions/__tests__/fixtures'
import { makeLedgerActions } from '../../../ledger/actions'
import { maintenanceActions } from '..'

const STAFF = testStaff('a-staff', 'a-lead', 'city-officer', 'admin')
const ledger = makeLedgerActions(() => {
  throw new Error('no exports in these tests')
})
const ID_D = idCard('51040219700303001')

/**
 * Four cases registered on 2026-11-22: r1's closed the same day, r2 withdrawn, r3 still active
 * (guided, a venture), r4 closed half a year later. The job runs on 2029-12-01: three years
 * after the first two, but not after r4's closure.
 */
async function setup() {
  const h = await makeHarness(STAFF)
  const register = (who: string, over = {}) => h.ok<MyCase>(intentActions, resident(who), 'submit', registration(over))
  const c1 = await register('r1')
  const c2 = await register('r2', { idCard: ID_B, name: '李大山' })
  const c3 = await register('r3', { idCard: ID_C, name: '王小五' })
  const c4 = await register('r4', { idCard: ID_D, name: '赵六' })
  await h.ok(ledger, staffId('a-staff'), 'recordVenture', { id: c1._id, name: '小梅早餐店', kind: 'individual', registrationDate: '2026-11-20', jobsCreated: 2, status: 'operating', closureDate: '' })
  await h.ok(ledger, staffId('a-staff'), 'setStage', { id: c1._id, stage: 'closed', note: '已稳定经营，结案' })
  await h.ok(intentActions, resident('r2'), 'withdraw', { id: c2._id })
  await h.ok(ledger, staffId('a-staff'), 'addFollowUp', {
    id: c3._id,
    kind: 'guidance',
    date: '2026-11-22',
    note: '电话一对一指导',
    outcome: '',
    visibleToResident: true,
    nextFollowUpDate: '',
  })
  h.setNow('2027-06-01T02:00:00.000Z')
  await h.ok(ledger, staffId('a-staff'), 'setStage', { id: c4._id, stage: 'closed', note: '不再创业' })
  h.setNow('2029-12-01T02:00:00.000Z')
  const counters = async () => {
    const out: unknown[] = []
    for await (const batch of h.store.collection('counters').scan(undefined)) out.push(...batch)
    return out
  }
  const get = async (id: string) => (await h.store.collection('cases').get(id)) as Case
  return { h, c1, c2, c3, c4, counters, get }
}

describe('maintenance.retention', () => {
  it('is for admins only (org.write)', async () => {
    const { h } = await setup()
    for (const who of ['a-staff', 'a-lead', 'city-officer']) {
      expect((await h.call(maintenanceActions, staffId(who), 'retention', { dryRun: true })).status).toBe(403)
    }
    expect((await h.call(maintenanceActions, resident('r1'), 'retention', {})).status).toBe(403)
    expect((await h.call(maintenanceActions, null, 'retention', {})).status).toBe(401)
  })

  it('validates the period and the flag, naming the field', async () => {
    const { h } = await setup()
    for (const [data, field] of [
      [{ days: 10 }, 'days'],
      [{ days: 100.5 }, 'days'],
      [{ days: '1095' }, 'days'],
      [{ dryRun: 'no' }, 'dryRun'],
    ] as const) {
      const res = await h.call(maintenanceActions, staffId('admin'), 'retention', data)
      expect(res.status).toBe(400)
      expect(res.body.ok ? [] : res.body.error.fields?.map((f) => f.path)).toEqual([field])
    }
  })

  it('a dry run (the default) counts the due cases and changes nothing', async () => {
    const { h, c1, counters, get } = await setup()
    const before = await counters()
    const dry = await h.ok<RetentionOutput>(maintenanceActions, staffId('admin'), 'retention', {})
    expect(dry).toEqual({ dryRun: true, days: 1095, cutoff: '2026-12-02T02:00:00.000Z', due: 2, anonymised: 0 })
    expect((await get(c1._id)).name).toBe('张小梅')
    expect(await counters()).toEqual(before)
    // A shorter period reaches the case closed in mid-2027 too.
    expect(await h.ok<RetentionOutput>(maintenanceActions, staffId('admin'), 'retention', { days: 365 })).toMatchObject({ due: 3, anonymised: 0 })
  })

  it('counts every due case across pages, ties in the last change included', async () => {
    const { h } = await setup()
    // 250 more old closed cases (three pages of the updatedAt order), many changed at the same instant.
    const cases = h.store.collection('cases')
    for (let i = 0; i < 250; i++) {
      await cases.insert({ _id: `old-${String(i).padStart(3, '0')}`, stage: 'closed', status: 'accepted', updatedAt: `2025-0${1 + (i % 3)}-01T00:00:00.000Z` } as never)
    }
    expect(await h.ok<RetentionOutput>(maintenanceActions, staffId('admin'), 'retention', {})).toMatchObject({ due: 252, anonymised: 0 })
  })

  it('anonymises old closed and withdrawn cases, leaves recent and active ones, and keeps every counter', async () => {
    const { h, c1, c2, c3, c4, counters, get } = await setup()
    const before = await counters()
    const run = await h.ok<RetentionOutput>(maintenanceActions, staffId('admin'), 'retention', { dryRun: false })
    expect(run).toMatchObject({ dryRun: false, due: 2, anonymised: 2 })

    for (const id of [c1._id, c2._id]) {
      const i = await get(id)
      expect(i).toMatchObject({ name: '已删除', residentId: '', phoneSealed: '', idCardSealed: '', idCardHash: '', familySituation: '', anonymisedAt: '2029-12-01T02:00:00.000Z' })
      expect(JSON.stringify(i)).not.toMatch(/\d{17}[\dX]|138\d{8}|张小梅|李大山|早餐店/)
    }
    // What the counters count is kept.
    expect(await get(c1._id)).toMatchObject({ stage: 'closed', status: 'accepted' })
    expect((await get(c1._id)).ventures.map((v) => v.jobsCreated)).toEqual([2])
    expect(await get(c2._id)).toMatchObject({ status: 'withdrawn' })
    // Recent and active cases are untouched.
    expect(await get(c3._id)).toMatchObject({ name: '王小五', stage: 'guided', residentId: 'r3' })
    expect(await get(c4._id)).toMatchObject({ name: '赵六', stage: 'closed', residentId: 'r4' })
    expect((await get(c4._id)).anonymisedAt).toBeUndefined()
    // The closed case's slots are freed; the active ones still hold theirs.
    const slots = (await h.store.collection('caseSlots').find({ limit: 100 })).items
    expect(slots.filter((s) => s.intentId === c1._id)).toEqual([])
    expect(slots.filter((s) => s.intentId === c3._id)).toHaveLength(2)
    expect(await counters()).toEqual(before)

    // Nothing is due twice.
    expect(await h.ok<RetentionOutput>(maintenanceActions, staffId('admin'), 'retention', { dryRun: false })).toMatchObject({ due: 0, anonymised: 0 })
    expect(await counters()).toEqual(before)
    // The run is in the audit log.
    const audit = (await h.store.collection('audit').find({ limit: 100 })).items
    expect(audit.filter((a) => a.action.endsWith('.retention') && a.actorId === 'admin' && a.kind === 'write' && a.result === 'ok')).toHaveLength(2)
  })

  it('a withdrawn case does not free the slots of the same resident’s later registration', async () => {
    const { h, c2, get } = await setup()
    h.setNow('2029-11-30T02:00:00.000Z')
    const again = await h.ok<MyCase>(intentActions, resident('r2'), 'submit', registration({ idCard: ID_B, name: '李大山' }))
    h.setNow('2029-12-01T02:00:00.000Z')
    await h.ok(maintenanceActions, staffId('admin'), 'retention', { dryRun: false })
    expect((await get(c2._id)).name).toBe('已删除')
    const slots = (await h.store.collection('caseSlots').find({ limit: 100 })).items
    expect(slots.filter((s) => s.intentId === again._id)).toHaveLength(2)
  })
})
