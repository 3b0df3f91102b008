/**
 * H5 first screen drawn from the HTML (issue 24 item 3).
 *
 * On a slow 3G (2 s a request, 50 KB/s) any first screen that waits for the app's JS takes 8 s or
 * more, Taro's own hello world included. So the local runtime answers `/` with the home page's
 * first screen already in the HTML: the real first page of `policy.list` for a new anonymous
 * visitor (the call the home page makes first, `HOME_FIRST_CALL`), as static markup styled by a
 * small inline critical CSS, plus that answer inline so the app adopts it instead of asking again
 * (`earlyRequestsScript` in config/h5-home-preload.ts, src/services/core/early-requests.ts).
 *
 * - The server never sees the hash route: a deep link (`/#/pkg-event/...`) gets the same HTML, and
 *   an inline script hides the static home at once (`cy-deep`). An event's QR code also names its
 *   scene before the hash (`/?s=…#/…`): that URL gets the event drawn instead
 *   (server/event-first-screen.ts, through `withStaticPage`). A returning visitor (a token kept
 *   in localStorage) may see a different list (their community's): the static cards are hidden for
 *   them (`cy-known`) and placeholder cards shown, as the app itself shows while it loads.
 * - The static home is an overlay above `#app` until the app has drawn its own list (or an empty /
 *   error state, or left the home page), then removed: no empty screen in between.
 * - The app's stylesheet stops blocking the first paint (`media="print"` switched to `all` on load);
 *   `#app` stays hidden until it has loaded, so the app is never drawn unstyled.
 * - Every text from the store is HTML-escaped; the inline JSON escapes `<`, `>`, `&`, U+2028/9.
 * - The HTML is rendered per request (`no-cache`): a policy change shows on the next load.
 */
import { randomUUID } from 'node:crypto'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { PolicyListItem, PolicyListOutput } from '../cloudfunctions/_shared/contracts/policy'
import { POLICY_CATEGORIES, POLICY_CATEGORY_LABELS, validityLabel } from '../cloudfunctions/_shared/domain/policy'
import { TARGET_GROUP_LABELS } from '../cloudfunctions/_shared/domain/target-groups'
import { H5_FIRST_SCREEN_PARAMS, homeHashPattern, pageUrl } from '../cloudfunctions/_shared/domain/pages'
import { ICON_GRID, ICON_STROKE, RESIDENT_TABS, shapeElement, TAB_COLORS, TAB_ICONS, type TabIcon } from '../src/components/tab-bar/tabs'
import { dispatch, type DispatchDeps } from '../cloudfunctions/_shared/runtime/dispatch'
import { entryCallFor, HOME_FIRST_CALL } from '../config/h5-home-preload'
import { ENTRY_CALLS } from '../src/entry-pages'
import { FUNCTIONS } from './functions'

/** Same test as the build's preload script: no hash, `#/`, or `#/pages/index/index…`. */
const HOME_HASH = homeHashPattern()

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text or attribute value into HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
}

/** JSON that is safe inside `<script>`: no `</script>`, no `<!--`, no line separators JS would reject. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Design px (750 wide) in the rem the H5 build uses (index.html sets 1rem = 40 design px). */
export const r = (px: number) => `${+(px / 40).toFixed(4)}rem`

/** What every static page needs: `#app` hidden until its stylesheet applies, the overlay, the title bar. */
export const BASE_CSS = [
  `.cy-wait #app{visibility:hidden}`,
  `.cy-deep #cy-first{display:none}`,
  `#cy-first{position:fixed;top:0;left:0;right:0;bottom:0;z-index:2000;overflow-y:auto;background:#f4f5f7;color:#1f2329;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Helvetica Neue","Microsoft YaHei",sans-serif;-webkit-text-size-adjust:100%}`,
  `#cy-first *{box-sizing:border-box}`,
  `.cyf-nav{display:flex;align-items:center;justify-content:center;height:44px;background:#fff;border-bottom:1px solid #e5e6eb;font-size:17px;font-weight:600}`,
].join('')

/**
 * Critical CSS: the header, search box, category chips, list head and policy cards, with the app's
 * theme values (src/styles/_theme.scss, pages/index/index.scss, components/policy-card). Kept small:
 * it ships in every HTML.
 */
export const CRITICAL_CSS = [
  BASE_CSS,
  // The app's tab bar (components/tab-bar/index.h5.scss), drawn the same.
  `.cyf-tab{position:fixed;left:0;right:0;bottom:0;display:flex;min-height:50px;padding-bottom:env(safe-area-inset-bottom);background:${TAB_COLORS.background};box-shadow:0 -1px 0 #e5e6eb;font-size:11px;line-height:1.3;color:${TAB_COLORS.text}}`,
  `.cyf-tab span{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:2px;padding:5px 0}.cyf-tab .cyf-on{color:${TAB_COLORS.selected}}`,
  `.cyf-tab svg{width:24px;height:24px;fill:none;stroke:currentColor;stroke-linecap:round;stroke-linejoin:round;color:${TAB_COLORS.icon}}.cyf-tab .cyf-on svg{color:inherit}`,
  `.cyf-sr{display:flex;align-items:center;margin-top:${r(24)}}.cyf-sb{margin-left:${r(16)};padding:0 ${r(8)};font-size:${r(28)};color:#2861d8;font-weight:500}`,
  `.cyf-bn{display:flex;align-items:center;justify-content:space-between;margin-bottom:${r(24)};padding:${r(16)} ${r(24)};border-radius:${r(16)};background:#e9f0fd;color:#1d4bb0;font-size:${r(24)};line-height:1.5}.cyf-bn b{margin-left:${r(16)};font-weight:600}`,
  `.cyf-sv{display:flex;justify-content:space-around;margin-bottom:${r(24)};padding:${r(24)} ${r(8)};border-radius:${r(24)};background:#fff;box-shadow:0 2px 12px rgba(31,35,41,.06)}`,
  `.cyf-se{display:flex;flex-direction:column;align-items:center;gap:${r(8)};font-size:${r(24)}}.cyf-se i{width:${r(80)};height:${r(80)};border-radius:${r(16)};background:#e9f0fd}`,
  `.cyf-fm{display:inline-flex;align-items:center;min-height:${r(56)};padding:0 ${r(16)} 0 ${r(8)};border-radius:999px;border:2px solid #e5e6eb;background:#fff;font-size:${r(24)};font-weight:400;color:#555b66}.cyf-fm i{width:${r(36)};height:${r(36)};margin-right:${r(8)};border-radius:50%;background:#e5e6eb}`,
  `.cyf-head{display:flex;flex-direction:column;padding:${r(32)} ${r(32)} ${r(24)};background:linear-gradient(180deg,#e9f0fd 0%,#fff 100%)}`,
  `.cyf-title{font-size:${r(44)};font-weight:700;line-height:1.4}`,
  `.cyf-sub{margin-top:4px;font-size:${r(24)};color:#555b66;line-height:1.4}`,
  `.cyf-search{flex:1;display:flex;align-items:center;height:${r(72)};padding:0 ${r(24)};border-radius:999px;background:#fff;box-shadow:0 0 0 2px #e5e6eb inset;font-size:${r(28)};color:#646a74}`,
  `.cyf-chips{display:flex;gap:${r(16)};padding:0 ${r(32)} ${r(16)};background:#fff;border-bottom:1px solid #e5e6eb;overflow:hidden;white-space:nowrap}`,
  `.cyf-chip{display:inline-flex;align-items:center;flex-shrink:0;height:${r(60)};padding:0 ${r(24)};border-radius:999px;border:2px solid #e5e6eb;background:#fff;color:#555b66;font-size:${r(24)}}`,
  `.cyf-chip--on{background:#e9f0fd;border-color:#2861d8;color:#2861d8;font-weight:500}`,
  `.cyf-chip--s{height:auto;padding:2px ${r(16)};border:0;font-size:${r(22)};line-height:1.5}`,
  `.cyf-chip--n{background:#f4f5f7}`,
  `.cyf-body{max-width:760px;margin:0 auto;padding:${r(24)} ${r(24)} calc(${r(48)} + 50px)}`,
  `.cyf-lh{display:flex;align-items:center;justify-content:space-between;margin-bottom:${r(16)};padding:0 ${r(8)};font-size:${r(32)};font-weight:600}`,
  `.cyf-card{display:flex;flex-direction:column;padding:${r(32)};margin-bottom:${r(24)};border-radius:${r(24)};background:#fff;box-shadow:0 2px 12px rgba(31,35,41,.06);color:inherit;text-decoration:none}`,
  `.cyf-t{margin-top:${r(16)};font-size:${r(32)};font-weight:600;line-height:1.4}`,
  `.cyf-s{margin-top:${r(8)};font-size:${r(24)};color:#555b66;line-height:1.6}`,
  `.cyf-t,.cyf-s,.cyf-bt{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden}`,
  `.cyf-b{display:flex;align-items:flex-start;margin-top:${r(16)};padding:${r(16)};border-radius:${r(16)};background:#fdf3e7}`,
  `.cyf-bl{flex-shrink:0;margin-right:${r(16)};padding:2px 10px;border-radius:${r(8)};background:#9a4d00;color:#fff;font-size:${r(22)};line-height:1.5}`,
  `.cyf-bt{flex:1;font-size:${r(24)};color:#8a4a08;font-weight:500;line-height:1.6}`,
  `.cyf-g{display:flex;flex-wrap:wrap;align-items:center;gap:${r(8)};margin-top:${r(16)};font-size:${r(22)};color:#646a74}`,
  `.cyf-f{display:flex;align-items:center;justify-content:space-between;margin-top:${r(24)};padding-top:${r(16)};border-top:1px solid #e5e6eb;font-size:${r(22)};color:#646a74}`,
  `.cyf-o{flex:1;margin-right:${r(16)};overflow:hidden;white-space:nowrap;text-overflow:ellipsis}`,
  `.cyf-sk{display:none;height:${r(300)}}`,
  `.cy-known .cyf-card{display:none}`,
  `.cy-known .cyf-sk{display:block;background:linear-gradient(#eef0f3,#eef0f3) ${r(32)} ${r(40)}/40% ${r(28)} no-repeat,linear-gradient(#eef0f3,#eef0f3) ${r(32)} ${r(100)}/80% ${r(24)} no-repeat,#fff}`,
  `@media (min-width:800px){.cyf-head,.cyf-chips{padding-left:calc(50% - 380px);padding-right:calc(50% - 380px)}}`,
].join('')

function cardHtml(p: PolicyListItem, maxGroups = 3): string {
  const groups = p.targetGroups.slice(0, maxGroups)
  const more = p.targetGroups.length - groups.length
  // A real link: tapping a card before the app has loaded still opens the policy once it has.
  const href = `#${pageUrl('policyDetail', { id: p._id })}`
  return (
    `<a class="cyf-card" data-first-card href="${escapeHtml(href)}">` +
    `<span><span class="cyf-chip cyf-chip--s cyf-chip--on">${escapeHtml(POLICY_CATEGORY_LABELS[p.category])}</span></span>` +
    `<span class="cyf-t">${escapeHtml(p.title)}</span>` +
    `<span class="cyf-s">${escapeHtml(p.summary)}</span>` +
    `<span class="cyf-b"><span class="cyf-bl">扶持</span><span class="cyf-bt">${escapeHtml(p.benefit)}</span></span>` +
    (groups.length
      ? `<span class="cyf-g">适合${groups.map((g) => `<span class="cyf-chip cyf-chip--s cyf-chip--n">${escapeHtml(TARGET_GROUP_LABELS[g])}</span>`).join('')}` +
        `${more > 0 ? `<span>等 ${p.targetGroups.length} 类人群</span>` : ''}</span>`
      : '') +
    `<span class="cyf-f"><span class="cyf-o">${escapeHtml(p.orgName)}</span><span>${escapeHtml(validityLabel(p))}</span></span>` +
    `</a>`
  )
}

/** A tab's icon as the app's bar draws it (components/tab-bar/tabs.ts). */
function tabIconSvg(icon: TabIcon): string {
  const shapes = TAB_ICONS[icon].map((shape) => {
    const [tag, attrs] = shapeElement(shape)
    return `<${tag}${Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join('')}/>`
  })
  return `<svg viewBox="0 0 ${ICON_GRID} ${ICON_GRID}" stroke-width="${ICON_STROKE}" aria-hidden="true">${shapes.join('')}</svg>`
}

/** The static home: header, search box, category chips, list head and the first page's cards. */
export function firstScreenMarkup(items: readonly PolicyListItem[]): string {
  const chips = ['全部', ...POLICY_CATEGORIES.map((c) => POLICY_CATEGORY_LABELS[c])]
  return (
    `<div id="cy-first" aria-busy="true"><div class="cyf-nav">创业社区</div>` +
    `<div class="cyf-head"><span class="cyf-title">创业扶持政策</span><span class="cyf-sub">找到适合你的补贴、贷款和场地支持</span>` +
    `<span class="cyf-sr"><span class="cyf-search">搜索政策，如 担保贷款、场租</span><span class="cyf-sb">搜索</span></span></div>` +
    `<div class="cyf-chips">${chips.map((c, i) => `<span class="cyf-chip${i === 0 ? ' cyf-chip--on' : ''}">${escapeHtml(c)}</span>`).join('')}</div>` +
    `<div class="cyf-body">` +
    // What the home page draws above the list for a new visitor (pages/index: 登记 banner, service corner).
    `<div class="cyf-bn">想创业？登记一下，社区创业指导员一对一帮你<b>去登记 ›</b></div>` +
    `<div class="cyf-sv">${['创业培训', '创业场地', '办事指南', '搜一搜'].map((l) => `<span class="cyf-se"><i></i>${l}</span>`).join('')}</div>` +
    `<div class="cyf-lh">全部政策<span class="cyf-fm"><i></i>适合我</span></div>` +
    items.map((p) => cardHtml(p)).join('') +
    `<div class="cyf-card cyf-sk"></div><div class="cyf-card cyf-sk"></div><div class="cyf-card cyf-sk"></div>` +
    `</div><div class="cyf-tab">${RESIDENT_TABS.map((tab, i) => `<span${i === 0 ? ' class="cyf-on"' : ''}>${tabIconSvg(tab.icon)}${escapeHtml(tab.text)}</span>`).join('')}</div></div>`
  )
}

/**
 * Runs in the head before anything is drawn: `cy-wait` until the app's stylesheet has loaded,
 * `cy-deep` when the hash opens another page than the one drawn (`route`: a pattern of
 * `location.hash`), `cy-known` when this browser kept a token (its answer may differ from an
 * anonymous visitor's, so the static content is not shown).
 */
export function headScript(route: string): string {
  return (
    `!function(w,d){var c=d.documentElement.classList;c.add("cy-wait");` +
    `if(!new RegExp(${JSON.stringify(route)}).test(w.location.hash))c.add("cy-deep");` +
    `try{var s=w.localStorage;if(s.getItem("cy.token")||s.getItem("cy.token.resident"))c.add("cy-known")}catch(e){}` +
    `w.__cyCssDone=function(){c.remove("cy-wait")}}(window,document)`
  )
}

/**
 * Right after the static page: removes it once the app has drawn its own (`ready`: a selector of
 * what the app draws when it has its answer, or its empty / error state) with its stylesheet
 * applied, or has left that page; and takes the names the runtime drew it from (`?s=`, `?e=`, `?p=`)
 * out of the address.
 */
export function swapScript(route: string, ready: string): string {
  return (
    `!function(w,d){var f=d.getElementById("cy-first"),c=d.documentElement.classList,re=new RegExp(${JSON.stringify(route)}),o;` +
    `function done(){if(o)o.disconnect();if(f&&f.parentNode)f.parentNode.removeChild(f);f=null;bare()}` +
    // The names before the hash were for this load only: without them, Taro's router stops adding
    // them to every page the resident opens next, and a reload elsewhere draws nothing it hides.
    `function bare(){try{var u=new URL(w.location.href),x=0;${JSON.stringify(Object.values(H5_FIRST_SCREEN_PARAMS))}.forEach(function(n){if(u.searchParams.has(n)){u.searchParams.delete(n);x=1}});` +
    `if(x)w.history.replaceState(w.history.state,"",u.pathname+u.search+u.hash)}catch(e){}}` +
    `function check(){if(!f)return;if(!re.test(w.location.hash)){done();return}` +
    `if(!c.contains("cy-wait")&&d.querySelector(${JSON.stringify(ready)}))done()}` +
    `if(!f)return;if(!re.test(w.location.hash)){done();return}` +
    `o=new MutationObserver(check);o.observe(d.body,{childList:true,subtree:true,attributes:true,attributeFilter:["class"]});` +
    `o.observe(d.documentElement,{attributes:true,attributeFilter:["class"]});w.addEventListener("hashchange",check)}(window,document)`
  )
}

/** A page drawn into the HTML: its markup (`<div id="cy-first">…`), styles, and the call it answers. */
export interface StaticPage {
  /** A pattern of `location.hash` for the page it stands for. */
  route: string
  /** What the app draws once it has the answer (or its empty / error state): the static page then goes. */
  ready: string
  css: string
  markup: string
  /** The call the page makes first, answered inline so the app adopts it (config/h5-home-preload.ts). */
  call: { path: string; body: string; status: number; reply: unknown }
}

/** index.html with a static page in it; the app's stylesheet no longer blocks the first paint. */
export function withStaticPage(html: string, page: StaticPage): string {
  const cssLink = /<link href="([^"]+\.css)" rel="stylesheet">/
  const data = `<script>window.__cyFirst=${inlineJson(page.call)}</script>`
  const head = `<style>${page.css}</style><script>${headScript(page.route)}</script>${data}`
  let out = html.replace(/<script>/, `${head}<script>`)
  // `cy-wait` keeps #app hidden until the stylesheet applies.
  out = out.replace(cssLink, (_m, href: string) => `<link href="${href}" rel="stylesheet" media="print" onload="this.media='all';__cyCssDone()" onerror="__cyCssDone()">`)
  return out.replace('<div id="app">', `${page.markup}<script>${swapScript(page.route, page.ready)}</script><div id="app">`)
}

/**
 * index.html with the home's first screen in it. `reply` is `policy.list`'s envelope as the runtime sends
 * it; null (the list failed) leaves the page as built.
 */
export function withFirstScreen(html: string, reply: { status: number; body: { ok: true; data: PolicyListOutput } } | null): string {
  if (!reply) return html
  return withStaticPage(html, {
    route: HOME_HASH,
    ready: '#app [data-testid="policy-list"],#app [data-testid="list-empty"],#app [data-testid="list-error"]',
    css: CRITICAL_CSS,
    markup: firstScreenMarkup(reply.body.data.items),
    call: { path: `/api/fn/${HOME_FIRST_CALL.fn}`, body: JSON.stringify(HOME_FIRST_CALL.body), status: reply.status, reply: reply.body },
  })
}

/**
 * A call as a brand-new anonymous resident makes it (a fresh id: no profile, no community, nothing
 * of theirs): its envelope when it answers 200, else null. Only read-only actions are drawn this way.
 */
export async function asNewVisitor<T>(deps: Omit<DispatchDeps, 'identity' | 'fn' | 'limiter'>, fn: string, body: unknown): Promise<{ status: number; body: { ok: true; data: T } } | null> {
  const { status, body: reply } = await dispatch(FUNCTIONS[fn], body, { ...deps, fn, identity: { residentId: `h5_first_${randomUUID()}` } })
  if (status !== 200 || !reply.ok) return null
  return { status, body: reply as { ok: true; data: T } }
}

/**
 * An entry page's first call (`ENTRY_CALLS`, as index.html's early script makes it from the page's
 * query `param`) answered for a brand-new anonymous resident: the answer's data to draw, and the
 * call as the static page carries it inline for the app to adopt. Null when no call is defined or
 * it does not succeed.
 */
export async function entryAnswer<T>(deps: Omit<DispatchDeps, 'identity' | 'fn' | 'limiter'>, route: string, param: string, value: string): Promise<{ data: T; call: StaticPage['call'] } | null> {
  const call = entryCallFor(ENTRY_CALLS, route, param, value)
  const answer = call && (await asNewVisitor<T>(deps, call.fn, call.body))
  if (!call || !answer) return null
  return { data: answer.body.data, call: { path: `/api/fn/${call.fn}`, body: JSON.stringify(call.body), status: answer.status, reply: answer.body } }
}

/** `policy.list` as a brand-new anonymous resident asks for it on the home page. */
export function homeFirstPage(deps: Omit<DispatchDeps, 'identity' | 'fn' | 'limiter'>): Promise<{ status: number; body: { ok: true; data: PolicyListOutput } } | null> {
  return asNewVisitor<PolicyListOutput>(deps, HOME_FIRST_CALL.fn, HOME_FIRST_CALL.body)
}

/** The body as the browser accepts it: brotli (fast setting: rendered per request), else gzip, else plain. */
export function encodeFor(acceptEncoding: string | undefined, html: string): { body: Buffer; encoding: 'br' | 'gzip' | null } {
  const raw = Buffer.from(html, 'utf8')
  // `br;q=0` refuses brotli; any other q (or none) accepts it.
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(/\s*;\s*/))
      .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q))
      .map(([name]) => name),
  )
  const accepts = (name: string) => accepted.has(name)
  if (accepts('br')) return { body: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }), encoding: 'br' }
  if (accepts('gzip')) return { body: gzipSync(raw, { level: 6 }), encoding: 'gzip' }
  return { body: raw, encoding: null }
}
