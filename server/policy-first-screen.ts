/**
 * A shared policy drawn into the HTML (issue 24: fast where residents are).
 *
 * A resident copies a policy's link to a chat (src/components/share-bar/forward-button.tsx); the
 * link names the policy before the hash too (`/?p=<id>#/pkg-policy/pages/policy-detail/index?id=<id>&ref=…`,
 * `h5Link` in cloudfunctions/_shared/domain/pages.ts), so the runtime answers with the policy's
 * first screen already drawn (what it is, who it is for, what it gives, the conditions) and
 * `policy.get`'s answer for a new anonymous visitor inline for the app to adopt, as the home
 * (server/first-screen.ts) and an event's QR code (server/event-first-screen.ts) do. Only a
 * published policy in force is drawn; anything else (a draft, an archived or expired one, a wrong
 * id) gets the page as built, and the app says what it is.
 */
import type { PolicyView } from '../cloudfunctions/_shared/contracts/policy'
import { POLICY_CATEGORY_LABELS, validityLabel } from '../cloudfunctions/_shared/domain/policy'
import { TARGET_GROUP_LABELS } from '../cloudfunctions/_shared/domain/target-groups'
import { pageHashPattern, pageRoute } from '../cloudfunctions/_shared/domain/pages'
import type { DispatchDeps } from '../cloudfunctions/_shared/runtime/dispatch'
import { BASE_CSS, entryAnswer, escapeHtml, r, type StaticPage } from './first-screen'

/** The policy detail's route, as a pattern of `location.hash`. */
const POLICY_HASH = pageHashPattern(pageRoute('policyDetail'))

/** The policy detail's hero, benefit and sections (src/pkg-policy/pages/policy-detail/index.scss) with the app's theme values. */
const POLICY_CSS = [
  BASE_CSS,
  `.cyp-body{max-width:760px;margin:0 auto;padding:${r(24)} ${r(24)} ${r(64)}}`,
  `.cyp-card{display:flex;flex-direction:column;align-items:flex-start;margin-bottom:${r(24)};padding:${r(32)};border-radius:${r(24)};background:#fff;box-shadow:0 2px 12px rgba(31,35,41,.06)}`,
  `.cyp-chip{display:inline-flex;padding:2px ${r(16)};border-radius:999px;font-size:${r(22)};line-height:1.5;background:#e9f0fd;color:#2861d8}.cyp-chip--n{background:#f4f5f7;color:#555b66}`,
  `.cyp-title{margin-top:${r(16)};font-size:${r(36)};font-weight:700;line-height:1.4}`,
  `.cyp-sum{margin:${r(16)} 0;font-size:${r(28)};color:#555b66;line-height:1.7}`,
  `.cyp-meta{display:flex;margin-top:${r(8)};font-size:${r(24)}}.cyp-meta span{flex-shrink:0;width:${r(130)};color:#646a74}`,
  `.cyp-ben{display:flex;flex-direction:column;margin-bottom:${r(24)};padding:${r(32)};border-radius:${r(24)};background:linear-gradient(135deg,#fff4e5 0%,#fdf3e7 100%);border:2px solid #f6d8b4}`,
  `.cyp-ben span{font-size:${r(24)};color:#8a4a08;font-weight:600}.cyp-ben b{margin-top:${r(8)};font-size:${r(32)};color:#7a3f05;font-weight:600;line-height:1.6}`,
  `.cyp-h{margin-bottom:${r(16)};font-size:${r(32)};font-weight:600}`,
  `.cyp-tags{display:flex;flex-wrap:wrap;gap:${r(8)}}`,
  `.cyp-li{margin-bottom:${r(16)};padding-left:${r(24)};font-size:${r(28)};line-height:1.6;position:relative}.cyp-li::before{content:"";position:absolute;left:0;top:.7em;width:${r(10)};height:${r(10)};border-radius:50%;background:#2861d8}`,
  `.cyp-more{align-self:stretch;padding:${r(24)};border-radius:${r(16)};background:#e9f0fd;color:#2861d8;font-size:${r(26)};text-align:center}`,
  `.cyp-sk{display:none}`,
  `.cy-known .cyp-card,.cy-known .cyp-ben{display:none}`,
  `.cy-known .cyp-sk{display:block;height:${r(360)};background:linear-gradient(#eef0f3,#eef0f3) ${r(32)} ${r(40)}/40% ${r(28)} no-repeat,linear-gradient(#eef0f3,#eef0f3) ${r(32)} ${r(100)}/80% ${r(36)} no-repeat,#fff}`,
].join('')

/** The static policy detail: its hero, what it gives, who it is for, its conditions; the rest follows with the app. */
export function policyMarkup(p: PolicyView): string {
  return (
    `<div id="cy-first" aria-busy="true"><div class="cyf-nav">政策详情</div><div class="cyp-body">` +
    `<div class="cyp-card" data-first-policy><span class="cyp-chip">${escapeHtml(POLICY_CATEGORY_LABELS[p.category])}</span>` +
    `<span class="cyp-title">${escapeHtml(p.title)}</span><span class="cyp-sum">${escapeHtml(p.summary)}</span>` +
    `<span class="cyp-meta"><span>发布单位</span>${escapeHtml(p.orgName)}</span>` +
    `<span class="cyp-meta"><span>有效期</span>${escapeHtml(validityLabel(p))}</span></div>` +
    `<div class="cyp-ben"><span>扶持内容</span><b>${escapeHtml(p.benefit)}</b></div>` +
    `<div class="cyp-card"><span class="cyp-h">适用人群</span><span class="cyp-tags">` +
    p.targetGroups.map((g) => `<span class="cyp-chip cyp-chip--n">${escapeHtml(TARGET_GROUP_LABELS[g])}</span>`).join('') +
    `</span></div>` +
    `<div class="cyp-card"><span class="cyp-h">申请条件</span>${p.eligibility.map((line) => `<span class="cyp-li">${escapeHtml(line)}</span>`).join('')}` +
    `<span class="cyp-more">所需材料和办理方式正在加载…</span></div>` +
    `<div class="cyp-card cyp-sk"></div>` +
    `</div></div>`
  )
}

/**
 * `policy.get` for `id` as a brand-new anonymous resident asks for it, as a static page; null when
 * the policy is not one a resident sees as it is today (not published, not in force, not found).
 */
export async function policyStaticPage(deps: Omit<DispatchDeps, 'identity' | 'fn' | 'limiter'>, id: string): Promise<StaticPage | null> {
  const answer = await entryAnswer<PolicyView>(deps, pageRoute('policyDetail'), 'id', id)
  if (!answer || answer.data.status !== 'published' || !answer.data.inForce) return null
  return {
    route: POLICY_HASH,
    ready: '#app [data-testid="policy-detail"],#app [data-testid="policy-not-found"],#app [data-state="error"]',
    css: POLICY_CSS,
    markup: policyMarkup(answer.data),
    call: answer.call,
  }
}
