/**
 * 领导干部联系挂帮 (seed 001 §一(二): 实行领导干部联系挂帮制度，对已创业人员进行重点扶持): a leader —
 * a staff member, usually of a street, district or the city — is paired with an entrepreneur's
 * case. Their follow-ups on the case are marked as the leader's; their workbench lists the cases.
 */

/** One pairing; unpairing keeps the record (who, when, why) with `active: false`. */
export interface LeaderPairing {
  /** `<caseId>:<leaderId>`: a leader is paired with a case at most once at a time. */
  _id: string
  caseId: string
  /** The case's community and its path: the scope check and the leader's list. */
  communityId: string
  orgPath: string[]
  leaderId: string
  leaderName: string
  /** The leader's org (its level names the role: 街道 / 县(区) / 市). */
  leaderOrgId: string
  leaderOrgName: string
  active: boolean
  /** Why this entrepreneur gets 重点扶持. */
  reason: string
  /** Shanghai date the pairing starts. */
  pairedOn: string
  pairedBy: string
  unpairedOn: string
  unpairReason: string
  unpairedBy: string
  /** The leader's last follow-up on the case ('' for none). */
  lastFollowUpOn: string
  /** When the leader's next follow-up is due: last follow-up (or pairing) + PAIRING_FOLLOW_UP_DAYS. */
  dueOn: string
  updatedAt: string
}

export function pairingId(caseId: string, leaderId: string): string {
  return `${caseId}:${leaderId}`
}

/** A paired case needs the leader's follow-up when none is recorded in this many days. */
export const PAIRING_FOLLOW_UP_DAYS = 30
