import { isSet } from '../_shared/deploy/desired-state'
import { DEFAULT_LAYOUT_SPEC, parseLayout, type TemplateLayout } from '../_shared/domain/notify'
import type { Notifier } from '../_shared/notifier/port'
import type { Collections } from '../_shared/store/collections'
import type { Store } from '../_shared/store/port'

/** The configured policy-reminder template: its id in the WeChat console and which value goes in which field. */
export interface PolicyTemplate {
  templateId: string
  layout: TemplateLayout
}

/** The sender's clock: real time in production, a fake one (whose sleep just moves it on) in tests. */
export interface Timer {
  now(): number
  sleep(ms: number): Promise<void>
}

/** What the `notify` function needs from its composition root. */
export interface NotifyDeps {
  /** The notifier over this call's store: WeChat's subscribe messages in production, the outbox locally. */
  notifier: (store: Store<Collections>) => Notifier
  /** Null when no template is configured: pushes then reach the in-app inbox only. */
  template: PolicyTemplate | null
  /** The progress-notice template (受理、指导、导师、场地、反馈、报名); null: notices reach the inbox only. */
  noticeTemplate: PolicyTemplate | null
  /**
   * Sending pace: at most `perSecond` messages a second from one sender (WeChat limits
   * subscribeMessage.send per minute; 45011 answers are retried with backoff anyway), and a
   * `budgetMs` per call after which `push` returns and the client calls again to go on.
   */
  pace: { perSecond: number; budgetMs: number }
  timer: Timer
}

export const realTimer: Timer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

/**
 * The policy template from configuration: `SUBSCRIBE_TEMPLATE_POLICY` (the template id) and
 * `SUBSCRIBE_TEMPLATE_POLICY_FIELDS` (its layout, default `thing1:title,thing2:org,time3:time,thing4:note`).
 * A bad layout throws at start-up rather than failing every send with 47003. A value the
 * CloudBase CLI left unresolved (`{{env.SUBSCRIBE_TEMPLATE_POLICY}}`, when the deployer's `.env`
 * lacks it) or an empty one means "not configured": the function still loads and pushes reach
 * the in-app inbox only.
 */
export function policyTemplateFromEnv(env: NodeJS.ProcessEnv, fallbackId: string | null = null): PolicyTemplate | null {
  const configured = env.SUBSCRIBE_TEMPLATE_POLICY
  const templateId = isSet(configured) ? configured.trim() : fallbackId
  if (!templateId) return null
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(templateId)) throw new Error('SUBSCRIBE_TEMPLATE_POLICY must be a template id from the WeChat console')
  const fields = env.SUBSCRIBE_TEMPLATE_POLICY_FIELDS
  return { templateId, layout: parseLayout(isSet(fields) ? fields.trim() : DEFAULT_LAYOUT_SPEC) }
}

/**
 * The progress-notice template: `SUBSCRIBE_TEMPLATE_NOTICE` and `SUBSCRIBE_TEMPLATE_NOTICE_FIELDS`
 * (same layout language and default as the policy template), read like `policyTemplateFromEnv`.
 */
export function noticeTemplateFromEnv(env: NodeJS.ProcessEnv, fallbackId: string | null = null): PolicyTemplate | null {
  return policyTemplateFromEnv({ SUBSCRIBE_TEMPLATE_POLICY: env.SUBSCRIBE_TEMPLATE_NOTICE, SUBSCRIBE_TEMPLATE_POLICY_FIELDS: env.SUBSCRIBE_TEMPLATE_NOTICE_FIELDS }, fallbackId)
}
