import { pagePath } from '../_shared/domain/pages'
import type { InboxMessage } from '../_shared/domain/inbox'
import {
  backoffMs,
  CLAIM_LEASE_MS,
  type FailReason,
  MAX_ATTEMPTS,
  matchesPush,
  type PolicyPush,
  type PushDelivery,
  type PushTarget,
  type Subscription,
  templateData,
  wechatTime,
} from '../_shared/domain/notify'
import { POLICY_CATEGORY_LABELS, type Policy } from '../_shared/domain/policy'
import type { Notifier, SendOutcome } from '../_shared/notifier/port'
import type { Ctx } from '../_shared/runtime/action'
import type { Collections } from '../_shared/store/collections'
import { DuplicateIdError, type Filter, type TxStore, where } from '../_shared/store/port'
import type { NotifyDeps } from './deps'
import { quotaId } from './quota'

/** The page a push opens, in WeChat (no leading slash) and in the inbox (with one). */
export function pushPage(push: Pick<PolicyPush, '_id' | 'policyId'>): string {
  return pagePath('policyDetail', { id: push.policyId, push: push._id })
}

/** The keyed hash a (push, resident) pair's delivery and inbox message share. */
export function deliveryHash(ctx: Ctx, pushId: string, residentId: string): string {
  return ctx.keyring.keyedHash('push-delivery', pushId, residentId)
}

type PushCounts = Partial<Record<'queued' | 'sent' | 'failed' | 'failedNoQuota' | 'failedRefused' | 'opened', number>>

function movePush(tx: TxStore<Collections>, pushId: string, inc: PushCounts, at: string): Promise<boolean> {
  return tx.collection('pushes').update(pushId, { inc, set: { updatedAt: at } })
}

/** The push counters a delivery failing for `reason` moves. */
function failCounts(reason: FailReason): PushCounts {
  return { queued: -1, failed: 1, ...(reason === 'no_quota' ? { failedNoQuota: 1 } : reason === 'refused' ? { failedRefused: 1 } : {}) }
}

/**
 * Files the push for every matching subscriber: one delivery (queued) and one inbox message per
 * resident, in one transaction each, under ids derived from (push, resident). A resident already
 * filed (a retried call, another staff member pushing the same version at the same moment) is
 * skipped, so nobody is filed twice. Answers how many were filed now.
 */
export async function enqueue(ctx: Ctx, push: PolicyPush, policy: Policy, target: PushTarget, isUpdate: boolean): Promise<number> {
  const at = ctx.now().toISOString()
  let filed = 0
  const subscribers = where.and<Subscription>(where.in('communityId', target.communityIds), where.eq('active', true))
  for await (const batch of ctx.store.collection('subscriptions').scan(subscribers, 100)) {
    for (const sub of batch) {
      if (!matchesPush(sub, policy, target)) continue
      const hash = deliveryHash(ctx, push._id, sub.residentId)
      const delivery: PushDelivery = {
        _id: `pd_${hash}`,
        pushId: push._id,
        policyId: policy._id,
        residentId: sub.residentId,
        channel: sub.channel,
        status: 'queued',
        attempts: 0,
        // Due at once: '' sorts before any time, whichever clock the sender keeps.
        nextAttemptAt: '',
        claimedAt: '',
        failReason: null,
        lastError: '',
        quotaHeld: false,
        createdAt: at,
        sentAt: '',
        openedAt: '',
      }
      const message: InboxMessage = {
        _id: `ib_${hash}`,
        residentId: sub.residentId,
        kind: 'policy',
        title: `${isUpdate ? '政策更新' : '新政策'}：${policy.title}`,
        body: policy.summary,
        link: `/${pushPage(push)}`,
        sourceId: policy._id,
        pushId: push._id,
        createdAt: at,
        readAt: null,
      }
      try {
        const added = await ctx.store.transaction(async (tx) => {
          if (await tx.collection('pushDeliveries').get(delivery._id)) return false
          await tx.collection('pushDeliveries').insert(delivery)
          await tx.collection('inbox').insert(message)
          await movePush(tx, push._id, { queued: 1 }, at)
          return true
        })
        if (added) filed++
      } catch (err) {
        // Another sender filed this resident between our read and our insert: nothing to add.
        if (!(err instanceof DuplicateIdError)) throw err
      }
    }
  }
  return filed
}

/** Sends one push's queued deliveries (see `drain`). */
interface SendRun {
  ctx: Ctx
  deps: NotifyDeps
  notifier: Notifier
  push: PolicyPush
  policy: Policy
}

const iso = (ms: number) => new Date(ms).toISOString()

/** Fails a delivery for good (inside a transaction), refunding a consent it held unless WeChat may have used it. */
async function failIn(tx: TxStore<Collections>, run: SendRun, d: PushDelivery, from: 'queued' | 'sending', reason: FailReason, error: string): Promise<void> {
  const at = iso(run.deps.timer.now())
  const changed = await tx
    .collection('pushDeliveries')
    .update(d._id, { set: { status: 'failed', failReason: reason, lastError: error.slice(0, 200), quotaHeld: false } }, where.eq('status', from))
  if (!changed) return
  if (d.quotaHeld && reason !== 'unconfirmed' && run.push.templateId) {
    const q = quotaId(run.ctx.keyring, d.residentId, run.push.templateId)
    // 43101 means WeChat holds no acceptance for this template any more: our count was stale.
    if (reason === 'refused') await tx.collection('subscribeQuotas').update(q, { set: { remaining: 0, updatedAt: at }, inc: { used: -1 } })
    else await tx.collection('subscribeQuotas').update(q, { inc: { remaining: 1, used: -1 }, set: { updatedAt: at } })
  }
  await movePush(tx, run.push._id, failCounts(reason), at)
}

/**
 * Claims a queued delivery: status queued → sending and, for a WeChat subscriber, one consent
 * taken, in one transaction, so two senders never both send it and a consent is taken once.
 * Null when it is not due, someone else claimed it, or it failed here (no consent left).
 */
async function claim(run: SendRun, id: string): Promise<PushDelivery | null> {
  const { ctx, deps, push } = run
  const now = deps.timer.now()
  return ctx.store.transaction(async (tx) => {
    const d = await tx.collection('pushDeliveries').get(id)
    if (!d || d.status !== 'queued' || d.nextAttemptAt > iso(now)) return null
    if (!push.templateId) {
      await failIn(tx, run, d, 'queued', 'rejected', '未配置订阅消息模板')
      return null
    }
    let held = false
    if (d.channel === 'weapp') {
      held = await tx
        .collection('subscribeQuotas')
        .update(quotaId(ctx.keyring, d.residentId, push.templateId), { inc: { remaining: -1, used: 1 }, set: { updatedAt: iso(now) } }, where.gte('remaining', 1))
      if (!held) {
        await failIn(tx, run, d, 'queued', 'no_quota', '')
        return null
      }
    }
    const claimed = await tx
      .collection('pushDeliveries')
      .update(id, { set: { status: 'sending', claimedAt: iso(now), quotaHeld: held }, inc: { attempts: 1 } }, where.eq('status', 'queued'))
    return claimed ? { ...d, status: 'sending', claimedAt: iso(now), quotaHeld: held, attempts: d.attempts + 1 } : null
  })
}

/** Records what became of a claimed send. */
async function settle(run: SendRun, d: PushDelivery, outcome: SendOutcome): Promise<void> {
  const { ctx, deps, push } = run
  const now = deps.timer.now()
  await ctx.store.transaction(async (tx) => {
    if (outcome.ok) {
      const changed = await tx.collection('pushDeliveries').update(d._id, { set: { status: 'sent', sentAt: iso(now), lastError: '' } }, where.eq('status', 'sending'))
      if (changed) await movePush(tx, push._id, { queued: -1, sent: 1 }, iso(now))
      return
    }
    const error = `${outcome.code} ${outcome.message}`
    if (outcome.kind === 'refused') return failIn(tx, run, d, 'sending', 'refused', error)
    if (outcome.kind === 'rejected') return failIn(tx, run, d, 'sending', 'rejected', error)
    if (d.attempts >= MAX_ATTEMPTS) return failIn(tx, run, d, 'sending', 'gave_up', error)
    // Transient: back in the queue after a backoff, its consent given back until the next try.
    const changed = await tx.collection('pushDeliveries').update(
      d._id,
      { set: { status: 'queued', nextAttemptAt: iso(now + backoffMs(d.attempts)), lastError: error.slice(0, 200), quotaHeld: false } },
      where.eq('status', 'sending'),
    )
    if (changed && d.quotaHeld && push.templateId) {
      await tx.collection('subscribeQuotas').update(quotaId(ctx.keyring, d.residentId, push.templateId), { inc: { remaining: 1, used: -1 }, set: { updatedAt: iso(now) } })
    }
  })
}

/** Sends whose sender stopped mid-send (lease expired) become `unconfirmed`: never sent again. */
async function sweepStale(run: SendRun): Promise<void> {
  const cutoff = iso(run.deps.timer.now() - CLAIM_LEASE_MS)
  const stale = where.and<PushDelivery>(where.eq('pushId', run.push._id), where.eq('status', 'sending'), where.lt('claimedAt', cutoff))
  for await (const batch of run.ctx.store.collection('pushDeliveries').scan(stale, 100)) {
    for (const d of batch) await run.ctx.store.transaction((tx) => failIn(tx, run, d, 'sending', 'unconfirmed', '发送中断，无法确认是否送达'))
  }
}

function messageFor(run: SendRun, d: PushDelivery) {
  const { policy, push } = run
  const template = run.deps.template
  return {
    id: d._id,
    toUser: d.residentId,
    templateId: push.templateId ?? '',
    page: pushPage(push),
    data: templateData(template?.layout ?? [], {
      title: policy.title,
      category: POLICY_CATEGORY_LABELS[policy.category],
      org: policy.orgName,
      time: wechatTime(policy.publishedAt || policy.updatedAt),
      note: '点开查看申请条件和所需材料',
      benefit: policy.benefit,
    }),
  }
}

/**
 * Sends the push's due deliveries, paced to `deps.pace.perSecond`, retrying transient failures
 * after their backoff, until nothing is left or the call's budget is spent. Answers whether
 * the push is finished; if not, calling `push` again goes on where this stopped.
 */
export async function drain(ctx: Ctx, deps: NotifyDeps, push: PolicyPush, policy: Policy): Promise<boolean> {
  const run: SendRun = { ctx, deps, notifier: deps.notifier(ctx.store), push, policy }
  const { timer } = deps
  const deadline = timer.now() + deps.pace.budgetMs
  const interval = 1000 / deps.pace.perSecond
  let lastSend = -Infinity
  const deliveries = ctx.store.collection('pushDeliveries')
  const mine = (...f: Filter<PushDelivery>[]) => where.and<PushDelivery>(where.eq('pushId', push._id), ...f)
  for (;;) {
    await sweepStale(run)
    const due = await deliveries.find({
      where: mine(where.eq('status', 'queued'), where.lte('nextAttemptAt', iso(timer.now()))),
      orderBy: [{ field: 'nextAttemptAt', dir: 'asc' }],
      limit: 50,
    })
    if (due.items.length === 0) {
      const waiting = await deliveries.find({ where: mine(where.eq('status', 'queued')), orderBy: [{ field: 'nextAttemptAt', dir: 'asc' }], limit: 1 })
      const next = waiting.items[0]
      if (!next) {
        if ((await deliveries.count(mine(where.eq('status', 'sending')))) > 0) return false
        await ctx.store.collection('pushes').update(push._id, { set: { finishedAt: iso(timer.now()) } }, where.eq('queued', 0))
        return true
      }
      const wait = next.nextAttemptAt ? Date.parse(next.nextAttemptAt) - timer.now() : 0
      if (timer.now() + wait > deadline) return false
      await timer.sleep(Math.max(wait, 1))
      continue
    }
    for (const candidate of due.items) {
      if (timer.now() >= deadline) return false
      const pause = lastSend + interval - timer.now()
      if (pause > 0) await timer.sleep(pause)
      const d = await claim(run, candidate._id)
      if (!d) continue
      lastSend = timer.now()
      const outcome = await run.notifier.send(messageFor(run, d)).catch(
        (err: unknown): SendOutcome => ({ ok: false, kind: 'transient', code: 'error', message: err instanceof Error ? err.message : String(err) }),
      )
      await settle(run, d, outcome)
    }
  }
}
