import type { GapKind, IntentSubmitInput, LedgerBenefitInput, LedgerLoanStepInput, LedgerExportInput, LedgerFollowUpInput, LedgerListInput, LedgerRegisterInput, LedgerVentureInput } from '@shared/contracts/intent'
import type { ProjectListInput, ProjectSaveInput } from '@shared/contracts/project'
import type { FollowUpKind, CaseStage } from '@shared/domain/case'
import { call } from '../core/cloud'
import { forgetMe } from '../profile/profile'


// ——— residents ———

export async function submitIntent(input: IntentSubmitInput) {
  const out = await call('intent', 'submit', input)
  // The home banner reads `hasIntent` from the cached profile: read it again next time.
  forgetMe()
  return out
}

/** The subscribe-message template to allow before asking for a claim code (WeChat), or null. */
export function claimChannel() {
  return call('intent', 'claimChannel', {})
}

/** Asks for the one-time code that claims a case a community worker registered for the resident. */
export function startClaim(communityId: string, phone: string) {
  return call('intent', 'claimStart', { communityId, phone })
}

/** Links that case to the resident with the code. */
export function confirmClaim(communityId: string, phone: string, code: string) {
  return call('intent', 'claimConfirm', { communityId, phone, code })
}

export function myCase() {
  return call('intent', 'mine', {})
}

export async function withdrawIntent(id: string) {
  const out = await call('intent', 'withdraw', { id })
  forgetMe()
  return out
}

// ——— staff ledger ———

export function listLedger(input: LedgerListInput) {
  return call('ledger', 'list', input)
}

/** 代登记: a worker registers a walk-in resident's intent with their consent. */
export function registerOnBehalf(input: LedgerRegisterInput) {
  return call('ledger', 'register', input)
}

export function getCase(id: string) {
  return call('ledger', 'get', { id })
}

export function acceptCase(id: string) {
  return call('ledger', 'accept', { id })
}

export function addFollowUp(input: LedgerFollowUpInput) {
  return call('ledger', 'addFollowUp', input)
}

export function setStage(id: string, stage: CaseStage, note: string) {
  return call('ledger', 'setStage', { id, stage, note })
}

export function recordVenture(input: LedgerVentureInput) {
  return call('ledger', 'recordVenture', input)
}

export function recordBenefit(input: LedgerBenefitInput) {
  return call('ledger', 'recordBenefit', input)
}

export function recordLoanStep(input: LedgerLoanStepInput) {
  return call('ledger', 'loanStep', input)
}

export function eligiblePolicies(id: string) {
  return call('ledger', 'eligiblePolicies', { id })
}

export function ledgerGaps(kind: GapKind, after: string | null) {
  return call('ledger', 'gaps', { kind, after, limit: 20 })
}

export function exportLedger(input: LedgerExportInput) {
  return call('ledger', 'export', input)
}

export function revealField(id: string, field: 'idCard' | 'phone') {
  return call('ledger', 'reveal', { id, field })
}

// ——— project reserve ———

export function listProjects(input: ProjectListInput) {
  return call('project', 'list', input)
}

export function saveProject(input: ProjectSaveInput) {
  return call('project', 'save', input)
}

export function archiveProject(id: string) {
  return call('project', 'archive', { id })
}

export function restoreProject(id: string) {
  return call('project', 'restore', { id })
}

/** Starts the ledger export as a job (large scopes are split into parts); see `useJob`. */
export function startLedgerExport(input: LedgerExportInput) {
  return call('ledger', 'exportJob', input)
}

export function continueLedgerJob(id: string) {
  return call('ledger', 'continueJob', { id })
}

export function getLedgerJob(id: string) {
  return call('ledger', 'job', { id })
}

/** 挂帮: I (a street, district or city leader) take this entrepreneur's case for 重点扶持. */
export function pairCase(input: { caseId: string; reason: string; pairedOn: string }) {
  return call('ledger', 'pair', input)
}

/** 挂帮: I end my pairing, saying why. */
export function unpairCase(input: { caseId: string; reason: string; unpairedOn: string }) {
  return call('ledger', 'unpair', input)
}

/** 挂帮: my follow-up on a case I am paired with (shown on the case as mine). */
export function pairFollowUp(input: { caseId: string; kind: FollowUpKind; date: string; note: string; outcome: string; nextFollowUpDate: string }) {
  return call('ledger', 'pairFollowUp', input)
}

/** 我挂帮的创业者: my active pairings, soonest due first. */
export function listPaired() {
  return call('ledger', 'paired', {})
}
