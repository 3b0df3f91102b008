/**
 * The notifier port: sends one WeChat subscribe message. In production it is wx-server-sdk's
 * `subscribeMessage.send` (see `wechat.ts`); in the local runtime an outbox collection
 * (`outbox.ts`). Bound in the composition roots: `cloudfunctions/notify/index.ts` and
 * `server/functions.ts`.
 */

/** One message, as WeChat takes it. */
export interface SubscribeMessage {
  /** The delivery it carries: adapters that store messages use it as the id, so a repeat overwrites. */
  id: string
  /** The resident's OPENID. */
  toUser: string
  templateId: string
  /** The page the message opens, with its query (`pages/policy-detail/index?id=…`). */
  page: string
  /** Field values, already fitted to WeChat's per-field rules. */
  data: Record<string, { value: string }>
}

/**
 * What became of a send. `transient`: try again later (system busy, rate limited, network);
 * `refused`: the resident has no acceptance for this template (43101); `rejected`: the request
 * itself is wrong (template, page, openid, field values) and a retry cannot help.
 */
export type SendOutcome = { ok: true } | { ok: false; kind: 'transient' | 'refused' | 'rejected'; code: string; message: string }

export interface Notifier {
  send(message: SubscribeMessage): Promise<SendOutcome>
}
