import { randomUUID } from 'node:crypto'
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../cloudfunctions/_shared/domain/staff'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { Store } from '../cloudfunctions/_shared/store/port'

/** A check that has not finished after this long (the process died) no longer counts. */
const CHECK_TTL_MS = 60_000

export type Reservation = { kind: 'reserved'; id: string } | { kind: 'locked' } | { kind: 'busy' }

/**
 * Reserves one password check for an account, atomically, before the hash runs. Refused when
 * the account is locked, or when its recorded failures plus the checks already in progress
 * reach the lockout threshold: however many guesses arrive at once, at most
 * MAX_FAILED_LOGINS of them are ever checked before the account locks.
 */
export async function reservePasswordCheck(store: Store<Collections>, staffId: string, at: Date): Promise<Reservation> {
  return store.transaction(async (tx) => {
    const staff = await tx.collection('staff').get(staffId)
    if (!staff) return { kind: 'busy' } as const
    const nowIso = at.toISOString()
    if (staff.lockedUntil && staff.lockedUntil > nowIso) return { kind: 'locked' } as const
    const live = (staff.passwordChecks ?? []).filter((c) => c.until > nowIso)
    if ((staff.failedLogins ?? 0) + live.length >= MAX_FAILED_LOGINS) return { kind: 'busy' } as const
    const id = randomUUID()
    await tx.collection('staff').update(staffId, {
      set: { passwordChecks: [...live, { id, until: new Date(at.getTime() + CHECK_TTL_MS).toISOString() }] },
    })
    return { kind: 'reserved', id } as const
  })
}

/**
 * Ends a reserved check. A success clears the failures; a failure counts, and the one that
 * reaches the threshold locks the account for LOCKOUT_MINUTES. Resolves whether it locked.
 */
export async function finishPasswordCheck(store: Store<Collections>, staffId: string, id: string, ok: boolean, at: Date): Promise<boolean> {
  return store.transaction(async (tx) => {
    const staff = await tx.collection('staff').get(staffId)
    if (!staff) return false
    const checks = (staff.passwordChecks ?? []).filter((c) => c.id !== id && c.until > at.toISOString())
    if (ok) {
      await tx.collection('staff').update(staffId, { set: { passwordChecks: checks, failedLogins: 0, lockedUntil: null } })
      return false
    }
    const failures = (staff.failedLogins ?? 0) + 1
    const lock = failures >= MAX_FAILED_LOGINS
    await tx.collection('staff').update(staffId, {
      set: {
        passwordChecks: checks,
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(at.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : (staff.lockedUntil ?? null),
      },
    })
    return lock
  })
}

/**
 * Ends a reserved check whose hash never ran (the hashing queue was full): the reservation goes
 * and nothing else changes. Finishing it as a success instead would clear the failures and the
 * lock, so anyone able to saturate hashing could wipe the count between guesses.
 */
export async function releasePasswordCheck(store: Store<Collections>, staffId: string, id: string, at: Date): Promise<void> {
  await store.transaction(async (tx) => {
    const staff = await tx.collection('staff').get(staffId)
    if (!staff) return
    const checks = (staff.passwordChecks ?? []).filter((c) => c.id !== id && c.until > at.toISOString())
    await tx.collection('staff').update(staffId, { set: { passwordChecks: checks } })
  })
}
