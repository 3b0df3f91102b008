import { type SearchGroup, type SearchHit, searchInput, type SearchResult } from '../../_shared/contracts/service'
import { candidateTerms, GENERIC_HINT, queryConcepts, SEARCH_KIND_LABELS, SEARCH_KINDS, type SearchEntry, scoreEntry } from '../../_shared/domain/search'
import { defineAction } from '../../_shared/runtime/action'
import { type Filter, MAX_PAGE, where } from '../../_shared/store/port'
import { residentPlace } from '../../_shared/application/resident'

const EMPTY_HINT = '试试说说你想做什么，比如“开小店有什么补贴”“失业了能贷款吗”“大学生创业场地”'
const NOTHING_HINT = '没有找到相关内容，换个说法试试，比如“贷款”“补贴”“培训”，或拨打服务热线问问'

/**
 * One search over what the caller can use: policies in force, published 办事指南, events open
 * for sign-up, courses taking enrolments, active sites and stories, of their community's chain.
 *
 * Reads: one query on the stored index (`searchEntries`, kept current by the actions that save
 * these items) for entries sharing a non-generic term with the question, capped at 100
 * documents; the entries carry their own terms, so ranking needs no further read. Expired items
 * are left out by the entries' `until` (no write is needed when a date passes).
 */
export const search = defineAction({
  input: searchInput,
  access: 'any',
  async run(input, ctx): Promise<SearchResult> {
    const concepts = queryConcepts(input.q)
    if (!concepts.length) return { top: [], groups: [], hint: input.q.trim() ? EMPTY_HINT : null }
    // Only generic words (创业, 政策): ask with them, there is nothing more specific.
    const terms = candidateTerms(concepts)
    const asked = terms.length ? terms : concepts.flatMap((c) => c.terms)
    const { communityPath } = await residentPlace(ctx)
    const now = ctx.now().toISOString()
    const filters: Filter<SearchEntry>[] = [where.hasAny('terms', asked), where.lte('from', now), where.gte('until', now)]
    if (communityPath) filters.push(where.in('orgId', communityPath))
    if (input.kind) filters.push(where.eq('kind', input.kind))
    const { items } = await ctx.store.collection('searchEntries').find({ where: where.and(...filters), limit: MAX_PAGE })
    const hits: SearchHit[] = items
      .map((e) => ({ kind: e.kind, id: e.refId, title: e.title, summary: e.summary, url: e.url, score: Math.round(scoreEntry(e, concepts) * 100) / 100 }))
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score || SEARCH_KINDS.indexOf(a.kind) - SEARCH_KINDS.indexOf(b.kind) || a.id.localeCompare(b.id))
    const groups: SearchGroup[] = SEARCH_KINDS.map((kind) => ({ kind, label: SEARCH_KIND_LABELS[kind], items: hits.filter((h) => h.kind === kind).slice(0, input.limit), next: null }))
      .filter((g) => g.items.length > 0)
      .sort((a, b) => b.items[0].score - a.items[0].score)
    const onlyGeneric = !terms.length
    return { top: hits.slice(0, 3), groups, hint: hits.length === 0 ? NOTHING_HINT : onlyGeneric ? GENERIC_HINT : null }
  },
})
