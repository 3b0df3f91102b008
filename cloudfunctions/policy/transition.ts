import type { Policy } from '../_shared/domain/policy'
import { can } from '../_shared/domain/roles'
import { shanghaiDate } from '../_shared/domain/time'
import type { PolicyView } from '../_shared/contracts/policy'
import type { Ctx } from '../_shared/runtime/action'
import { conflict, forbidden } from '../_shared/runtime/errors'
import { where } from '../_shared/store/port'
import { loadEditable, toView } from './access'

/** Moves a policy to `to`, guarded by its version so two clicks never both apply. */
export async function transition(ctx: Ctx, id: string, to: 'published' | 'archived'): Promise<PolicyView> {
  const { caller } = ctx
  if (caller.kind !== 'staff' || !can(caller.staff.role, 'policy.publish')) throw forbidden('你的角色不能发布或下架政策')
  const current = await loadEditable(ctx, id)
  if (current.status === to) return toView(current, caller, ctx.now())
  const now = ctx.now()
  if (to === 'published' && current.validTo !== null && current.validTo < shanghaiDate(now)) {
    throw conflict('这条政策已过截止日期，请先修改有效期再发布')
  }
  const at = now.toISOString()
  const set: Partial<Policy> = { status: to, updatedAt: at, updatedBy: caller.staff._id }
  if (to === 'published') set.publishedAt = at
  const changed = await ctx.store
    .collection('policies')
    .update(id, { set, inc: { version: 1 } }, where.eq('version', current.version))
  if (!changed) throw conflict('内容已被他人修改，请刷新后再试')
  return toView({ ...current, ...set, version: current.version + 1 }, caller, now)
}

