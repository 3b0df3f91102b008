import type { InboxOutput, MarkReadOutput, PreferencesOutput, PushStatusOutput, PushView } from '../../../_shared/contracts/notify'
import type { MyCase } from '../../../_shared/contracts/intent'
import { DELETE_CONFIRM_WORD, type DeleteMineOutput, type MyDataExport } from '../../../_shared/contracts/profile'
import { KIND_OF_CATEGORY } from '../../../_shared/domain/money'
import { pushIdOf } from '../../../_shared/domain/notify'
import { draft, resident, staffId } from '../../../_shared/testing/harness'
import { intentActions } from '../../../intent/actions'
import { registration } from '../../../intent/actions/__tests__/fixtures'
import { makeLedgerActions } from '../../../ledger/actions'
import { policyActions } from '../../../policy/actions'
import { fileDeliveries } from '../../notice-sender'
import { conflictModelStore } from '../../../../bench/cloudbase-conflicts'
import { quotaId } from '../../quota'
import { where } from '../../../_shared/store/port'
import { profileActions } from '../../../profile/actions'
import { setup, TEMPLATE_ID, wxError } from './fixtures'

const all = { targetGroups: [] as never[] }

describe('notify.push targeting', () => {
  it('reaches the subscribed residents of the chosen communities whose topics fit, and nobody else', async () => {
    const { h, actions, wechat, subscribe, publish } = await setup()
    await subscribe('r-cat', 'comm-a', { categories: ['startup_subsidy'] })
    await subscribe('r-any', 'comm-a')
    await subscribe('r-grad', 'comm-a', { targetGroups: ['graduate'] })
    await subscribe('r-both', 'comm-a', { categories: ['startup_subsidy'], targetGroups: ['graduate', 'veteran'] })
    await subscribe('r-loan', 'comm-a', { categories: ['guaranteed_loan'] })
    await subscribe('r-vet', 'comm-a', { targetGroups: ['veteran'] })
    await subscribe('r-off', 'comm-a', {}, { active: false })
    await subscribe('r-other-comm', 'comm-b')
    // Never subscribed: has a profile in comm-a, nothing else.
    await h.ok(profileActions, resident('r-none'), 'save', { communityId: 'comm-a', targetGroups: ['graduate'] })

    const policy = await publish('district', { category: 'startup_subsidy', targetGroups: ['graduate'] })
    const view = await h.ok<PushView>(actions, staffId('district'), 'push', { policyId: policy._id, communityIds: ['comm-a'], ...all })

    const reached = ['r-any', 'r-both', 'r-cat', 'r-grad']
    expect(wechat.calls.map((c) => c.touser).sort()).toEqual(reached)
    expect(view).toMatchObject({ recipients: 4, sent: 4, queued: 0, failed: 0, done: true })
    for (const r of ['r-loan', 'r-vet', 'r-off', 'r-other-comm', 'r-none']) {
      expect((await h.ok<InboxOutput>(actions, resident(r), 'inbox', {})).items).toEqual([])
    }
    for (const r of reached) {
      const inbox = await h.ok<InboxOutput>(actions, resident(r), 'inbox', {})
      expect(inbox.unreadCount).toBe(1)
      expect(inbox.items[0]).toMatchObject({ kind: 'policy', title: `新政策：${policy.title}`, sourceId: policy._id, link: `/pkg-policy/pages/policy-detail/index?id=${policy._id}&push=${view._id}` })
    }
    // The message opens the policy, and names it.
    expect(wechat.calls[0]).toMatchObject({ templateId: TEMPLATE_ID, page: `pkg-policy/pages/policy-detail/index?id=${policy._id}&push=${view._id}`, miniprogramState: 'formal' })

    // Aimed at veterans: the graduate-only subscriber is left out, the veteran one is in.
    h.setNow('2026-11-22T05:00:00.000Z')
    const forVeterans = await publish('district', { title: '退役军人创业担保贷款贴息', category: 'guaranteed_loan', targetGroups: ['graduate', 'veteran'] })
    const second = await h.ok<PushView>(actions, staffId('district'), 'push', { policyId: forVeterans._id, communityIds: ['comm-a', 'comm-b'], targetGroups: ['veteran'] })
    expect(second.recipients).toBe(4)
    for (const r of ['r-any', 'r-loan', 'r-other-comm', 'r-vet']) {
      expect((await h.ok<InboxOutput>(actions, resident(r), 'inbox', {})).items[0].sourceId).toBe(forVeterans._id)
    }
    // r-any's one consent went on the first message: the second reached only the inbox.
    expect(wechat.to('r-any')).toHaveLength(1)
    expect(second).toMatchObject({ sent: 3, failedNoQuota: 1 })
  })

  it('follows a resident who moves to another community', async () => {
    const { h, actions, subscribe, publish } = await setup()
    await subscribe('r1', 'comm-a', {}, { accepts: 2 })
    await h.ok(profileActions, resident('r1'), 'save', { communityId: 'comm-b', targetGroups: [] })
    const p = await publish('district')
    expect(await h.ok<PushView>(actions, staffId('district'), 'push', { policyId: p._id, communityIds: ['comm-a'], ...all })).toMatchObject({ recipients: 0, done: true })
    const p2 = await publish('district', { title: '第二条区级创业政策' })
    expect(await h.ok<PushView>(actions, staffId('district'), 'push', { policyId: p2._id, communityIds: ['comm-b'], ...all })).toMatchObject({ recipients: 1, sent: 1 })
  })

  it('lets staff push only published policies, to communities in their scope that see the policy', async () => {
    const { h, actions, publish, subscribe } = await setup()
    await subscribe('r1', 'comm-a')
    const mine = await publish('a-staff')
    const city = await publish('district')
    const unpublished = await h.ok<{ _id: string }>(policyActions, staffId('a-staff'), 'save', draft({ title: '还没发布的政策草稿' }))

    expect((await h.call(actions, resident('r1'), 'push', { policyId: mine._id, communityIds: ['comm-a'] })).status).toBe(403)
    expect((await h.call(actions, staffId('reviewer'), 'push', { policyId: mine._id, communityIds: ['comm-a'] })).status).toBe(403)
    // comm-b's staff cannot see comm-a's own policy at all.
    expect((await h.call(actions, staffId('b-staff'), 'push', { policyId: mine._id, communityIds: ['comm-b'] })).status).toBe(404)
    // comm-a's staff may push the district's policy, but only to comm-a.
    const outside = await h.call(actions, staffId('a-staff'), 'push', { policyId: city._id, communityIds: ['comm-a', 'comm-b'] })
    expect(outside.status).toBe(400)
    expect(outside.body.ok ? [] : outside.body.error.fields?.map((f) => f.path)).toEqual(['communityIds.1'])
    expect((await h.call(actions, staffId('a-staff'), 'push', { policyId: unpublished._id, communityIds: ['comm-a'] })).status).toBe(409)
    expect((await h.call(actions, staffId('a-staff'), 'push', { policyId: mine._id, communityIds: [] })).status).toBe(400)
    // Nothing was filed by any refused call.
    expect((await h.ok<InboxOutput>(actions, resident('r1'), 'inbox', {})).items).toEqual([])

    const status = await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: city._id })
    expect(status.targets.map((t) => t.name)).toEqual(['甲社区'])
    const district = await h.ok<PushStatusOutput>(actions, staffId('district'), 'pushStatus', { policyId: city._id })
    expect(district.targets.map((t) => t._id).sort()).toEqual(['comm-a', 'comm-b'])
  })
})

describe('notify.push reliability', () => {
  it('never messages a resident twice: the push repeated, or two staff pushing at once', async () => {
    const { h, actions, wechat, subscribe, publish } = await setup()
    const residents = Array.from({ length: 12 }, (_, i) => `r${i}`)
    for (const r of residents) await subscribe(r, 'comm-a', {}, { accepts: 3 })
    const policy = await publish('a-staff')
    const push = { policyId: policy._id, communityIds: ['comm-a'], ...all }
    const [a, b] = await Promise.all([
      h.ok<PushView>(actions, staffId('a-staff'), 'push', push),
      h.ok<PushView>(actions, staffId('a-lead'), 'push', push),
    ])
    expect(a._id).toBe(b._id)
    await h.ok(actions, staffId('a-staff'), 'push', push)
    expect(wechat.calls).toHaveLength(12)
    expect(new Set(wechat.calls.map((c) => c.touser)).size).toBe(12)
    for (const r of residents) expect((await h.ok<InboxOutput>(actions, resident(r), 'inbox', {})).items).toHaveLength(1)
    const status = await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: policy._id })
    expect(status.pushes).toHaveLength(1)
    expect(status.pushes[0]).toMatchObject({ recipients: 12, sent: 12, queued: 0, failed: 0 })
    // Each was sent once, so each used one of their three consents.
    for (const r of residents) expect((await h.ok<PreferencesOutput>(actions, resident(r), 'preferences', {})).templates).toEqual([{ templateId: TEMPLATE_ID, remaining: 2 }])

    // A new version of the policy is news again: one more message each, titled as an update.
    const edited = await h.ok<{ _id: string; version: number }>(policyActions, staffId('a-staff'), 'save', {
      ...draft({ benefit: '一次性补贴提高到 8000 元' }),
      id: policy._id,
      version: policy.version,
    })
    h.setNow('2026-11-23T02:00:00.000Z')
    const again = await h.ok<PushView>(actions, staffId('a-staff'), 'push', push)
    expect(again._id).toBe(pushIdOf(policy._id, edited.version))
    expect(wechat.calls).toHaveLength(24)
    expect((await h.ok<InboxOutput>(actions, resident('r0'), 'inbox', {})).items[0].title).toMatch(/^政策更新：/)
  })

  it('uses a consent exactly once per delivered message, and sends nothing without one', async () => {
    const { h, actions, wechat, subscribe, publish } = await setup()
    await subscribe('r-two', 'comm-a', {}, { accepts: 2 })
    await subscribe('r-none', 'comm-a', {}, { accepts: 0 })
    await subscribe('r-h5', 'comm-a', {}, { channel: 'h5' })
    // H5 records the subscription, never a quota, whatever it claims to have accepted.
    expect((await h.ok<PreferencesOutput>(actions, resident('r-h5'), 'preferences', {})).templates[0].remaining).toBe(0)
    expect((await h.ok<PreferencesOutput>(actions, resident('r-two'), 'preferences', {})).templates[0].remaining).toBe(2)

    const quotaOf = async (r: string) => h.store.collection('subscribeQuotas').get(quotaId(h.keyring, r, TEMPLATE_ID))
    for (let n = 1; n <= 3; n++) {
      const p = await publish('a-staff', { title: `第 ${n} 条推送的政策` })
      const v = await h.ok<PushView>(actions, staffId('a-staff'), 'push', { policyId: p._id, communityIds: ['comm-a'], ...all })
      // r-two: sent twice, then out of consents; r-none: never (WeChat subscriber without a consent).
      expect(v).toMatchObject({ recipients: 3, sent: n <= 2 ? 2 : 1, failedNoQuota: n <= 2 ? 1 : 2 })
    }
    expect(wechat.to('r-two')).toHaveLength(2)
    expect(wechat.to('r-none')).toHaveLength(0)
    expect(await quotaOf('r-two')).toMatchObject({ remaining: 0, granted: 2, used: 2 })
    expect(await quotaOf('r-none')).toBeNull()
    // Everyone still got all three in the in-app inbox.
    for (const r of ['r-two', 'r-none', 'r-h5']) expect((await h.ok<InboxOutput>(actions, resident(r), 'inbox', {})).unreadCount).toBe(3)
  })

  it('retries transient WeChat errors with backoff and records permanent ones without retrying', async () => {
    const answers: Record<string, (attempt: number) => 'ok' | Error> = {
      'r-busy': (n) => (n <= 2 ? wxError(-1, 'system error') : 'ok'),
      'r-refused': () => wxError(43101, 'user refuse to accept the msg'),
      'r-bad': () => wxError(47003, 'argument invalid! data.thing1.value invalid'),
      'r-down': () => wxError(45011, 'api minute-quota reach limit'),
    }
    const { h, actions, wechat, subscribe, publish } = await setup({ answer: (p, n) => answers[p.touser](n) })
    for (const r of Object.keys(answers)) await subscribe(r, 'comm-a', {}, { accepts: 2 })
    const p = await publish('a-staff')
    const v = await h.ok<PushView>(actions, staffId('a-staff'), 'push', { policyId: p._id, communityIds: ['comm-a'], ...all })

    expect(wechat.to('r-busy')).toHaveLength(3)
    expect(wechat.to('r-refused')).toHaveLength(1)
    expect(wechat.to('r-bad')).toHaveLength(1)
    expect(wechat.to('r-down')).toHaveLength(5)
    expect(v).toMatchObject({ recipients: 4, sent: 1, failed: 3, failedRefused: 1, queued: 0, done: true })
    // Tried again after 1 s, 2 s, 4 s and 8 s (give or take the pacing of the others' sends).
    const at = wechat.to('r-down').map((c) => c.at)
    const gaps = at.slice(1).map((t, i) => t - at[i])
    ;[1000, 2000, 4000, 8000].forEach((backoff, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(backoff)
      expect(gaps[i]).toBeLessThan(backoff + 500)
    })

    const deliveries = new Map<string, { status: string; failReason: string | null }>()
    for await (const batch of h.store.collection('pushDeliveries').scan(undefined)) for (const d of batch) deliveries.set(d.residentId, d)
    expect(deliveries.get('r-busy')).toMatchObject({ status: 'sent' })
    expect(deliveries.get('r-refused')).toMatchObject({ status: 'failed', failReason: 'refused' })
    expect(deliveries.get('r-bad')).toMatchObject({ status: 'failed', failReason: 'rejected' })
    expect(deliveries.get('r-down')).toMatchObject({ status: 'failed', failReason: 'gave_up' })

    const remaining = async (r: string) => (await h.ok<PreferencesOutput>(actions, resident(r), 'preferences', {})).templates[0].remaining
    expect(await remaining('r-busy')).toBe(1) // one used, by the send that got through
    expect(await remaining('r-refused')).toBe(0) // WeChat says none is left
    expect(await remaining('r-bad')).toBe(2) // not delivered: given back
    expect(await remaining('r-down')).toBe(2)
    // Pushing again retries nothing that failed for good, and nothing already sent.
    await h.ok(actions, staffId('a-staff'), 'push', { policyId: p._id, communityIds: ['comm-a'], ...all })
    expect(wechat.calls).toHaveLength(10)
  })

  it('stays under the sending rate and stops at its time budget; calling again goes on, and staff see the counts in between', async () => {
    const { h, actions, wechat, timer, subscribe, publish } = await setup({ perSecond: 5, budgetMs: 1000 })
    for (let i = 0; i < 12; i++) await subscribe(`r${i}`, 'comm-a')
    const p = await publish('a-staff')
    const push = { policyId: p._id, communityIds: ['comm-a'], ...all }
    const first = await h.ok<PushView>(actions, staffId('a-staff'), 'push', push)
    expect(first).toMatchObject({ recipients: 12, done: false })
    expect(first.sent).toBeGreaterThan(0)
    expect(first.queued).toBe(12 - first.sent)
    const mid = await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: p._id })
    expect(mid.pushes[0]).toMatchObject({ queued: first.queued, sent: first.sent, failed: 0, done: false })
    // Five a second: within the one-second budget at most 5 (+1 at the boundary) went out.
    expect(first.sent).toBeLessThanOrEqual(6)
    expect(timer.waits.every((w) => w >= 199)).toBe(true)

    let last = first
    for (let k = 0; k < 5 && !last.done; k++) last = await h.ok<PushView>(actions, staffId('a-staff'), 'push', push)
    expect(last).toMatchObject({ sent: 12, queued: 0, done: true })
    expect(wechat.calls).toHaveLength(12)
  })

  it('shows staff the queued / sent / failed counts while a push is still sending', async () => {
    let release: () => void = () => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    let seen: PushStatusOutput | null = null
    let sends = 0
    const { h, actions, subscribe, publish } = await setup({
      answer: (p) => (p.touser === 'r0' ? wxError(43101, 'user refuse to accept the msg') : 'ok'),
      // WeChat takes its time over the second message sent, whoever it is for (the order of
      // deliveries is not fixed: holding one resident's message stalled the whole push before
      // anything was sent whenever that resident came first): staff look at the status meanwhile.
      hold: () => (++sends === 2 ? held : Promise.resolve()),
    })
    for (let i = 0; i < 6; i++) await subscribe(`r${i}`, 'comm-a')
    const p = await publish('a-staff')
    const running = h.ok<PushView>(actions, staffId('a-staff'), 'push', { policyId: p._id, communityIds: ['comm-a'], ...all })
    // The second message is held until release(), so waiting long under load is safe.
    for (let i = 0; i < 3000 && !seen; i++) {
      await new Promise((r) => setTimeout(r, 5))
      const s = await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: p._id })
      if (s.pushes[0] && s.pushes[0].recipients === 6 && s.pushes[0].queued > 0 && s.pushes[0].sent + s.pushes[0].failed > 0) seen = s
    }
    release()
    expect(seen?.pushes[0]).toMatchObject({ recipients: 6, done: false })
    expect(await running).toMatchObject({ recipients: 6, sent: 5, failed: 1, failedRefused: 1, queued: 0, done: true })
  })

  it('never resends a message whose sender stopped mid-send, and counts its consent as used', async () => {
    const { h, actions, wechat, timer, subscribe, publish } = await setup({ budgetMs: 0 })
    await subscribe('r1', 'comm-a', {}, { accepts: 2 })
    await subscribe('r2', 'comm-a', {}, { accepts: 1 })
    const p = await publish('a-staff')
    const push = { policyId: p._id, communityIds: ['comm-a'], ...all }
    // A zero budget files everyone and sends nothing.
    expect(await h.ok<PushView>(actions, staffId('a-staff'), 'push', push)).toMatchObject({ recipients: 2, queued: 2, sent: 0 })
    // A sender claimed r1's message (consent taken) and then died before hearing back from WeChat.
    const d = (await h.store.collection('pushDeliveries').find({})).items.find((x) => x.residentId === 'r1')
    if (!d) throw new Error('no delivery for r1')
    await h.store.collection('pushDeliveries').update(d._id, { set: { status: 'sending', claimedAt: new Date(timer.now()).toISOString(), quotaHeld: true }, inc: { attempts: 1 } })
    await h.store.collection('subscribeQuotas').update(quotaId(h.keyring, 'r1', TEMPLATE_ID), { inc: { remaining: -1, used: 1 } })
    await timer.sleep(3 * 60_000)

    // The next call (zero budget again: it only tidies up) finds the lost send and gives it up.
    await h.ok<PushView>(actions, staffId('a-staff'), 'push', push)
    const status = await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: p._id })
    expect(status.pushes[0]).toMatchObject({ failed: 1, queued: 1 })
    expect(wechat.to('r1')).toHaveLength(0)
    expect((await h.store.collection('pushDeliveries').get(d._id))?.failReason).toBe('unconfirmed')
    expect((await h.ok<PreferencesOutput>(actions, resident('r1'), 'preferences', {})).templates[0].remaining).toBe(1)
  })
})

describe('notify inbox, opens and the funnel', () => {
  it('shows the push unread with a count, counts an open once, and follows the resident to an intent and a benefit of the policy', async () => {
    const { h, actions, subscribe, publish } = await setup()
    await subscribe('r1', 'comm-a')
    await subscribe('r2', 'comm-a')
    const p = await publish('a-staff')
    const v = await h.ok<PushView>(actions, staffId('a-staff'), 'push', { policyId: p._id, communityIds: ['comm-a'], ...all })

    const inbox = await h.ok<InboxOutput>(actions, resident('r1'), 'inbox', {})
    expect(inbox.unreadCount).toBe(1)
    // r1 taps it in the inbox; r2 opens it from the WeChat message (the page carries the push id).
    expect(await h.ok<MarkReadOutput>(actions, resident('r1'), 'markRead', { ids: [inbox.items[0]._id] })).toEqual({ marked: 1, unreadCount: 0 })
    expect(await h.ok<MarkReadOutput>(actions, resident('r2'), 'markRead', { push: v._id })).toEqual({ marked: 1, unreadCount: 0 })
    await h.ok(actions, resident('r2'), 'markRead', { push: v._id })
    await h.ok(actions, resident('r1'), 'markRead', { ids: [inbox.items[0]._id] })
    // Someone else's message id or push opens nothing.
    await h.ok(actions, resident('r3'), 'markRead', { ids: [inbox.items[0]._id] })
    await h.ok(actions, resident('r3'), 'markRead', { push: v._id })

    h.setNow('2026-11-22T03:00:00.000Z')
    const mine = await h.ok<MyCase>(intentActions, resident('r1'), 'submit', registration())
    const ledger = makeLedgerActions(() => {
      throw new Error('no exports here')
    })
    await h.ok(ledger, staffId('a-staff'), 'recordBenefit', { id: mine._id, policyId: p._id, policyTitle: p.title, kind: KIND_OF_CATEGORY[p.category], amountFen: (5000) * 100, approvedBy: '区人社局', documentNo: '', overrideReason: '政策库外的补贴', date: '2026-11-22', note: '已到账' })

    // The benefit's push-funnel credit is made by the sendNotices timer from the resident's notice.
    const before = await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: p._id })
    expect(before.pushes[0]).toMatchObject({ intentsAfter: 1, benefitsAfter: 0 })
    await fileDeliveries(h.store, 50)
    await fileDeliveries(h.store, 50)
    const status = await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: p._id })
    expect(status.pushes[0]).toMatchObject({ recipients: 2, sent: 2, opened: 2, intentsAfter: 1, benefitsAfter: 1 })
  })

  it('two timer passes filing the same benefit notice at once credit the push funnel once and file one delivery (plain and CloudBase-like transactions)', async () => {
    for (const model of ['sqlite', 'cloudbase'] as const) {
      const { h, actions, subscribe, publish } = await setup()
      await subscribe('r1', 'comm-a')
      const p = await publish('a-staff')
      const v = await h.ok<PushView>(actions, staffId('a-staff'), 'push', { policyId: p._id, communityIds: ['comm-a'], ...all })
      await h.ok(actions, resident('r1'), 'markRead', { push: v._id })
      h.setNow('2026-11-22T03:00:00.000Z')
      const mine = await h.ok<MyCase>(intentActions, resident('r1'), 'submit', registration())
      const ledger = makeLedgerActions(() => {
        throw new Error('no exports here')
      })
      await h.ok(ledger, staffId('a-staff'), 'recordBenefit', { id: mine._id, policyId: p._id, policyTitle: p.title, kind: KIND_OF_CATEGORY[p.category], amountFen: 500_000, approvedBy: '区人社局', documentNo: '', overrideReason: '政策库外的补贴', date: '2026-11-22', note: '' })
      const queued = await h.store.collection('inbox').count(where.eq('deliverQueued', true))
      expect(queued).toBeGreaterThan(0)
      const store = model === 'sqlite' ? h.store : conflictModelStore(h.store).store
      const filed = await Promise.all([fileDeliveries(store, 50), fileDeliveries(store, 50), fileDeliveries(store, 50)])
      expect([model, filed.reduce((a, b) => a + b, 0)]).toEqual([model, queued])
      const status = await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: p._id })
      expect([model, status.pushes[0].benefitsAfter]).toEqual([model, 1])
      expect([model, await h.store.collection('noticeDeliveries').count()]).toEqual([model, queued])
    }
  })

  it('exports a resident’s reminder data with 我的数据 and deletes it, leaving the push totals', async () => {
    const { h, actions, subscribe, publish } = await setup()
    await subscribe('r1', 'comm-a', { categories: ['startup_subsidy'] }, { accepts: 2 })
    const p = await publish('a-staff')
    await h.ok(actions, staffId('a-staff'), 'push', { policyId: p._id, communityIds: ['comm-a'], ...all })
    const exported = await h.ok<MyDataExport>(profileActions, resident('r1'), 'exportMine', {})
    expect(exported.reminders).toMatchObject({
      subscription: { categories: ['startup_subsidy'], channel: 'weapp', active: true },
      consents: [{ templateId: TEMPLATE_ID, remaining: 1, granted: 2, used: 1 }],
      deliveries: [{ policyId: p._id, status: 'sent' }],
    })
    const deleted = await h.ok<DeleteMineOutput>(profileActions, resident('r1'), 'deleteMine', { confirm: DELETE_CONFIRM_WORD })
    expect(deleted.remindersDeleted).toBe(3)
    expect((await h.ok<PreferencesOutput>(actions, resident('r1'), 'preferences', {})).subscription).toBeNull()
    expect((await h.ok<PushStatusOutput>(actions, staffId('a-staff'), 'pushStatus', { policyId: p._id })).pushes[0]).toMatchObject({ recipients: 1, sent: 1 })
  })
})
