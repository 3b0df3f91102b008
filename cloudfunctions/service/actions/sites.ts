import type { PageOf } from '../../_shared/contracts/common'
import { resourceIdInput, resourceListInput, siteSaveInput, type SiteView } from '../../_shared/contracts/service'
import type { Case } from '../../_shared/domain/case'
import { matchingSites, type Site, type SiteApplication } from '../../_shared/domain/service'
import { type Ctx, defineAction } from '../../_shared/runtime/action'
import { loadVisible, listScope, saveResource, toResourceView, MANAGED_LIST, SAVE_RESOURCE } from '../resources'
import { residentPlace } from '../../_shared/application/resident'
import { siteApplicationIdOf } from './apply-site'

async function toSiteView(ctx: Ctx, s: Site, intent: Case | null): Promise<SiteView> {
  const mine: SiteApplication | null = ctx.caller.kind === 'resident' ? await ctx.store.collection('siteApplications').get(siteApplicationIdOf(ctx, s._id, ctx.caller.id)) : null
  return { ...toResourceView(s, ctx.caller), matches: !!intent && matchingSites([s], intent).length > 0, mine: mine?.status ?? null }
}

/**
 * Sites of the caller's community chain (staff `manage`: their subtree's). A resident whose
 * intent asked for a place sees the ones that suit it first, most vacancies first.
 */
export const sites = defineAction({
  input: resourceListInput,
  ...MANAGED_LIST,
  async run(input, ctx): Promise<PageOf<SiteView>> {
    const scope = await listScope(ctx, input.view)
    const { intent } = await residentPlace(ctx)
    const page = await ctx.store.collection('sites').find({ where: scope ?? undefined, orderBy: [{ field: 'updatedAt', dir: 'desc' }], limit: input.limit, after: input.after ?? null })
    const shown = input.view === 'manage' ? page.items : page.items.filter((s) => s.active)
    const views = await Promise.all(shown.map((s) => toSiteView(ctx, s, intent)))
    views.sort((a, b) => Number(b.matches) - Number(a.matches) || (b.matches ? b.vacancies - a.vacancies : 0))
    return { items: views, next: page.next }
  },
})

export const site = defineAction({
  input: resourceIdInput,
  access: 'any',
  async run(input, ctx): Promise<SiteView> {
    const s = await loadVisible(ctx, 'sites', input.id)
    return toSiteView(ctx, s, (await residentPlace(ctx)).intent)
  },
})

/** Adds a site to the caller's org, or edits one of their subtree's. */
export const saveSite = defineAction({
  input: siteSaveInput,
  ...SAVE_RESOURCE,
  async run(input, ctx): Promise<SiteView> {
    const { id, version, ...fields } = input
    const saved: Site = await saveResource(ctx, 'sites', { id, version }, fields, 'site')
    return toSiteView(ctx, saved, null)
  },
})
