/**
 * Where the one-time code of a claim (`intent.claimStart`) goes: the resident who asked for it.
 * On CloudBase a subscribe message through the notifier port (template `SUBSCRIBE_TEMPLATE_CLAIM`,
 * the resident accepts it on the claim page with `Taro.requestSubscribeMessage`); in the local
 * runtime a line in the runtime's log, where a demo reads it. Bound in the composition roots
 * (`cloudfunctions/intent/index.ts`, `server/functions.ts`).
 */
import { pagePath } from '../domain/pages'
import type { Notifier, SendOutcome } from './port'

/** One code to send. */
export interface ClaimCodeMessage {
  /** Names the delivery (a repeat overwrites in adapters that store). */
  id: string
  /** The resident's OPENID (or local resident id). */
  toUser: string
  code: string
  phoneMasked: string
  communityName: string
  /** ISO time the code stops working. */
  expiresAt: string
}

export interface ClaimCodeSender {
  /**
   * The subscribe-message template the resident must allow before asking for a code (WeChat sends
   * a one-time subscribe message only after the user accepted it in `requestSubscribeMessage`);
   * null when the channel needs no consent (the local runtime's log) or is not configured.
   */
  readonly templateId: string | null
  send(message: ClaimCodeMessage): Promise<SendOutcome>
}

/** The local runtime's sender: prints the code in the runtime log (never in a reply). */
export function logClaimCodes(log: (line: string) => void = (line) => console.log(line)): ClaimCodeSender {
  return {
    templateId: null,
    async send(m) {
      log(`[认领验证码] ${m.communityName} ${m.phoneMasked}：${m.code}（${m.expiresAt} 前有效）`)
      return { ok: true }
    },
  }
}

/** Template fields of the claim message (WeChat's 验证码 templates: a code, a thing and a time). */
export const CLAIM_TEMPLATE_FIELDS = { code: 'character_string1', what: 'thing2', until: 'time3' } as const

/**
 * CloudBase: the code as a subscribe message to the resident who asked, opening the claim page.
 * Without a template id configured there is no channel, and the claim answers that (the
 * community can still link the case by re-registering it with the resident present).
 */
export function subscribeClaimCodes(notifier: Notifier, templateId: string | null): ClaimCodeSender {
  return {
    templateId,
    async send(m) {
      if (!templateId) return { ok: false, kind: 'rejected', code: 'unconfigured', message: 'SUBSCRIBE_TEMPLATE_CLAIM is not set' }
      return notifier.send({
        id: m.id,
        toUser: m.toUser,
        templateId,
        page: pagePath('intentClaim'),
        data: {
          [CLAIM_TEMPLATE_FIELDS.code]: { value: m.code },
          [CLAIM_TEMPLATE_FIELDS.what]: { value: `认领${m.communityName}代登记`.slice(0, 20) },
          [CLAIM_TEMPLATE_FIELDS.until]: { value: m.expiresAt.slice(0, 16).replace('T', ' ') },
        },
      })
    },
  }
}
