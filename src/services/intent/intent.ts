import type { IntentSubmitInput, LedgerBenefitInput, LedgerExportInput, LedgerFollowUpInput, LedgerListInput, LedgerVentureInput } from '@shared/contracts/intent'
import type { ProjectListInput, ProjectSaveInput } from '@shared/contracts/project'
import type { IntentStage } from '@shared/domain/intent'
import { call } from '../core/cloud'


// ——— residents ———

export function submitIntent(input: IntentSubmitInput) {
  return call('intent', 'submit', input)
}

export function myCase() {
  return call('intent', 'mine', {})
}

export function withdrawIntent(id: string) {
  return call('intent', 'withdraw', { id })
}

// ——— staff ledger ———

export function listLedger(input: LedgerListInput) {
  return call('ledger', 'list', input)
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

export function setStage(id: string, stage: IntentStage, note: string) {
  return call('ledger', 'setStage', { id, stage, note })
}

export function recordVenture(input: LedgerVentureInput) {
  return call('ledger', 'recordVenture', input)
}

export function recordBenefit(input: LedgerBenefitInput) {
  return call('ledger', 'recordBenefit', input)
}

export function ledgerGaps(kind: 'unguided' | 'overdue' | 'unbenefited', after: string | null) {
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
