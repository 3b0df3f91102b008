import type { PromotionEvent } from '../domain/event'
import { INDUSTRY_LABELS } from '../domain/case'
import { pageUrl } from '../domain/pages'
import { type Policy, POLICY_CATEGORY_LABELS } from '../domain/policy'
import { indexTerms, OPEN_END, type SearchEntry, searchEntryId, type SearchKind } from '../domain/search'
import { GUIDE_TOPIC_LABELS, type Guide, SITE_KIND_LABELS, type Site, type Story } from '../domain/service'
import { TARGET_GROUP_LABELS } from '../domain/target-groups'
import { COURSE_KIND_LABELS, type Course } from '../domain/training'
import type { Collections } from '../store/collections'
import type { Store, TxStore } from '../store/port'

/**
 * Keeps the search index (`searchEntries`) current: every action that saves, publishes,
 * archives or cancels a searchable item calls `syncSearchEntry` with the item as it now is.
 *
 * Why a stored index and not a scan per query: a query then reads only the entries that share
 * a term with it (one `hasAny` read of at most 100 documents, by an index on `terms`), so its
 * cost does not grow with the number of policies, courses and events on file, and the
 * segmentation of every item is paid once, on save, not on every keystroke.
 */

/** Start / end of a Shanghai calendar day as ISO instants. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString()
const dayEnd = (d: string) => new Date(`${d}T23:59:59.999+08:00`).toISOString()

const shortTime = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}

/** Items search can find, by kind, as they are stored. */
export interface SearchableDocs {
  policy: Policy
  guide: Guide
  event: PromotionEvent
  course: Course
  site: Site
  story: Story
}

type Draft = Omit<SearchEntry, '_id' | 'kind' | 'refId' | 'orgId' | 'titleTerms' | 'terms' | 'updatedAt'> & { text: string[] }

/** The entry an item should have, or null when a resident cannot use it (draft, archived, cancelled, inactive). */
function draftOf<K extends SearchKind>(kind: K, doc: SearchableDocs[K]): Draft | null {
  switch (kind) {
    case 'policy': {
      const p = doc as Policy
      if (p.status !== 'published') return null
      return {
        title: p.title,
        summary: p.summary,
        url: pageUrl('policyDetail', { id: p._id }),
        from: dayStart(p.validFrom),
        until: p.validTo ? dayEnd(p.validTo) : OPEN_END,
        text: [POLICY_CATEGORY_LABELS[p.category], p.summary, p.benefit, ...p.targetGroups.map((g) => TARGET_GROUP_LABELS[g]), ...p.eligibility, ...p.materials, ...p.process, p.orgName],
      }
    }
    case 'guide': {
      const g = doc as Guide
      if (!g.published) return null
      return {
        title: g.title,
        summary: g.summary,
        url: pageUrl('guide', { id: g._id }),
        from: '',
        until: OPEN_END,
        text: [GUIDE_TOPIC_LABELS[g.topic], '办事指南', g.summary, ...g.steps.flatMap((s) => [s.title, s.detail]), ...g.materials, g.where, g.duration],
      }
    }
    case 'event': {
      const e = doc as PromotionEvent
      if (e.status === 'cancelled') return null
      // Open for sign-up until the window closes; an event taking walk-ins stays findable until it ends.
      const until = e.walkIn && e.endAt > e.signupUntil ? e.endAt : e.signupUntil
      return {
        title: e.title,
        summary: `${shortTime(e.startAt)} · ${e.place}`,
        url: pageUrl('event', { id: e._id }),
        from: e.signupFrom,
        until,
        text: ['活动', '报名', e.description, e.place, e.orgName],
      }
    }
    case 'course': {
      const c = doc as Course
      if (c.status !== 'published') return null
      return {
        title: c.title,
        summary: `${COURSE_KIND_LABELS[c.kind]} · ${c.provider}`,
        url: pageUrl('course', { id: c._id }),
        from: '',
        until: c.enrolUntil,
        text: [COURSE_KIND_LABELS[c.kind], '培训', '课程', c.description, c.provider, c.place, ...c.sessions.map((s) => s.title), c.subsidyAmount > 0 ? '培训补贴' : ''],
      }
    }
    case 'site': {
      const s = doc as Site
      if (!s.active) return null
      return {
        title: s.name,
        summary: `${SITE_KIND_LABELS[s.kind]} · ${s.address}`,
        url: pageUrl('sites'),
        from: '',
        until: OPEN_END,
        text: [SITE_KIND_LABELS[s.kind], '场地', s.address, s.conditions, ...s.industries.map((i) => INDUSTRY_LABELS[i])],
      }
    }
    default: {
      const s = doc as Story
      return {
        title: s.title,
        summary: s.summary,
        url: pageUrl('story', { id: s._id }),
        from: '',
        until: OPEN_END,
        text: ['创业故事', s.business, s.summary, s.body, ...s.helpUsed],
      }
    }
  }
}

/** The entry for an item as it now is (null: it should not be findable). */
export function searchEntryOf<K extends SearchKind>(kind: K, doc: SearchableDocs[K], at: string): SearchEntry | null {
  const d = draftOf(kind, doc)
  if (!d) return null
  const { text, ...rest } = d
  return {
    _id: searchEntryId(kind, doc._id),
    kind,
    refId: doc._id,
    orgId: doc.orgId,
    ...rest,
    titleTerms: indexTerms(d.title),
    terms: indexTerms([d.title, ...text].join('\n')),
    updatedAt: at,
  }
}

/** Writes (or removes) the index entry of an item after it was saved; inside or outside a transaction. */
export async function syncSearchEntry<K extends SearchKind>(
  store: Store<Collections> | TxStore<Collections>,
  kind: K,
  doc: SearchableDocs[K],
  at: string,
): Promise<void> {
  const entry = searchEntryOf(kind, doc, at)
  const col = store.collection('searchEntries')
  if (entry) await col.put(entry)
  else await col.remove(searchEntryId(kind, doc._id))
}

/**
 * Writes the entry of every stored item (the migration that created the index, the demo seed,
 * and a repair after a failed write): reads each collection once in batches.
 */
export async function rebuildSearchIndex(store: Store<Collections>, at: string): Promise<number> {
  let written = 0
  const each = async <K extends SearchKind>(kind: K, name: 'policies' | 'guides' | 'events' | 'courses' | 'sites' | 'stories') => {
    for await (const batch of store.collection(name).scan(undefined, 200)) {
      for (const doc of batch) {
        await syncSearchEntry(store, kind, doc as unknown as SearchableDocs[K], at)
        written++
      }
    }
  }
  await each('policy', 'policies')
  await each('guide', 'guides')
  await each('event', 'events')
  await each('course', 'courses')
  await each('site', 'sites')
  await each('story', 'stories')
  return written
}
