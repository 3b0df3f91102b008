import { NOTICE_KIND_LABELS, type NoticeDelivery } from '../_shared/domain/notice'
import { MAX_ATTEMPTS, templateData, wechatTime } from '../_shared/domain/notify'
import { deliveryOf } from '../_shared/application/notices'
import { creditPushFunnel } from '../_shared/application/push-funnel'
import type { Notifier } from '../_shared/notifier/port'
import type { Keyring } from '../_shared/runtime/keyring'
import type { Collections } from '../_shared/store/collections'
import { type Store, where } from '../_shared/store/port'
import type { PolicyTemplate } from './deps'
import { quotaId } from './quota'

export interface NoticeSendDeps {
  store: Store<Collections>
  keyring: Keyring
  notifier: Notifier
  template: PolicyTemplate | null
  now: () => Date
}

export interface NoticeSendReport {
  sent: number
  /** Left in the inbox only: no consent left, no template, refused or rejected by WeChat. */
  inboxOnly: number
  /** Put back for the next pass (WeChat busy, network). */
  retried: number
}

/**
 * Files the WeChat delivery of each notice `tellResident` left in the inbox (`deliverQueued`),
 * oldest first, at most `batch`: first the push-funnel credit of a benefit's policy (a retry, or
 * two timer passes overlapping, credits nothing twice: each opened push delivery is marked
 * `benefitAt` once, in the transaction that moves its push's count, `creditPushFunnel`; crediting
 * before the claim means a pass that dies in between loses no credit), then, in one transaction,
 * the delivery and the flag cleared, so a
 * notice is delivered once however many passes see it. Moved here from the writing action so a
 * benefit or loan step costs at most 2 reads + 3 writes (issue 22).
 */
export async function fileDeliveries(store: Store<Collections>, batch: number): Promise<number> {
  const { items } = await store.collection('inbox').find({ where: where.eq('deliverQueued', true), orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: batch })
  let filed = 0
  for (const m of items) {
    if (m.funnelPolicyId) await creditPushFunnel(store, m.residentId, m.createdAt, { benefitPolicyId: m.funnelPolicyId })
    const done = await store.transaction(async (tx) => {
      const fresh = await tx.collection('inbox').get(m._id)
      if (!fresh?.deliverQueued) return false
      // A resident who deleted the message (or their data) meanwhile gets no delivery either.
      if (!(await tx.collection('inbox').update(m._id, { set: { deliverQueued: false } }, where.eq('deliverQueued', true)))) return false
      if (!(await tx.collection('noticeDeliveries').get(deliveryOf(fresh)._id))) await tx.collection('noticeDeliveries').insert(deliveryOf(fresh))
      return true
    })
    if (done) filed++
  }
  return filed
}

/**
 * Sends queued progress notices (filed by `tellResident` in whichever function moved the case,
 * site application, feedback or sign-up, and turned into deliveries by `fileDeliveries` at the
 * start of the pass) as WeChat subscribe messages, oldest first, at most
 * `batch` a pass (the `sendNotices` timer runs every minute). One-time consents: each message
 * takes one consent of the notice template in the same transaction that claims the delivery
 * (queued → sending), so two passes never send the same one and a consent is used once; a
 * resident with none left keeps the inbox message only. Outcomes as for policy pushes: refused
 * (43101) resets the count to 0, rejected gives the consent back, transient puts it back in the
 * queue with the consent returned, until MAX_ATTEMPTS.
 */
export async function sendNotices(deps: NoticeSendDeps, batch = 50): Promise<NoticeSendReport> {
  const { store, keyring, notifier, template } = deps
  const report: NoticeSendReport = { sent: 0, inboxOnly: 0, retried: 0 }
  await fileDeliveries(store, batch)
  const { items } = await store.collection('noticeDeliveries').find({ where: where.eq('status', 'queued'), orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: batch })
  for (const queued of items) {
    const at = deps.now().toISOString()
    if (queued.muted) {
      // A kind the resident turned off: nothing to send, only the push funnel to credit.
      if (queued.funnelPolicyId) await creditPushFunnel(store, queued.residentId, queued.createdAt, { benefitPolicyId: queued.funnelPolicyId })
      await store.collection('noticeDeliveries').update(queued._id, { set: { status: 'failed', failReason: 'off' } }, where.eq('status', 'queued'))
      continue
    }
    const fail = (reason: NoticeDelivery['failReason']) => ({ set: { status: 'failed' as const, failReason: reason } })
    const claimed = await store.transaction(async (tx) => {
      const d = await tx.collection('noticeDeliveries').get(queued._id)
      if (!d || d.status !== 'queued') return null
      if (!template) {
        await tx.collection('noticeDeliveries').update(d._id, fail('no_template'))
        return null
      }
      const took = await tx
        .collection('subscribeQuotas')
        .update(quotaId(keyring, d.residentId, template.templateId), { inc: { remaining: -1, used: 1 }, set: { updatedAt: at } }, where.gte('remaining', 1))
      if (!took) {
        await tx.collection('noticeDeliveries').update(d._id, fail('no_quota'))
        return null
      }
      const ok = await tx.collection('noticeDeliveries').update(d._id, { set: { status: 'sending' }, inc: { attempts: 1 } }, where.eq('status', 'queued'))
      return ok ? { ...d, attempts: d.attempts + 1 } : null
    })
    if (!claimed || !template) {
      report.inboxOnly++
      continue
    }
    const outcome = await notifier.send({
      id: claimed._id,
      toUser: claimed.residentId,
      templateId: template.templateId,
      page: claimed.page,
      data: templateData(template.layout, { title: claimed.title, category: NOTICE_KIND_LABELS[claimed.kind].slice(0, 6), org: '社区创业服务', time: wechatTime(claimed.createdAt), note: claimed.body, benefit: '' }),
    })
    const q = quotaId(keyring, claimed.residentId, template.templateId)
    const done = deps.now().toISOString()
    await store.transaction(async (tx) => {
      if (outcome.ok) {
        await tx.collection('noticeDeliveries').update(claimed._id, { set: { status: 'sent', sentAt: done } })
        return
      }
      if (outcome.kind === 'refused') {
        await tx.collection('noticeDeliveries').update(claimed._id, fail('refused'))
        await tx.collection('subscribeQuotas').update(q, { set: { remaining: 0, updatedAt: done }, inc: { used: -1 } })
        return
      }
      await tx.collection('subscribeQuotas').update(q, { inc: { remaining: 1, used: -1 }, set: { updatedAt: done } })
      if (outcome.kind === 'rejected' || claimed.attempts >= MAX_ATTEMPTS) {
        await tx.collection('noticeDeliveries').update(claimed._id, fail(outcome.kind === 'rejected' ? 'rejected' : 'gave_up'))
      } else {
        await tx.collection('noticeDeliveries').update(claimed._id, { set: { status: 'queued' } })
      }
    })
    if (outcome.ok) report.sent++
    else if (outcome.kind === 'transient' && claimed.attempts < MAX_ATTEMPTS) report.retried++
    else report.inboxOnly++
  }
  return report
}
