import type { Policy } from '../_shared/domain/policy'
import { shanghaiDate } from '../_shared/domain/time'
import type { PolicyView } from '../_shared/contracts/policy'
import type { StaffCtx } from '../_shared/runtime/action'
import { conflict } from '../_shared/runtime/errors'
import { where } from '../_shared/store/port'
import { syncSearchEntry } from '../_shared/application/search-index'
import { loadEditable, toView } from './access'

/**
 * Moves a policy to `to`, guarded by its version so two clicks never both apply. The caller's
 * role holds `policy.publish` (declared on publish and archive).
 */
export async function transition(ctx: StaffCtx, id: string, to: 'published' | 'archived'): Promise<PolicyView> {
  const { caller } = ctx
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
  const saved: Policy = { ...current, ...set, version: current.version + 1 }
  // Published: findable at once; archived: gone from search.
  await syncSearchEntry(ctx.store, 'policy', saved, at)
  return toView(saved, caller, now)
}

