/**
 * Deadline reminders (`evaluation.remind`, and the daily timer trigger `dailyRemind`): when a
 * stage's deadline is 7 days or 1 day away, every staff member who still has something to do
 * for it gets one message in their inbox. Message ids name (year, stage, window, staff), so
 * running twice on a day, or on every day of a window, sends nothing new.
 */
import { pagePath, pageUrl } from '../_shared/domain/pages'
import type { Notifier } from '../_shared/notifier/port'
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

/** Where the city's reminders also go as a WeChat subscribe message (staff who bound WeChat). */
export interface ReminderPush {
  notifier: Notifier
  /** The subscribe template; null: inbox only. */
  templateId: string | null
}

/** Template fields of the reminder message: what, by when, and a note. */
export const REMIND_TEMPLATE_FIELDS = { what: 'thing1', until: 'time2', note: 'thing3' } as const

/**
 * The city's 催办: everyone behind on a step (default: the earliest step with work pending in
 * the caller's scope) gets an inbox message, and a subscribe message when they bound WeChat and
 * a template is configured. One message per person, step and day, so pressing twice sends once.
 */
export async function remindBehind(
  store: Store<Collections>,
  now: Date,
  scope: Org,
  year: number,
  step: DeadlineKey | undefined,
  push: ReminderPush | null,
): Promise<{ step: DeadlineKey | null; behind: { communityId: string; communityName: string; status: EvaluationApplication['status'] | 'none' }[]; sent: number; pushed: number }> {
  const today = shanghaiDate(now)
  const deadlines = await deadlinesOf(store, year)
  const inScope = (path: readonly string[]) => path.includes(scope._id)
  const apps = (await all(store.collection('evaluations').scan(where.eq<EvaluationApplication>('year', year), 200))).filter((a) => inScope(a.communityPath))
  const communities = (await all(store.collection('orgs').scan(where.eq<Org>('level', 'community'), 500))).filter((c) => inScope(c.path))
  const byCommunity = new Map(apps.map((a) => [a.communityId, a]))
  const behindOn = (key: DeadlineKey) =>
    communities
      .map((c) => ({ c, status: byCommunity.get(c._id)?.status ?? ('none' as const) }))
      .filter(({ status }) => DEADLINE_WAITS[key].statuses.includes(status))
  const chosen = step ?? DEADLINE_KEYS.find((k) => behindOn(k).length > 0) ?? null
  if (!chosen) return { step: null, behind: [], sent: 0, pushed: 0 }
  const behind = behindOn(chosen)
  const wait = DEADLINE_WAITS[chosen]
  const staff = await all(store.collection('staff').scan(where.and<StaffMember>(where.eq('role', wait.role), where.eq('active', true)), 500))
  let sent = 0
  let pushed = 0
  for (const s of staff) {
    const mine = behind.filter(({ c }) => (chosen === 'apply' ? c._id === s.orgId : c.path.includes(s.orgId)))
    if (!mine.length) continue
    const id = `evb_${year}_${chosen}_${today}_${s._id}`
    if (await store.collection('inbox').get(id)) continue
    const overdue = today > deadlines[chosen]
    const title = `市创建办催办：${DEADLINE_LABELS[chosen]}${overdue ? `已于 ${deadlines[chosen]} 截止` : `将于 ${deadlines[chosen]} 截止`}`
    const body =
      chosen === 'apply'
        ? `本社区${year}年创业型社区申报${mine[0].status === 'none' ? '尚未开始' : EVALUATION_STATUS_LABELS[mine[0].status]}，请尽快办理${overdue ? '；截止日已过的，请向市创建办申请延期' : ''}。`
        : `还有 ${mine.length} 个社区等你处理：${mine.map(({ c }) => c.name).slice(0, 5).join('、')}${mine.length > 5 ? ' 等' : ''}。`
    const message: InboxMessage = { _id: id, residentId: s._id, kind: 'evaluation', title, body, link: LIST_PAGE, sourceId: `${year}:${chosen}`, createdAt: now.toISOString(), readAt: null }
    await store.collection('inbox').insert(message)
    sent++
    if (push?.templateId && s.openid) {
      const outcome = await push.notifier.send({
        id,
        toUser: s.openid,
        templateId: push.templateId,
        page: pagePath('evaluation'),
        data: {
          [REMIND_TEMPLATE_FIELDS.what]: { value: `${DEADLINE_LABELS[chosen]}催办`.slice(0, 20) },
          [REMIND_TEMPLATE_FIELDS.until]: { value: deadlines[chosen] },
          [REMIND_TEMPLATE_FIELDS.note]: { value: body.slice(0, 20) },
        },
      })
      if (outcome.ok) pushed++
    }
  }
  return { step: chosen, behind: behind.map(({ c, status }) => ({ communityId: c._id, communityName: c.name, status })), sent, pushed }
}
