import type { TemplateQuota } from '../_shared/contracts/notify'
import type { Ctx } from '../_shared/runtime/action'
import type { Keyring } from '../_shared/runtime/keyring'
import type { NotifyDeps } from './deps'

/** The quota document of (resident, template). */
export function quotaId(keyring: Keyring, residentId: string, templateId: string): string {
  return `sq_${keyring.keyedHash('subscribe-quota', residentId, templateId)}`
}

/** The configured templates with my consents left for each. */
export async function myTemplates(ctx: Ctx, deps: NotifyDeps): Promise<TemplateQuota[]> {
  if (!deps.template) return []
  const { templateId } = deps.template
  const quota = await ctx.store.collection('subscribeQuotas').get(quotaId(ctx.keyring, ctx.caller.id, templateId))
  return [{ templateId, remaining: quota?.remaining ?? 0 }]
}
