import { isWithin } from '../_shared/domain/org'
import { isInForce, type Policy } from '../_shared/domain/policy'
import { can } from '../_shared/domain/roles'
import { shanghaiDate } from '../_shared/domain/time'
import type { PolicyListItem, PolicyView } from '../_shared/contracts/policy'
import { type StaffCtx, staffWrite } from '../_shared/runtime/action'
import type { Caller } from '../_shared/runtime/caller'
import { loadInScope } from '../_shared/runtime/scope'

/** Publishing or taking down a policy: staff holding `policy.publish`, audited on the policy. */
export const PUBLISH_WRITE = staffWrite('policy.publish', '你的角色不能发布或下架政策')

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
 * actions): their org's or one below. A policy published by an org above theirs, which they see,
 * is 403 naming who may change it; any other is 404, so ids of other orgs' drafts leak nothing.
 */
export function loadEditable(ctx: StaffCtx, id: string): Promise<Policy> {
  return loadInScope(ctx, 'policies', id, {
    missing: '政策不存在或已删除',
    permission: 'policy.write',
    refusal: '你的角色不能修改政策',
    above: (policy) => (policy.status === 'published' ? '这条政策由上级单位发布，只有发布单位可以修改' : null),
  })
}
