import type { PairingView } from '../../_shared/contracts/intent'
import type { LeaderPairing } from '../../_shared/domain/pairing'

/** Why a role may not pair (the `pairing.write` refusal). */
export const PAIRING_REFUSED = '只有街道、县(区)和市级的领导干部可以挂帮创业者'

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
