import { checkinRefusal, MAX_SLOT_AGE, type PromotionEvent, type RefusalReason, slotAge } from '../_shared/domain/event'
import type { Keyring } from '../_shared/runtime/keyring'
import { eventIdOf, verifyScene } from '../_shared/codes/scene'

/**
 * Checks a scanned check-in code against `eventId` at `now`: ours and untampered, a check-in
 * code (not the poster's), of this event, and no more than one rotation old.
 */
export function checkinCodeRefusal(keyring: Keyring, raw: string, eventId: string, now: Date): RefusalReason | null {
  const scene = verifyScene(keyring, raw)
  if (!scene || scene.kind !== 'checkin') return 'invalid_code'
  if (eventIdOf(scene.code) !== eventId) return 'other_event'
  const age = slotAge(scene.slot, now)
  // A code from the future was never on a screen.
  if (age < 0) return 'invalid_code'
  if (age > MAX_SLOT_AGE) return 'expired_code'
  return null
}

/** Both the code and the event allow checking in now. */
export function checkinWithCodeRefusal(keyring: Keyring, raw: string, event: PromotionEvent, now: Date): RefusalReason | null {
  return checkinCodeRefusal(keyring, raw, event._id, now) ?? checkinRefusal(event, now)
}
