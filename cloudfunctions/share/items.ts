import type { ShareKind } from '../_shared/domain/share'
import type { Ctx } from '../_shared/runtime/action'
import type { Keyring } from '../_shared/runtime/keyring'

/** The parts of a shared item the share function needs, whichever kind it is. */
export interface SharedItem {
  kind: ShareKind
  id: string
  title: string
  orgId: string
  orgPath: readonly string[]
  /** Residents can open it: a published policy; any event (a cancelled one still shows why). */
  open: boolean
}

/** Loads a shared item by kind, or null when it does not exist. */
export async function loadItem(ctx: Ctx, kind: ShareKind, id: string): Promise<SharedItem | null> {
  if (kind === 'policy') {
    const p = await ctx.store.collection('policies').get(id)
    return p ? { kind, id, title: p.title, orgId: p.orgId, orgPath: p.orgPath, open: p.status === 'published' } : null
  }
  const e = await ctx.store.collection('events').get(id)
  return e ? { kind, id, title: e.title, orgId: e.orgId, orgPath: e.orgPath, open: true } : null
}

/** A resident's referral id: keyed, so a link shows no OPENID; the same every time. */
export function shareRefOf(keyring: Keyring, residentId: string): string {
  return `s${keyring.keyedHash('share-ref', residentId).slice(0, 16)}`
}

/** The one arrival record of (item, resident). */
export function arrivalIdOf(keyring: Keyring, kind: ShareKind, itemId: string, residentId: string): string {
  return `sa_${keyring.keyedHash('share-arrival', kind, itemId, residentId).slice(0, 24)}`
}
