import type { MineOutput, MyCase } from '../../../_shared/contracts/intent'
import { makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { makeLedgerActions } from '../../../ledger/actions'
import { projectActions } from '../../../project/actions'
import { intentActions } from '..'
import { ID_A, ID_B, registration } from './fixtures'

const STAFF = testStaff('a-staff', 'b-staff')
const noFiles = () => {
  throw new Error('no exports in these tests')
}
const ledger = makeLedgerActions(noFiles)

async function setup() {
  const h = await makeHarness(STAFF)
  const submit = (who: string, over = {}) => h.call<MyCase>(intentActions, resident(who), 'submit', registration(over))
  const counter = async (org: string, period: string) => (await h.store.collection('counters').get(`${org}:${period}`)) ?? {}
  return { h, submit, counter }
}

const fieldsOf = (body: { ok: boolean; error?: { fields?: { path: string }[] } }) => (body.ok ? [] : body.error?.fields?.map((f) => f.path) ?? [])

describe('intent.submit', () => {
  it('registers a pending case with masked identifiers, sealed values, consent version and time, and counts it', async () => {
    const { h, submit, counter } = await setup()
    const res = await submit('r1')
    expect(res.status).toBe(200)
    const mine = res.body.ok ? res.body.data : null
    expect(mine).toMatchObject({ status: 'pending', stage: 'registered', editable: true, communityName: '甲社区' })
    expect(mine?.idCardMasked).toBe(`${ID_A.slice(0, 6)}********${ID_A.slice(-4)}`)
    expect(mine?.phoneMasked).toBe('138****5678')
    expect(JSON.stringify(res.body)).not.toContain(ID_A)

    const stored = await h.store.collection('cases').get(mine?._id ?? '')
    expect(JSON.stringify(stored)).not.toContain(ID_A)
    expect(JSON.stringify(stored)).not.toContain('13812345678')
    expect(h.keyring.decrypt(stored?.idCardSealed ?? '')).toBe(ID_A)
    expect(stored).toMatchObject({ consentVersion: '2026-01', consentAt: '2026-11-22T02:00:00.000Z', residentId: 'r1', askedHelp: true })
    expect(await counter('comm-a', '2026-M11')).toMatchObject({ registered: 1, askedHelp: 1 })
    expect(await counter('comm-a', '2026')).toMatchObject({ registered: 1, askedHelp: 1 })
  })

  it('rejects bad input with 400 and the fields in error, writing nothing', async () => {
    const { h, submit } = await setup()
    // The harness's staff already count as staff in place; nothing else may appear.
    const countersBefore = await h.store.collection('counters').count()
    const bad = await submit('r1', {
      idCard: ID_A.slice(0, 17) + (ID_A[17] === '0' ? '1' : '0'),
      phone: '1234',
      name: '',
      needs: ['funding'],
      fundingAmount: null,
      communityId: '',
    })
    expect(bad.status).toBe(400)
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['idCard', 'phone', 'name', 'fundingAmount', 'communityId']))
    expect(bad.body.ok ? '' : bad.body.error.fields?.find((f) => f.path === 'idCard')?.message).toBe('身份证号不正确，请核对后再填')
    expect(await h.store.collection('cases').count()).toBe(0)
    expect(await h.store.collection('counters').count()).toBe(countersBefore)
    expect(await h.store.collection('caseSlots').count()).toBe(0)
  })

  it('requires the separate consent tick for the current consent text', async () => {
    const { h, submit } = await setup()
    const none = await submit('r1', { consent: false as unknown as true })
    expect(none.status).toBe(400)
    expect(fieldsOf(none.body)).toEqual(['consent'])
    const old = await submit('r1', { consentVersion: '2020-01' })
    expect(old.status).toBe(400)
    expect(fieldsOf(old.body)).toEqual(['consentVersion'])
    expect(await h.store.collection('cases').count()).toBe(0)
  })

  it('refuses a registered community that is not a community, and staff callers', async () => {
    const { h, submit } = await setup()
    expect(fieldsOf((await submit('r1', { communityId: 'street' })).body)).toEqual(['communityId'])
    expect((await h.call(intentActions, staffId('a-staff'), 'submit', registration())).status).toBe(403)
    expect((await h.call(intentActions, null, 'submit', registration())).status).toBe(401)
  })

  it('keeps one active registration per resident and per ID number in a community', async () => {
    const { h, submit } = await setup()
    await submit('r1')
    const again = await submit('r1', { idCard: ID_B })
    expect(again.status).toBe(409)
    const sameId = await submit('r2')
    expect(sameId.status).toBe(409)
    expect(fieldsOf(sameId.body)).toEqual(['idCard'])
    // Another community is a separate registration.
    expect((await submit('r1', { communityId: 'comm-b' })).status).toBe(200)
    expect(await h.store.collection('cases').count()).toBe(2)
  })

  it('lets only one of two racing registrations with the same ID number through', async () => {
    const { h, submit } = await setup()
    const [a, b] = await Promise.all([submit('r1'), submit('r2')])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    expect(await h.store.collection('cases').count()).toBe(1)
    expect((await h.store.collection('counters').get('comm-a:2026-M11'))?.registered).toBe(1)
  })

  it('corrects a pending registration (keeping the ID number when left out) but not once staff accepted it', async () => {
    const { h, submit } = await setup()
    const first = await submit('r1')
    const mine = first.body.ok ? first.body.data : null
    const edited = await h.ok<MyCase>(intentActions, resident('r1'), 'submit', {
      ...registration({ needs: [], fundingAmount: null, name: '张小美' }),
      idCard: undefined,
      id: mine?._id,
      version: 1,
    })
    expect(edited).toMatchObject({ name: '张小美', needs: [], version: 2, idCardMasked: mine?.idCardMasked })
    expect((await h.store.collection('counters').get('comm-a:2026-M11'))).toMatchObject({ registered: 1, askedHelp: 0 })
    const stale = await h.call(intentActions, resident('r1'), 'submit', { ...registration(), id: mine?._id, version: 1 })
    expect(stale.status).toBe(409)
    // Another resident cannot touch it.
    expect((await h.call(intentActions, resident('r2'), 'submit', { ...registration(), id: mine?._id, version: 2 })).status).toBe(404)

    await h.ok(ledger, staffId('a-staff'), 'accept', { id: mine?._id })
    const late = await h.call(intentActions, resident('r1'), 'submit', { ...registration(), id: mine?._id, version: 3 })
    expect(late.status).toBe(409)
    expect(late.body.ok ? '' : late.body.error.message).toContain('已受理')
  })

  it('accepts only interests in active projects visible to the community', async () => {
    const { h, submit } = await setup()
    const p = await h.ok<{ _id: string }>(projectActions, staffId('b-staff'), 'save', {
      title: '乙社区社区团购站',
      industry: 'retail',
      investment: '1to5',
      description: '社区团购自提点，投入小见效快，适合宝妈',
      contactName: '王老师',
      contactPhone: '13900001111',
    })
    const res = await submit('r1', { projectInterestIds: [p._id] })
    expect(res.status).toBe(400)
    expect(fieldsOf(res.body)).toEqual(['projectInterestIds'])
    const ok = await submit('r1', { communityId: 'comm-b', projectInterestIds: [p._id] })
    expect(ok.body.ok ? ok.body.data.projectInterests : null).toEqual([{ id: p._id, title: '乙社区社区团购站' }])
  })
})

describe('intent.mine / withdraw', () => {
  it('shows a resident only their own case', async () => {
    const { h, submit } = await setup()
    await submit('r1')
    expect((await h.ok<MineOutput>(intentActions, resident('r2'), 'mine', {})).current).toBeNull()
    expect((await h.ok<MineOutput>(intentActions, resident('r1'), 'mine', {})).current?.name).toBe('张小梅')
  })

  it('withdraws: frees the slots, takes back the counts, and lets the resident register again', async () => {
    const { h, submit, counter } = await setup()
    const first = await submit('r1')
    const id = first.body.ok ? first.body.data._id : ''
    expect((await h.call(intentActions, resident('r2'), 'withdraw', { id })).status).toBe(404)
    const done = await h.ok<MyCase>(intentActions, resident('r1'), 'withdraw', { id })
    expect(done.status).toBe('withdrawn')
    expect(await counter('comm-a', '2026-M11')).toMatchObject({ registered: 0, askedHelp: 0 })
    expect(await h.store.collection('caseSlots').count()).toBe(0)
    // Staff can no longer change it.
    expect((await h.call(ledger, staffId('a-staff'), 'addFollowUp', { id, kind: 'guidance', date: '2026-11-22', note: '电话沟通', outcome: '', visibleToResident: true, nextFollowUpDate: '' })).status).toBe(409)
    expect((await submit('r1')).status).toBe(200)
    expect((await h.ok<MineOutput>(intentActions, resident('r1'), 'mine', {})).current?.status).toBe('pending')
  })
})
