import { NOTICE_KIND_LABELS, type NoticeDelivery } from '../_shared/domain/notice'
import { MAX_ATTEMPTS, templateData, wechatTime } from '../_shared/domain/notify'
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
 * Sends queued progress notices (filed by `tellResident` in whichever function moved the case,
 * site application, feedback or sign-up) as WeChat subscribe messages, oldest first, at most
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
  const { items } = await store.collection('noticeDeliveries').find({ where: where.eq('status', 'queued'), orderBy: [{ field: 'createdAt', dir: 'asc' }], limit: batch })
  for (const queued of items) {
    const at = deps.now().toISOString()
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
