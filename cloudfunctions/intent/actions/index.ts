import type { ActionMap } from '../../_shared/runtime/action'
import type { ClaimCodeSender } from '../../_shared/notifier/claim-code'
import { claimConfirm, makeClaimChannel, makeClaimStart } from './claim'
import { mine } from './mine'
import { submit } from './submit'
import { withdraw } from './withdraw'

/** The `intent` function's registration actions (residents), which need no port. */
export const intentActions = { submit, mine, withdraw } satisfies ActionMap

/**
 * The whole `intent` function: registration, and the claim of a case a worker registered on the
 * resident's behalf, whose code goes out through `claimCodes` (bound per composition root).
 */
export function makeIntentActions(deps: { claimCodes: () => ClaimCodeSender }) {
  return { ...intentActions, claimChannel: makeClaimChannel(deps.claimCodes), claimStart: makeClaimStart(deps.claimCodes), claimConfirm } satisfies ActionMap
}
