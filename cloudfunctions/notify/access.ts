import type { PushView } from '../_shared/contracts/notify'
import type { PolicyPush } from '../_shared/domain/notify'
import type { Org } from '../_shared/domain/org'
import type { Policy } from '../_shared/domain/policy'
import type { StaffCtx } from '../_shared/runtime/action'
import { notFound, outOfScope } from '../_shared/runtime/errors'
import { where } from '../_shared/store/port'

/** What the push actions declare: who may push, and what anyone else is told. */
export const PUSH_PERMISSION = { permission: 'policy.publish', refusal: '你的角色不能推送政策' } as const

/** A policy the staff caller may push, and the communities they may push it to. */
export interface Pushable {
  policy: Policy
  /** Communities in the caller's scope that see the policy (it was published there or above). */
  targets: Org[]
}

/**
 * Loads a policy for pushing. Staff who may publish policies (declared on the actions:
 * `PUSH_PERMISSION`) may push one to the communities
 * of their own scope that see it: their own policies, or ones published above them. A policy
 * with no such community is 404, as it is outside their view.
 */
export async function loadPushable(ctx: StaffCtx, policyId: string): Promise<Pushable> {
  const caller = ctx.caller
  const policy = await ctx.store.collection('policies').get(policyId)
  if (!policy) throw notFound('政策不存在或已删除')
  const targets: Org[] = []
  const inScope = where.and<Org>(where.eq('level', 'community'), where.has('path', caller.staff.orgId), where.has('path', policy.orgId))
  for await (const batch of ctx.store.collection('orgs').scan(inScope, 100)) targets.push(...batch)
  if (targets.length === 0) throw outOfScope('政策不存在或已删除')
  return { policy, targets: targets.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) }
}

/**
 * A push as staff see it, with the funnel: of the residents who opened the message, how many
 * then registered an intent, and how many then received a benefit of this policy
 * (`intents.benefits[].policyId`), from the push document's own counters: no read at all.
 */
export function toPushView(push: PolicyPush): PushView {
  // Funnel counters on the push document (issue 24): no read per resident who opened it.
  const intentsAfter = push.intentsAfter ?? 0
  const benefitsAfter = push.benefitsAfter ?? 0
  return {
    _id: push._id,
    policyVersion: push.policyVersion,
    communityIds: push.communityIds,
    targetGroups: push.targetGroups,
    recipients: push.queued + push.sent + push.failed,
    queued: push.queued,
    sent: push.sent,
    failed: push.failed,
    failedNoQuota: push.failedNoQuota,
    failedRefused: push.failedRefused,
    opened: push.opened,
    intentsAfter,
    benefitsAfter,
    createdAt: push.createdAt,
    createdByName: push.createdByName,
    done: push.queued === 0,
  }
}
