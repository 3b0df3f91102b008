import type { RemindersExport } from '../contracts/notify'
import type { NoticesExport } from '../contracts/profile'
import { type NoticeDelivery, noticeSwitches } from '../domain/notice'
import type { PushDelivery, SubscribeQuota } from '../domain/notify'
import type { Ctx } from '../runtime/action'
import { where } from '../store/port'

async function mine<T>(scan: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = []
  for await (const batch of scan) out.push(...batch)
  return out
}

export async function exportReminders(ctx: Ctx, me: string): Promise<RemindersExport> {
  const sub = await ctx.store.collection('subscriptions').get(me)
  const quotas = await mine(ctx.store.collection('subscribeQuotas').scan(where.eq<SubscribeQuota>('residentId', me), 100))
  const deliveries = await mine(ctx.store.collection('pushDeliveries').scan(where.eq<PushDelivery>('residentId', me), 100))
  return {
    subscription: sub
      ? { categories: sub.categories, targetGroups: sub.targetGroups, channel: sub.channel, active: sub.active, createdAt: sub.createdAt, updatedAt: sub.updatedAt }
      : null,
    consents: quotas.map((q) => ({ templateId: q.templateId, remaining: q.remaining, granted: q.granted, used: q.used })),
    deliveries: deliveries
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((d) => ({ policyId: d.policyId, createdAt: d.createdAt, status: d.status, sentAt: d.sentAt, openedAt: d.openedAt })),
  }
}

/** My notice switches and my notices' WeChat deliveries, for 我的数据's export. */
export async function exportNotices(ctx: Ctx, me: string): Promise<NoticesExport> {
  const [settings, sub] = await Promise.all([ctx.store.collection('noticeSettings').get(me), ctx.store.collection('subscriptions').get(me)])
  const deliveries = await mine(ctx.store.collection('noticeDeliveries').scan(where.eq<NoticeDelivery>('residentId', me), 100))
  return {
    switches: noticeSwitches(settings, sub?.active ?? false),
    switchesUpdatedAt: settings?.updatedAt ?? null,
    deliveries: deliveries
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((d) => ({ kind: d.kind, title: d.title, body: d.body, page: d.page, status: d.status, failReason: d.failReason, createdAt: d.createdAt, sentAt: d.sentAt })),
  }
}

/**
 * Deletes my subscription, consents and per-push records (with the local outbox's copies).
 * The pushes keep their counts: they are totals, not about me. Safe to repeat. Answers how
 * many records went.
 */
export async function forgetReminders(ctx: Ctx, me: string): Promise<number> {
  let removed = (await ctx.store.collection('subscriptions').remove(me)) ? 1 : 0
  for (const q of await mine(ctx.store.collection('subscribeQuotas').scan(where.eq<SubscribeQuota>('residentId', me), 100))) {
    if (await ctx.store.collection('subscribeQuotas').remove(q._id)) removed++
  }
  for (const d of await mine(ctx.store.collection('pushDeliveries').scan(where.eq<PushDelivery>('residentId', me), 100))) {
    removed += await ctx.store.transaction(async (tx) => {
      await tx.collection('outbox').remove(d._id)
      return (await tx.collection('pushDeliveries').remove(d._id)) ? 1 : 0
    })
  }
  // Progress notices' WeChat records and my notice switches go the same way.
  if (await ctx.store.collection('noticeSettings').remove(me)) removed++
  for (const d of await mine(ctx.store.collection('noticeDeliveries').scan(where.eq<NoticeDelivery>('residentId', me), 100))) {
    await ctx.store.collection('outbox').remove(d._id)
    if (await ctx.store.collection('noticeDeliveries').remove(d._id)) removed++
  }
  return removed
}
