import type { TemplateQuota } from '../_shared/contracts/notify'
import type { SubscribeQuota } from '../_shared/domain/notify'
import type { Ctx } from '../_shared/runtime/action'
import type { Keyring } from '../_shared/runtime/keyring'
import type { Collections } from '../_shared/store/collections'
import type { TxStore } from '../_shared/store/port'
import type { NotifyDeps } from './deps'

/** The quota document of (resident, template). */
export function quotaId(keyring: Keyring, residentId: string, templateId: string): string {
  return `sq_${keyring.keyedHash('subscribe-quota', residentId, templateId)}`
}

/**
 * Inside the caller's transaction: one more send for each template the resident just accepted in
 * WeChat's subscribe dialog (each acceptance allows one message), the quota made on first use.
 */
export async function grantQuotas(tx: TxStore<Collections>, keyring: Keyring, residentId: string, templateIds: readonly string[], at: string): Promise<void> {
  for (const templateId of templateIds) {
    const id = quotaId(keyring, residentId, templateId)
    const added = await tx.collection('subscribeQuotas').update(id, { inc: { remaining: 1, granted: 1 }, set: { updatedAt: at } })
    if (!added) {
      const quota: SubscribeQuota = { _id: id, residentId, templateId, remaining: 1, granted: 1, used: 0, updatedAt: at }
      await tx.collection('subscribeQuotas').insert(quota)
    }
  }
}

/** The configured templates with my consents left for each. */
export async function myTemplates(ctx: Ctx, deps: NotifyDeps): Promise<TemplateQuota[]> {
  if (!deps.template) return []
  const { templateId } = deps.template
  const quota = await ctx.store.collection('subscribeQuotas').get(quotaId(ctx.keyring, ctx.caller.id, templateId))
  return [{ templateId, remaining: quota?.remaining ?? 0 }]
}
