import type { Ctx } from '../runtime/action'
import { validation } from '../runtime/errors'

/** Linked policies must exist, be published and be visible where the event (or course) is held. */
export async function checkPolicies(ctx: Ctx, ids: readonly string[], orgPath: readonly string[]): Promise<void> {
  const errors: { path: string; message: string }[] = []
  for (const [i, id] of ids.entries()) {
    const p = await ctx.store.collection('policies').get(id)
    if (!p || p.status !== 'published' || !orgPath.includes(p.orgId)) errors.push({ path: `policyIds.${i}`, message: '这条政策不存在、未发布或不适用于本社区' })
  }
  if (errors.length) throw validation(errors)
}
