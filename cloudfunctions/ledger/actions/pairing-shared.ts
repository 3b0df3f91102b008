import type { PairingView } from '../../_shared/contracts/intent'
import type { LeaderPairing } from '../../_shared/domain/pairing'
import { staffWrite } from '../../_shared/runtime/action'

/** Why a role may not pair (the `pairing.write` refusal). */
export const PAIRING_REFUSED = '只有街道、县(区)和市级的领导干部可以挂帮创业者'

/** A leader's write on a pairing (挂帮, 结束, 跟进): `pairing.write`, audited on the case. */
export const PAIRING_WRITE = { ...staffWrite('pairing.write', PAIRING_REFUSED), target: (input: { caseId: string }) => input.caseId }

export function pairingView(p: LeaderPairing, callerId: string): PairingView {
  return {
    leaderId: p.leaderId,
    mine: p.leaderId === callerId,
    leaderName: p.leaderName,
    leaderOrgName: p.leaderOrgName,
    active: p.active,
    reason: p.reason,
    pairedOn: p.pairedOn,
    unpairedOn: p.unpairedOn,
    unpairReason: p.unpairReason,
    lastFollowUpOn: p.lastFollowUpOn,
  }
}
