/**
 * Deadline reminders (`evaluation.remind`, and the daily timer trigger `dailyRemind`): when a
 * stage's deadline is 7 days or 1 day away, every staff member who still has something to do
 * for it gets one message in their inbox. Message ids name (year, stage, window, staff), so
 * running twice on a day, or on every day of a window, sends nothing new.
 */
import { pageUrl } from '../_shared/domain/pages'
import {
  DEADLINE_KEYS,
  DEADLINE_LABELS,
  DEADLINE_WAITS,
  type DeadlineKey,
  type EvaluationApplication,
  EVALUATION_STATUS_LABELS,
  reminderWindow,
} from '../_shared/domain/evaluation'
import type { InboxMessage } from '../_shared/domain/inbox'
import type { Org } from '../_shared/domain/org'
import type { StaffMember } from '../_shared/domain/staff'
import { shanghaiDate } from '../_shared/domain/time'
import type { Collections } from '../_shared/store/collections'
import { type Store, where } from '../_shared/store/port'
import { deadlinesOf } from './application'

/** The staff list page the reminder opens. */
const LIST_PAGE = pageUrl('evaluation')

async function all<T>(iter: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = []
  for await (const batch of iter) out.push(...batch)
  return out
}

/** Sends the reminders due on the Shanghai day of `now`; returns how many messages went out. */
export async function sendReminders(store: Store<Collections>, now: Date): Promise<{ sent: number; today: string }> {
  const today = shanghaiDate(now)
  const year = Number(today.slice(0, 4))
  const deadlines = await deadlinesOf(store, year)
  const due = DEADLINE_KEYS.map((key) => ({ key, window: reminderWindow(today, deadlines[key]) })).filter((d): d is { key: DeadlineKey; window: number } => d.window !== null)
  if (!due.length) return { sent: 0, today }
  const apps = await all(store.collection('evaluations').scan(where.eq<EvaluationApplication>('year', year), 200))
  const byCommunity = new Map(apps.map((a) => [a.communityId, a]))
  let sent = 0
  for (const { key, window } of due) {
    const wait = DEADLINE_WAITS[key]
    // Who has something pending: per community (apply) or per application's path (later stages).
    const pending: { orgPath: string[]; label: string }[] = []
    if (key === 'apply') {
      const communities = await all(store.collection('orgs').scan(where.eq<Org>('level', 'community'), 500))
      for (const c of communities) {
        const status = byCommunity.get(c._id)?.status ?? 'none'
        if (wait.statuses.includes(status)) pending.push({ orgPath: c.path, label: status === 'none' ? '尚未申报' : EVALUATION_STATUS_LABELS[status as EvaluationApplication['status']] })
      }
    } else {
      for (const a of apps) if (wait.statuses.includes(a.status)) pending.push({ orgPath: a.communityPath, label: a.communityName })
    }
    if (!pending.length) continue
    const staff = await all(store.collection('staff').scan(where.and<StaffMember>(where.eq('role', wait.role), where.eq('active', true)), 500))
    for (const s of staff) {
      // A community lead acts for their own community; an upper level for everything under it.
      const mine = pending.filter((p) => (key === 'apply' ? p.orgPath.at(-1) === s.orgId : p.orgPath.includes(s.orgId)))
      if (!mine.length) continue
      const id = `evr_${year}_${key}_${window}_${s._id}`
      if (await store.collection('inbox').get(id)) continue
      const message: InboxMessage = {
        _id: id,
        residentId: s._id,
        kind: 'evaluation',
        title: `${DEADLINE_LABELS[key]}将于 ${deadlines[key]} 截止`,
        body: key === 'apply' ? `本社区${year}年创业型社区申报${mine[0].label}，请在截止前提交。` : `还有 ${mine.length} 个社区等你处理：${mine.map((m) => m.label).slice(0, 5).join('、')}${mine.length > 5 ? ' 等' : ''}。`,
        link: LIST_PAGE,
        sourceId: `${year}:${key}`,
        createdAt: now.toISOString(),
        readAt: null,
      }
      await store.collection('inbox').insert(message)
      sent++
    }
  }
  return { sent, today }
}
