import type { Org } from '../domain/org'
import { isServerWritten, type StaffMember } from '../domain/staff'
import { newId } from './ids'
import type { Collections } from '../store/collections'
import { where, type Store } from '../store/port'
import { unauthenticated } from './errors'

/** Who is calling, resolved on the server. Never taken from the request body. */
export type Caller =
  | {
      kind: 'resident'
      id: string
      /**
       * The browser build's signed device id (local runtime only): anonymous tokens are cheap to
       * mint, so once-per-person limits also key on the device. Absent on WeChat, where the OPENID
       * is stable.
       */
      deviceId?: string
    }
  | { kind: 'staff'; id: string; staff: StaffMember; org: Org }

/**
 * What the transport vouches for: a WeChat OPENID (CloudBase) or a signed local-runtime token.
 * A staff token carries the account's `tokenVersion` at issue; a password change, role change or
 * revocation bumps it, so older tokens stop working.
 */
export type Identity =
  | { openid: string }
  | { residentId: string; deviceId?: string }
  | { staffId: string; tokenVersion?: number }

/**
 * Turns a trusted identity into a caller, looking up the staff role and org on every call so a
 * revoked or moved staff member loses access at once.
 */
export async function resolveCaller(store: Store<Collections>, identity: Identity | null): Promise<Caller> {
  if (!identity) throw unauthenticated()
  if ('residentId' in identity) {
    return identity.deviceId
      ? { kind: 'resident', id: identity.residentId, deviceId: identity.deviceId }
      : { kind: 'resident', id: identity.residentId }
  }
  let staff: StaffMember | null
  if ('staffId' in identity) {
    staff = await store.collection('staff').get(identity.staffId)
    if (!staff || !staff.active) throw unauthenticated('登录已失效，请重新登录')
    // A password change, role change or revocation bumps the version: older tokens end there.
    if ((identity.tokenVersion ?? 0) !== (staff.tokenVersion ?? 0)) throw unauthenticated('登录已失效，请重新登录')
  } else {
    const found = await store
      .collection('staff')
      .find({ where: where.and<StaffMember>(where.eq('openid', identity.openid), where.eq('active', true)), limit: 10 })
    // A staff document grants a role only if a function wrote it. One the client SDK could have
    // written (a security rule missed or mistyped in the console) is ignored, and the attempt
    // recorded: the caller stays a resident.
    const forged = found.items.filter((s) => !isServerWritten(s))
    for (const doc of forged) await auditForgedStaff(store, identity.openid, doc._id)
    staff = found.items.find((s) => isServerWritten(s)) ?? null
    if (!staff) return { kind: 'resident', id: identity.openid }
  }
  const org = await store.collection('orgs').get(staff.orgId)
  if (!org) throw unauthenticated('账号所属单位不存在，请联系管理员')
  return { kind: 'staff', id: staff._id, staff, org }
}

/** Records that a staff document not written by a function was presented as the caller's role. */
async function auditForgedStaff(store: Store<Collections>, openid: string, docId: string): Promise<void> {
  await store.collection('audit').insert({
    _id: newId('aud'),
    at: new Date().toISOString(),
    kind: 'access',
    action: 'caller.resolve',
    actorId: openid,
    actorName: '居民',
    actorRole: 'resident',
    orgId: '',
    orgPath: [],
    target: docId,
    result: 'denied',
    code: 'FORGED_STAFF',
  })
}
