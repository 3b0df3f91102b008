/**
 * What an audited call did: a change, showing a hidden value, taking data out, signing in, or
 * (`access`) any call refused for lack of permission, whatever the action.
 */
export type AuditKind = 'write' | 'reveal' | 'export' | 'login' | 'access'

/** One append-only audit record (DESIGN.md "Data protection"). Never updated or removed. */
export interface AuditEntry {
  _id: string
  /** ISO time. */
  at: string
  kind: AuditKind
  /** `function.action`, e.g. `policy.publish`. */
  action: string
  actorId: string
  actorName: string
  actorRole: string
  /** The actor's org and its path, so the level above can filter by scope. */
  orgId: string
  orgPath: string[]
  /** The record acted on, when the action names one (e.g. the policy id). */
  target: string | null
  result: 'ok' | 'denied' | 'invalid' | 'error'
  /** Error code when not ok. */
  code: string | null
}
