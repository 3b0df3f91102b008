import { pageUrl } from '../../_shared/domain/pages'
import { SEARCH_KIND_LABELS, SEARCH_KINDS, type SearchGroup, type SearchHit, searchInput, type SearchKind } from '../../_shared/contracts/service'
import { COURSE_KIND_LABELS } from '../../_shared/domain/training'
import { SITE_KIND_LABELS } from '../../_shared/domain/service'
import { type Ctx, defineAction } from '../../_shared/runtime/action'
import type { Collections } from '../../_shared/store/collections'
import { type Filter, type FieldOf, where } from '../../_shared/store/port'
import { residentPlace } from '../../_shared/application/resident'

/** A typed filter: any of `fields` contains the words (the store escapes them; user text never becomes an operator). */
function anyContains<T>(fields: FieldOf<T>[], q: string): Filter<T> {
  return where.or(...fields.map((f) => where.contains<T>(f, q)))
}

/** One kind's page of hits: visible to the caller (kept at their community's chain), newest first. */
async function searchKind(ctx: Ctx, kind: SearchKind, q: string, path: string[] | null, limit: number, after: string | null): Promise<SearchGroup> {
  const page = <K extends keyof Collections>(name: K, filters: Filter<Collections[K]>[], order: FieldOf<Collections[K]>) =>
    ctx.store.collection(name).find({ where: where.and(...filters), orderBy: [{ field: order, dir: 'desc' }], limit, after })
  let items: SearchHit[] = []
  let next: string | null = null
  if (kind === 'policy') {
    const r = await page('policies', [where.eq('status', 'published'), anyContains(['title', 'summary', 'benefit'], q), ...(path ? [where.in<Collections['policies']>('orgId', path)] : [])], 'publishedAt')
    items = r.items.map((p) => ({ kind, id: p._id, title: p.title, summary: p.summary, url: pageUrl('policyDetail', { id: p._id }) }))
    next = r.next
  } else if (kind === 'guide') {
    const r = await page('guides', [where.eq('published', true), anyContains(['title', 'summary'], q), ...(path ? [where.in<Collections['guides']>('orgId', path)] : [])], 'updatedAt')
    items = r.items.map((g) => ({ kind, id: g._id, title: g.title, summary: g.summary, url: pageUrl('guide', { id: g._id }) }))
    next = r.next
  } else if (kind === 'course') {
    const r = await page('courses', [where.eq('status', 'published'), anyContains(['title', 'description', 'provider'], q), ...(path ? [where.in<Collections['courses']>('orgId', path)] : [])], 'updatedAt')
    items = r.items.map((c) => ({ kind, id: c._id, title: c.title, summary: `${COURSE_KIND_LABELS[c.kind]} · ${c.provider}`, url: pageUrl('course', { id: c._id }) }))
    next = r.next
  } else if (kind === 'site') {
    const r = await page('sites', [where.eq('active', true), anyContains(['name', 'address', 'conditions'], q), ...(path ? [where.in<Collections['sites']>('orgId', path)] : [])], 'updatedAt')
    items = r.items.map((s) => ({ kind, id: s._id, title: s.name, summary: `${SITE_KIND_LABELS[s.kind]} · 空余 ${s.vacancies} 个`, url: pageUrl('sites') }))
    next = r.next
  } else {
    const r = await page('stories', [anyContains(['title', 'summary', 'business', 'body'], q), ...(path ? [where.in<Collections['stories']>('orgId', path)] : [])], 'publishedAt')
    items = r.items.map((s) => ({ kind, id: s._id, title: s.title, summary: s.summary, url: pageUrl('story', { id: s._id }) }))
    next = r.next
  }
  return { kind, label: SEARCH_KIND_LABELS[kind], items, next }
}

/**
 * Searches policies, guides, courses, sites and stories the caller can see. Without `kind`, the
 * first few of every kind (groups with no hit left out); with `kind`, one kind paged by `after`.
 */
export const search = defineAction({
  input: searchInput,
  access: 'any',
  async run(input, ctx): Promise<SearchGroup[]> {
    const { communityPath } = await residentPlace(ctx)
    if (input.kind) return [await searchKind(ctx, input.kind, input.q, communityPath, input.limit, input.after ?? null)]
    const groups = await Promise.all(SEARCH_KINDS.map((k) => searchKind(ctx, k, input.q, communityPath, input.limit, null)))
    return groups.filter((g) => g.items.length > 0)
  },
})
