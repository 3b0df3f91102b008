import { isWithin } from '../_shared/domain/org'
import { isInForce, type Policy } from '../_shared/domain/policy'
import { can } from '../_shared/domain/roles'
import { shanghaiDate } from '../_shared/domain/time'
import type { PolicyListItem, PolicyView } from '../_shared/contracts/policy'
import type { StaffCtx } from '../_shared/runtime/action'
import type { Caller } from '../_shared/runtime/caller'
import { forbidden } from '../_shared/runtime/errors'
import { inScope } from '../_shared/runtime/scope'

/** Staff may change a policy published by their own org or an org below it. */
export function mayEdit(caller: Caller, policy: Pick<Policy, 'orgPath'>): boolean {
  return caller.kind === 'staff' && can(caller.staff.role, 'policy.write') && isWithin(policy.orgPath, caller.staff.orgId)
}

export function toView(policy: Policy, caller: Caller, now: Date): PolicyView {
  const { orgPath: _path, updatedBy: _by, ...rest } = policy
  return { ...rest, inForce: isInForce(policy, shanghaiDate(now)), editable: mayEdit(caller, policy) }
}

export function toListItem(policy: Policy, today: string): PolicyListItem {
  return {
    _id: policy._id,
    title: policy.title,
    category: policy.category,
    summary: policy.summary,
    benefit: policy.benefit,
    targetGroups: policy.targetGroups,
    orgName: policy.orgName,
    validFrom: policy.validFrom,
    validTo: policy.validTo,
    status: policy.status,
    updatedAt: policy.updatedAt,
    inForce: isInForce(policy, today),
  }
}

/**
 * Loads a policy the staff caller may change (their role holds `policy.write`, declared on the
 * actions). A policy they can see but not change is 403; one outside their view altogether is
 * 404, so ids of other orgs' drafts leak nothing.
 */
export async function loadEditable(ctx: StaffCtx, id: string): Promise<Policy> {
  const policy = await ctx.store.collection('policies').get(id)
  // Business rule, not access: a policy is changed only by the org that published it, so a
  // published policy of an org above the caller's (one they see) says who may change it.
  if (policy && !mayEdit(ctx.caller, policy) && policy.status === 'published' && ctx.caller.org.path.includes(policy.orgId)) {
    throw forbidden('这条政策由上级单位发布，只有发布单位可以修改')
  }
  return inScope(ctx, policy, { missing: '政策不存在或已删除', permission: 'policy.write', refusal: '你的角色不能修改政策' })
}
