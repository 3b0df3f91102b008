import { pageRoute } from './pages'
import type { Contribution } from './counter'
import { shanghaiDate } from './time'

/** What a resident can share to a chat or Moments (the kinds of content that exist today). */
export const SHARE_KINDS = ['policy', 'event'] as const
export type ShareKind = (typeof SHARE_KINDS)[number]

/** The counter metric: residents who opened an item through someone's share, on the day they arrived. */
export const SHARE_ARRIVALS_METRIC = 'shareArrivals'

/**
 * A resident who opened an item through a share, counted once per (item, resident): the id is
 * a keyed hash of the pair, so a second arrival through any share is a no-op and nothing in the
 * record names the resident.
 */
export interface ShareArrival {
  _id: string
  kind: ShareKind
  itemId: string
  /** The item's owning org, whose counters the arrival moves. */
  orgId: string
  /** The sharer's keyed share id (`ref`), not their identity. */
  ref: string
  /** ISO time of the arrival. */
  at: string
}

/** One arrival adds 1 to `shareArrivals` of the item's org, dated the Shanghai day it happened. */
export function shareArrivalContributions(doc: Pick<ShareArrival, 'at'>): Contribution[] {
  return [{ date: shanghaiDate(new Date(doc.at)), inc: { [SHARE_ARRIVALS_METRIC]: 1 } }]
}

/** The resident page each kind opens (no leading slash, as WeChat's share path wants). */
export const SHARE_PAGES: Record<ShareKind, string> = {
  policy: pageRoute('policyDetail'),
  event: pageRoute('event'),
}

/** The referral parameter's shape: `s` and 16 base64url characters. */
export const SHARE_REF_PATTERN = /^s[A-Za-z0-9_-]{16}$/

/** What a chat card shows when an item is forwarded. */
export interface SharePayload {
  title: string
  /** Page path with query (`/pages/…?id=…&ref=…`), as `onShareAppMessage` returns it. */
  path: string
  /** Query only (`id=…&ref=…`), as `onShareTimeline` wants it. */
  query: string
}

/** Chat titles are cut by WeChat at about two lines; keep the important words first. */
const MAX_TITLE = 28

/**
 * The share card for an item: a title that reads well in a family or village chat, and the
 * page path carrying the item and the sharer's referral id (when known).
 */
export function sharePayload(kind: ShareKind, item: { id: string; title: string }, ref: string | null): SharePayload {
  const lead = kind === 'policy' ? '【创业扶持政策】' : '【社区活动】'
  const full = `${lead}${item.title}`
  const title = full.length > MAX_TITLE ? `${full.slice(0, MAX_TITLE - 1)}…` : full
  const query = `id=${encodeURIComponent(item.id)}${ref ? `&ref=${encodeURIComponent(ref)}` : ''}`
  return { title, path: `/${SHARE_PAGES[kind]}?${query}`, query }
}
