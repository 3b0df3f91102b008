/**
 * The event page drawn into the HTML for a QR code scanned at an event (issue 24: fast where
 * residents are).
 *
 * On the local runtime an event's poster and check-in codes open
 * `/?s=<scene>#/pkg-event/pages/event/index?scene=<scene>` (cloudfunctions/_shared/codes/local.ts):
 * the scene also before the hash, where the runtime sees it. The runtime then answers with the
 * event's first screen already in the HTML (title, time, place, organiser, places left, what it is
 * about; the sign-up form follows with the app) and `event.resolve`'s answer for a new anonymous
 * visitor inline, which index.html's early script hands to the app with the new token
 * (config/h5-home-preload.ts), so the app does not ask again. On DevTools' slow 3G the event shows
 * in about 2 s instead of after the app's JS (8–9 s).
 *
 * A shared event link (the share bar's, `/?e=<id>#/pkg-event/pages/event/index?id=<id>&ref=…`) is
 * drawn the same way from `event.get`, with the sign-up permit the app's page works out from the
 * event's phase (src/utils/event-permit.ts).
 *
 * As with the home (server/first-screen.ts): a returning visitor (a token kept) sees a placeholder
 * instead of the anonymous answer (theirs may say they already signed up); a hash that opens another
 * page hides it at once; it goes when the app has drawn the event page (or its not-found / error
 * state). `event.resolve` and `event.get` are read-only, so drawing them changes nothing.
 */
import type { EventDetail, ResolveOutput } from '../cloudfunctions/_shared/contracts/event'
import { EVENT_PHASE_LABELS } from '../cloudfunctions/_shared/domain/event-labels'
import { pageHashPattern, pageRoute } from '../cloudfunctions/_shared/domain/pages'
import type { DispatchDeps } from '../cloudfunctions/_shared/runtime/dispatch'
import { eventTimeLabel } from '../src/utils/event-time'
import { permitFromPhase } from '../src/utils/event-permit'
import { BASE_CSS, entryAnswer, escapeHtml, r, type StaticPage } from './first-screen'

/** The event page's route as the hash router writes it, as a pattern of `location.hash`. */
const EVENT_HASH = pageHashPattern(pageRoute('event'))

/** The event page's hero and cards (src/pkg-event/pages/event/index.scss) with the app's theme values. */
const EVENT_CSS = [
  BASE_CSS,
  `.cye-body{max-width:760px;margin:0 auto;padding:${r(24)} ${r(24)} ${r(64)}}`,
  `.cye-card{display:flex;flex-direction:column;margin-bottom:${r(24)};padding:${r(32)} ${r(32)} ${r(24)};border-radius:${r(24)};background:#fff;box-shadow:0 2px 12px rgba(31,35,41,.06)}`,
  `.cye-chips{display:flex;gap:${r(8)}}`,
  `.cye-chip{display:inline-flex;align-items:center;padding:2px ${r(16)};border-radius:999px;font-size:${r(22)};line-height:1.5;background:#f4f5f7;color:#555b66}`,
  // The phase chip's tones (components/chip): primary, success while it runs, danger when cancelled.
  `.cye-chip--primary{background:#e9f0fd;color:#2861d8}.cye-chip--success{background:#e7f6ee;color:#0b6e3a}.cye-chip--danger{background:#fcebee;color:#d03050}`,
  `.cye-title{margin:${r(16)} 0;font-size:${r(36)};font-weight:700;line-height:1.4}`,
  `.cye-fact{margin-top:${r(8)};font-size:${r(24)};color:#555b66;line-height:1.5}`,
  `.cye-bar{height:${r(12)};margin-top:${r(24)};border-radius:999px;background:#e9f0fd;overflow:hidden}.cye-bar i{display:block;height:100%;border-radius:999px;background:#2861d8}`,
  `.cye-seats{margin-top:${r(8)};font-size:${r(22)};color:#555b66}`,
  `.cye-h{font-size:${r(32)};font-weight:700}`,
  `.cye-note{margin:6px 0 ${r(16)};font-size:${r(22)};color:#646a74;line-height:1.5}`,
  `.cye-wait{display:flex;align-items:center;justify-content:center;height:${r(88)};margin-top:${r(16)};border-radius:${r(16)};background:#e9f0fd;color:#2861d8;font-size:${r(28)}}`,
  `.cye-desc{margin-top:${r(16)};font-size:${r(28)};color:#1f2329;line-height:1.7;white-space:pre-wrap}`,
  `.cye-warn{margin-bottom:${r(24)};padding:${r(16)} ${r(24)};border-radius:${r(16)};background:#fdf3e7;color:#8a4a08;font-size:${r(24)};line-height:1.5}`,
  `.cye-sk{display:none}`,
  `.cy-known .cye-card{display:none}`,
  `.cy-known .cye-sk{display:block;height:${r(360)};background:linear-gradient(#eef0f3,#eef0f3) ${r(32)} ${r(40)}/40% ${r(28)} no-repeat,linear-gradient(#eef0f3,#eef0f3) ${r(32)} ${r(100)}/80% ${r(36)} no-repeat,#fff}`,
].join('')

/**
 * What the event page opens with: `event.resolve`'s answer for a scanned code; for a shared link
 * (`?id=`), `event.get`'s event with the permit the page works out from its phase (`scene` null).
 */
export type OpenedEvent = Pick<ResolveOutput, 'event' | 'signup' | 'checkin'> & { scene: ResolveOutput['scene'] | null }

/** The static event page: what the app's event page draws first, the sign-up form as a note that it is coming. */
export function eventMarkup(out: OpenedEvent): string {
  const { event, signup } = out
  const { counts } = event
  const left = Math.max(0, counts.capacity - counts.confirmed)
  const fill = Math.min(100, Math.round((counts.confirmed / Math.max(1, counts.capacity)) * 100))
  const seats = `已报名 ${counts.confirmed}/${counts.capacity}${counts.waitlisted ? ` · 候补 ${counts.waitlisted} 人` : left ? ` · 还剩 ${left} 个名额` : ' · 名额已满'}`
  // As the app's event page picks the phase chip's tone.
  const tone = event.phase === 'cancelled' ? 'danger' : event.phase === 'ongoing' ? 'success' : 'primary'
  return (
    `<div id="cy-first" aria-busy="true"><div class="cyf-nav">活动详情</div><div class="cye-body">` +
    `<div class="cye-card" data-first-event><span class="cye-chips"><span class="cye-chip cye-chip--${tone}">${escapeHtml(EVENT_PHASE_LABELS[event.phase])}</span>` +
    `${event.walkIn ? '<span class="cye-chip">可现场报名</span>' : ''}</span>` +
    `<span class="cye-title">${escapeHtml(event.title)}</span>` +
    `<span class="cye-fact">时间：${escapeHtml(eventTimeLabel(event.startAt, event.endAt))}</span>` +
    `<span class="cye-fact">地点：${escapeHtml(event.place)}</span>` +
    `<span class="cye-fact">${escapeHtml(event.orgName)} 主办</span>` +
    `<span class="cye-bar"><i style="width:${fill}%"></i></span><span class="cye-seats">${escapeHtml(seats)}</span></div>` +
    // A check-in code that cannot check in now says why, as the app's notice does (not for "sign up first").
    (out.checkin && !out.checkin.ok && out.checkin.reason !== 'not_signed_up' && out.checkin.reason !== 'already_checked_in'
      ? `<div class="cye-warn">${escapeHtml(out.checkin.message)}</div>`
      : '') +
    (signup.ok
      ? `<div class="cye-card"><span class="cye-h">${out.scene?.kind === 'checkin' ? '现场报名' : '报名参加'}</span>` +
        `<span class="cye-note">只用于活动联系，工作人员看到的手机号会隐去中间四位</span><span class="cye-wait">报名表正在加载…</span></div>`
      : `<div class="cye-card"><span class="cye-note">${escapeHtml(signup.message)}</span></div>`) +
    `<div class="cye-card"><span class="cye-h">活动介绍</span><span class="cye-desc">${escapeHtml(event.description)}</span></div>` +
    `<div class="cye-card cye-sk"></div>` +
    `</div></div>`
  )
}

/** Shared by both ways in: the hash they open, when the app has taken over, the page's CSS. */
const EVENT_PAGE = {
  route: EVENT_HASH,
  ready: '#app [data-testid="event-page"],#app [data-testid="event-not-found"],#app [data-state="error"]',
  css: EVENT_CSS,
} as const

type Deps = Omit<DispatchDeps, 'identity' | 'fn' | 'limiter'>

/**
 * `event.resolve` for `scene` as a brand-new anonymous resident asks for it, as a static page; null
 * when the code does not resolve (a forged or unknown scene, a deleted event): the app then shows
 * why itself.
 */
export async function eventStaticPage(deps: Deps, scene: string): Promise<StaticPage | null> {
  const answer = await entryAnswer<ResolveOutput>(deps, pageRoute('event'), 'scene', scene)
  return answer && { ...EVENT_PAGE, markup: eventMarkup(answer.data), call: answer.call }
}

/**
 * A shared event link (`?id=`, the share bar's): `event.get` as a brand-new anonymous resident asks
 * for it, drawn with the permit the app's page works out from the event's phase; null for an id that
 * is not an event (the app says so itself).
 */
export async function sharedEventStaticPage(deps: Deps, id: string): Promise<StaticPage | null> {
  const answer = await entryAnswer<EventDetail>(deps, pageRoute('event'), 'id', id)
  if (!answer) return null
  const { prefill: _prefill, ...event } = answer.data
  return { ...EVENT_PAGE, markup: eventMarkup({ event, signup: permitFromPhase(event, deps.now?.() ?? new Date()), checkin: null, scene: null }), call: answer.call }
}
