import type { PageOf } from '../../_shared/contracts/common'
import { guideListInput, guideSaveInput, type GuideView, resourceIdInput } from '../../_shared/contracts/service'
import type { Guide } from '../../_shared/domain/service'
import { type Ctx, defineAction } from '../../_shared/runtime/action'
import { notFound } from '../../_shared/runtime/errors'
import { type Filter, where } from '../../_shared/store/port'
import { checkPolicies } from '../../_shared/application/policy-links'
import { listScope, loadVisible, saveResource, toResourceView, MANAGED_LIST, SAVE_RESOURCE } from '../resources'

/** Titles of published policies by id, in the given order (missing ones left out). */
export async function policyLinks(ctx: Ctx, ids: readonly string[]): Promise<{ _id: string; title: string }[]> {
  const out: { _id: string; title: string }[] = []
  for (const id of ids) {
    const p = await ctx.store.collection('policies').get(id)
    if (p && p.status === 'published') out.push({ _id: p._id, title: p.title })
  }
  return out
}

async function toGuideView(ctx: Ctx, g: Guide): Promise<GuideView> {
  return { ...toResourceView(g, ctx.caller), policies: await policyLinks(ctx, g.policyIds) }
}

/** Published guides of the caller's chain (`policyId`: those a policy links to); staff `manage`: their subtree's. */
export const guides = defineAction({
  input: guideListInput,
  ...MANAGED_LIST,
  async run(input, ctx): Promise<PageOf<GuideView>> {
    const filters: Filter<Guide>[] = []
    const scope = await listScope(ctx, input.view)
    if (scope) filters.push(scope)
    if (input.view !== 'manage') filters.push(where.eq('published', true))
    if (input.policyId) filters.push(where.has('policyIds', input.policyId))
    const page = await ctx.store.collection('guides').find({ where: filters.length ? where.and(...filters) : undefined, orderBy: [{ field: 'updatedAt', dir: 'desc' }], limit: input.limit, after: input.after ?? null })
    return { items: await Promise.all(page.items.map((g) => toGuideView(ctx, g))), next: page.next }
  },
})

export const guide = defineAction({
  input: resourceIdInput,
  access: 'any',
  async run(input, ctx): Promise<GuideView> {
    const g = await loadVisible(ctx, 'guides', input.id)
    if (!g.published && ctx.caller.kind !== 'staff') throw notFound('办事指南不存在或已删除')
    return toGuideView(ctx, g)
  },
})

/** Adds a guide to the caller's org or edits one of their subtree's; linked policies must be published and apply there. */
export const saveGuide = defineAction({
  input: guideSaveInput,
  ...SAVE_RESOURCE,
  async run(input, ctx): Promise<GuideView> {
    const { id, version, ...fields } = input
    if (ctx.caller.kind === 'staff') await checkPolicies(ctx, fields.policyIds, ctx.caller.org.path)
    return toGuideView(ctx, await saveResource(ctx, 'guides', { id, version }, fields, 'gd'))
  },
})
