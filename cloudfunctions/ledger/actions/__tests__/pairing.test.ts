/**
 * 领导干部联系挂帮 (issue 21 item 8): a street or district leader pairs with a case in their area
 * (outside it 403, nothing written), records follow-ups that show on the case marked as theirs,
 * sees the case on the workbench when a follow-up is due (the count is the list's length), and
 * unpairs with a reason and date. The case's counters still recount exactly.
 */
import type { CaseView, PairedCase, PairingView, LedgerRegisterInput } from '../../../_shared/contracts/intent'
import type { WorkbenchSummary } from '../../../_shared/contracts/workbench'
import { reconcileCounters } from '../../../_shared/runtime/reconcile'
import { makeHarness, staffId, testStaff } from '../../../_shared/testing/harness'
import { ID_A, registration } from '../../../intent/actions/__tests__/fixtures'
import { workbenchActions } from '../../../workbench/actions'
import { makeLedgerActions } from '..'

const STAFF = testStaff('a-staff', 'reviewer', 'district')

function onBehalf(): LedgerRegisterInput {
  const { consent: _c, consentVersion: _v, communityId: _id, ...answers } = registration()
  return { ...answers, idCard: ID_A, consent: { method: 'paper', at: '2026-11-21', note: '同意书存档' } } as LedgerRegisterInput
}

async function setup() {
  const h = await makeHarness(STAFF)
  // A second street with its own leader: the case in comm-a is outside their area.
  await h.store.collection('orgs').insert({ _id: 'street-2', name: '乙街道', level: 'street', parentId: 'dist', path: ['city', 'dist', 'street-2'] })
  await h.store.collection('staff').insert({ _id: 'other-reviewer', name: '乙街道 周', role: 'street_reviewer', orgId: 'street-2', openid: 'wx-o', username: 'o', passwordHash: null, active: true, createdAt: '2026-01-01T00:00:00.000Z', writtenBy: 'server' })
  const ledger = makeLedgerActions(() => {
    throw new Error('no export')
  })
  const c = await h.ok<CaseView>(ledger, staffId('a-staff'), 'register', onBehalf())
  return { h, ledger, c }
}

describe('挂帮', () => {
  it('pairs within the leader’s area only: outside it 403 on caseId, community staff 403, nothing written', async () => {
    const { h, ledger, c } = await setup()
    const outside = await h.call(ledger, staffId('other-reviewer'), 'pair', { caseId: c._id, reason: '返乡创业带动就业多', pairedOn: '2026-11-20' })
    expect([outside.status, outside.body.ok ? null : outside.body.error.fields?.[0].path]).toEqual([403, 'caseId'])
    expect((await h.call(ledger, staffId('a-staff'), 'pair', { caseId: c._id, reason: '重点扶持', pairedOn: '2026-11-20' })).status).toBe(403)
    expect(await h.store.collection('pairings').count()).toBe(0)
    const bad = await h.call(ledger, staffId('reviewer'), 'pair', { caseId: c._id, reason: '', pairedOn: '2026-11-20' })
    expect([bad.status, bad.body.ok ? null : bad.body.error.fields?.[0].path]).toEqual([400, 'reason'])
    const p = await h.ok<PairingView>(ledger, staffId('reviewer'), 'pair', { caseId: c._id, reason: '返乡创业带动就业多', pairedOn: '2026-10-01' })
    expect(p).toMatchObject({ leaderId: 'reviewer', active: true, pairedOn: '2026-10-01' })
    expect((await h.call(ledger, staffId('reviewer'), 'pair', { caseId: c._id, reason: '再挂一次', pairedOn: '2026-11-01' })).status).toBe(409)
    // The district above may pair with the same case too.
    await h.ok(ledger, staffId('district'), 'pair', { caseId: c._id, reason: '区级联系', pairedOn: '2026-11-20' })
    const view = await h.ok<CaseView>(ledger, staffId('a-staff'), 'get', { id: c._id })
    expect(view.pairings?.map((x) => x.leaderId).sort()).toEqual(['district', 'reviewer'])
  })

  it('the leader’s follow-ups show on the case marked as theirs; the workbench counts the due list; unpairing keeps the record', async () => {
    const { h, ledger, c } = await setup()
    await h.ok(ledger, staffId('reviewer'), 'pair', { caseId: c._id, reason: '返乡创业带动就业多', pairedOn: '2026-10-01' })
    // Paired 52 days ago with no follow-up: due (30 days).
    let wb = await h.ok<WorkbenchSummary>(workbenchActions, staffId('reviewer'), 'summary', {})
    const line = () => wb.items.find((i) => i.key === 'pairedDue')
    expect(line()).toMatchObject({ label: '我挂帮的创业者', count: 1 })
    const dueList = await h.ok<{ items: PairedCase[] }>(ledger, staffId('reviewer'), 'paired', { due: true })
    expect(dueList.items.map((i) => [i.caseId, i.due])).toEqual([[c._id, true]])
    expect(line()?.count).toBe(dueList.items.length)
    // Someone not paired may not record a leader's follow-up.
    const notPaired = await h.call(ledger, staffId('district'), 'pairFollowUp', { caseId: c._id, kind: 'guidance', date: '2026-11-21', note: '上门了解资金困难', outcome: '', nextFollowUpDate: '' })
    expect([notPaired.status, notPaired.body.ok ? null : notPaired.body.error.fields?.[0].path]).toEqual([403, 'caseId'])
    const after = await h.ok<CaseView>(ledger, staffId('reviewer'), 'pairFollowUp', { caseId: c._id, kind: 'loan', date: '2026-11-21', note: '协调银行办理创业担保贷款', outcome: '已提交材料', nextFollowUpDate: '' })
    const fu = after.followUps.at(-1)
    expect(fu).toMatchObject({ byId: 'reviewer', byLeader: true, note: '协调银行办理创业担保贷款' })
    wb = await h.ok<WorkbenchSummary>(workbenchActions, staffId('reviewer'), 'summary', {})
    expect(line()).toMatchObject({ count: 0 })
    expect((await h.ok<{ items: PairedCase[] }>(ledger, staffId('reviewer'), 'paired', {})).items[0]).toMatchObject({ lastFollowUpOn: '2026-11-21', dueOn: '2026-12-21', due: false })
    expect((await reconcileCounters(h.store, { repair: false })).driftCount).toBe(0)

    const bad = await h.call(ledger, staffId('reviewer'), 'unpair', { caseId: c._id, reason: '已稳定经营', unpairedOn: '2026-09-01' })
    expect([bad.status, bad.body.ok ? null : bad.body.error.fields?.[0].path]).toEqual([400, 'unpairedOn'])
    const ended = await h.ok<PairingView>(ledger, staffId('reviewer'), 'unpair', { caseId: c._id, reason: '已稳定经营', unpairedOn: '2026-11-22' })
    expect(ended).toMatchObject({ active: false, unpairReason: '已稳定经营', unpairedOn: '2026-11-22' })
    expect((await h.ok<CaseView>(ledger, staffId('a-staff'), 'get', { id: c._id })).pairings?.[0]).toMatchObject({ active: false })
    expect((await h.call(ledger, staffId('reviewer'), 'pairFollowUp', { caseId: c._id, kind: 'guidance', date: '2026-11-22', note: '再去看看', outcome: '', nextFollowUpDate: '' })).status).toBe(403)
  })
})
