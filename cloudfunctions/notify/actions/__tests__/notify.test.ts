import type { InboxOutput, MarkReadOutput } from '../../../_shared/contracts/notify'
import type { InboxMessage } from '../../../_shared/domain/inbox'
import { makeHarness, resident, staffId } from '../../../_shared/testing/harness'
import { inboxActions as notifyActions } from '..'

function message(i: number, residentId: string): InboxMessage {
  return {
    _id: `ib_test_${String(i).padStart(3, '0')}`,
    residentId,
    kind: 'system',
    title: `消息 ${i}`,
    body: '内容',
    link: null,
    sourceId: null,
    createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
    readAt: null,
  }
}

describe('notify', () => {
  it('pages my messages newest first with the unread count, and never shows anyone else\'s', async () => {
    const h = await makeHarness([{ id: 'staff-a', role: 'community_staff', orgId: 'comm-a' }])
    for (let i = 0; i < 25; i++) await h.store.collection('inbox').insert(message(i, 'r1'))
    await h.store.collection('inbox').insert(message(99, 'r2'))
    const first = await h.ok<InboxOutput>(notifyActions, resident('r1'), 'inbox', { limit: 10 })
    expect(first.items.map((m) => m.title)).toEqual(Array.from({ length: 10 }, (_, i) => `消息 ${24 - i}`))
    expect(first.unreadCount).toBe(25)
    expect(JSON.stringify(first)).not.toContain('residentId')
    const seen: string[] = []
    let after: string | null = null
    do {
      const page: InboxOutput = await h.ok<InboxOutput>(notifyActions, resident('r1'), 'inbox', { limit: 10, after })
      seen.push(...page.items.map((m) => m._id))
      after = page.next
    } while (after)
    expect(seen).toHaveLength(25)
    expect(seen).not.toContain('ib_test_099')

    expect(await h.ok<MarkReadOutput>(notifyActions, resident('r1'), 'markRead', { all: true })).toEqual({ marked: 25, unreadCount: 0 })
    expect((await h.ok<InboxOutput>(notifyActions, resident('r2'), 'inbox', {})).unreadCount).toBe(1)
  })

  it('refuses bad input on its field; staff read only their own messages', async () => {
    const h = await makeHarness([{ id: 'staff-a', role: 'community_staff', orgId: 'comm-a' }])
    const none = await h.call(notifyActions, resident('r1'), 'markRead', {})
    expect(none.status).toBe(400)
    expect(none.body.ok ? [] : none.body.error.fields?.map((f) => f.path)).toEqual(['ids'])
    const bad = await h.call(notifyActions, resident('r1'), 'markRead', { ids: [{ $ne: null }] })
    expect(bad.status).toBe(400)
    expect((await h.call(notifyActions, resident('r1'), 'inbox', { limit: 500 })).status).toBe(400)
    await h.store.collection('inbox').insert({ _id: 'm-staff', residentId: 'staff-a', kind: 'evaluation', title: '申报截止提醒', body: '', link: null, sourceId: null, createdAt: '2026-09-23T00:00:00.000Z', readAt: null })
    const mine = await h.ok<InboxOutput>(notifyActions, staffId('staff-a'), 'inbox', {})
    expect(mine.items.map((m) => m.title)).toEqual(['申报截止提醒'])
    expect((await h.ok<InboxOutput>(notifyActions, resident('r1'), 'inbox', {})).items).toEqual([])
  })
})
