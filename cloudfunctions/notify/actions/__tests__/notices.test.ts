import type { InboxOutput, NoticesOutput } from '../../../_shared/contracts/notify'
import type { MyCase } from '../../../_shared/contracts/intent'
import type { MentorView } from '../../../_shared/contracts/service'
import { wechatNotifier } from '../../../_shared/notifier/wechat'
import { resident, staffId } from '../../../_shared/testing/harness'
import { intentActions } from '../../../intent/actions'
import { registration } from '../../../intent/actions/__tests__/fixtures'
import { makeLedgerActions } from '../../../ledger/actions'
import { serviceActions } from '../../../service/actions'
import { sendNotices } from '../../notice-sender'
import { LAYOUT, NOTICE_TEMPLATE_ID, setup } from './fixtures'

const ledger = makeLedgerActions(() => {
  throw new Error('no exports here')
})

async function caseFlow() {
  const s = await setup()
  const mine = await s.h.ok<MyCase>(intentActions, resident('r1'), 'submit', registration())
  const caseId = mine._id
  const mentor = await s.h.ok<MentorView>(serviceActions, staffId('a-staff'), 'saveMentor', {
    name: '刘建国', field: 'entrepreneur', specialty: '餐饮门店经营', organisation: '建国餐饮', phone: '13800001111', availability: '每周三下午', active: true,
  })
  const steps = {
    accept: () => s.h.ok(ledger, staffId('a-staff'), 'accept', { id: caseId }),
    guide: () => s.h.ok(ledger, staffId('a-staff'), 'addFollowUp', { id: caseId, kind: 'guidance', date: '2026-11-22', note: '一起梳理了早餐店的选址和成本', outcome: '', visibleToResident: true, nextFollowUpDate: '' }),
    mentor: () => s.h.ok(serviceActions, staffId('a-staff'), 'assignMentor', { intentId: caseId, mentorId: mentor._id }),
  }
  const inbox = () => s.h.ok<InboxOutput>(s.actions, resident('r1'), 'inbox', {})
  return { ...s, caseId, steps, inbox }
}

describe('the resident hears back about their case', () => {
  it('accepted, guided and given a mentor: three inbox messages, each opening 我的创业档案', async () => {
    const { steps, inbox } = await caseFlow()
    await steps.accept()
    await steps.guide()
    await steps.mentor()
    const { items } = await inbox()
    const notices = items.filter((m) => m.kind === 'case')
    expect(notices.map((m) => m.title).sort()).toEqual(['为你安排了创业导师：刘建国', '你的创业意向已受理', '社区记录了对你的创业指导'].sort())
    for (const m of notices) expect(m.link).toBe('/pkg-me/pages/my-case/index')
    // A repeated accept changes nothing and tells nothing twice.
    await steps.accept()
    expect((await inbox()).items.filter((m) => m.kind === 'case')).toHaveLength(3)
  })

  it('a kind turned off files nothing; turning off what is already off answers 200 and changes nothing', async () => {
    const { h, actions, steps, inbox } = await caseFlow()
    const off = await h.ok<NoticesOutput>(actions, resident('r1'), 'setNotice', { kind: 'case', on: false })
    expect(off.kinds.find((k) => k.kind === 'case')?.on).toBe(false)
    const settingsBefore = await h.store.collection('noticeSettings').get('r1')
    const again = await h.call<NoticesOutput>(actions, resident('r1'), 'setNotice', { kind: 'case', on: false })
    expect(again.status).toBe(200)
    expect(await h.store.collection('noticeSettings').get('r1')).toEqual(settingsBefore)
    // Policy reminders never subscribed to, turned off: 200, nothing written anywhere.
    const never = await h.call<NoticesOutput>(actions, resident('r-new'), 'setNotice', { kind: 'policy', on: false })
    expect(never.status).toBe(200)
    if (never.body.ok) expect(never.body.data.kinds.find((k) => k.kind === 'policy')?.on).toBe(false)
    expect(await h.store.collection('noticeSettings').get('r-new')).toBeNull()
    expect(await h.store.collection('subscriptions').get('r-new')).toBeNull()
    // A kind that is on by default, turned on: nothing written either.
    expect((await h.call(actions, resident('r-new'), 'setNotice', { kind: 'site', on: true })).status).toBe(200)
    expect(await h.store.collection('noticeSettings').get('r-new')).toBeNull()
    await steps.accept()
    await steps.guide()
    expect((await inbox()).items.filter((m) => m.kind === 'case')).toEqual([])
    expect((await h.call(actions, resident('r1'), 'setNotice', { kind: 'nope', on: false })).status).toBe(400)
  })

  it('sends one subscribe message per consent, opening the case page; without a consent left, the inbox only', async () => {
    const { h, actions, wechat, steps } = await caseFlow()
    expect((await h.ok<NoticesOutput>(actions, resident('r1'), 'notices', {})).template).toEqual({ templateId: NOTICE_TEMPLATE_ID, remaining: 0 })
    const consented = await h.ok<NoticesOutput>(actions, resident('r1'), 'consentNotices', { accepted: [NOTICE_TEMPLATE_ID, NOTICE_TEMPLATE_ID] })
    expect(consented.template?.remaining).toBe(2)
    expect((await h.call(actions, resident('r1'), 'consentNotices', { accepted: ['someone-elses'] })).status).toBe(400)
    await steps.accept()
    await steps.guide()
    await steps.mentor()
    const deps = { store: h.store, keyring: h.keyring, notifier: wechatNotifier(wechat.call), template: { templateId: NOTICE_TEMPLATE_ID, layout: LAYOUT }, now: () => new Date('2026-11-22T02:01:00.000Z') }
    const report = await sendNotices(deps)
    expect(report).toEqual({ sent: 2, inboxOnly: 1, retried: 0 })
    expect(wechat.calls).toHaveLength(2)
    for (const c of wechat.calls) expect(c.page).toBe('pkg-me/pages/my-case/index')
    expect((await h.ok<NoticesOutput>(actions, resident('r1'), 'notices', {})).template?.remaining).toBe(0)
    // A second pass sends nothing again.
    expect(await sendNotices(deps)).toEqual({ sent: 0, inboxOnly: 0, retried: 0 })
  })
})

describe('the switch copied onto the case stays true to the settings', () => {
  /**
   * Runs `flip` right after the first read of r1's notice settings through the store, while the
   * action that made that read goes on with what it read (the race of a resident switching
   * 我的帮扶进展 while their case is being written).
   */
  function flipAfterFirstSettingsRead(h: Awaited<ReturnType<typeof setup>>['h'], flip: () => Promise<unknown>): void {
    const store = h.store as unknown as { collection: (name: string) => unknown }
    const real = store.collection.bind(store)
    let done = false
    store.collection = (name: string) => {
      const col = real(name) as Record<string, unknown>
      if (name !== 'noticeSettings' || done) return col
      return new Proxy(col, {
        get(target, prop) {
          if (prop !== 'get') {
            const v = Reflect.get(target, prop)
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
          }
          return async (id: string) => {
            const read = await (target.get as (id: string) => Promise<unknown>)(id)
            if (!done && id === 'r1') {
              done = true
              await flip()
            }
            return read
          }
        },
      })
    }
  }

  it('a resident who turns 我的帮扶进展 off while submitting gets the switch on the new case: nothing filed for the next step', async () => {
    const { h, actions } = await setup()
    flipAfterFirstSettingsRead(h, () => h.ok(actions, resident('r1'), 'setNotice', { kind: 'case', on: false }))
    const mine = await h.ok<MyCase>(intentActions, resident('r1'), 'submit', registration())
    expect((await h.store.collection('noticeSettings').get('r1'))?.off).toContain('case')
    const stored = await h.store.collection('cases').get(mine._id)
    expect(stored?.caseNoticesOff).toBe(true)
    // The answer carries the case's version after the repair: the resident's next write is not refused as stale.
    expect(mine.version).toBe(stored?.version)
    const inboxBefore = await h.store.collection('inbox').count()
    await h.ok(ledger, staffId('a-staff'), 'accept', { id: mine._id })
    expect(await h.store.collection('inbox').count()).toBe(inboxBefore)
  })
})
