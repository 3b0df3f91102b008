import type { ActionMap } from '../../_shared/runtime/action'
import { makeJobActions } from '../../_shared/runtime/job-actions'
import { type Budget, CLOUD_BUDGET } from '../../_shared/runtime/jobs'
import type { ExportFiles, ExportParts } from '../../_shared/files/export-files'
import { makeExportJob } from '../export-job'
import { accept } from './accept'
import { addFollowUp } from './add-follow-up'
import { makeExport } from './export'
import { makeExportJobAction, presentExport } from './export-job'
import { eligiblePolicies } from './eligible-policies'
import { gaps } from './gaps'
import { get } from './get'
import { list } from './list'
import { loanStep } from './loan-step'
import { recordBenefit } from './record-benefit'
import { recordVenture } from './record-venture'
import { register } from './register'
import { reveal } from './reveal'
import { setStage } from './set-stage'
import { pair } from './pair'
import { pairFollowUp } from './pair-follow-up'
import { paired } from './paired'
import { unpair } from './unpair'

export interface LedgerJobOptions {
  /** Where export jobs write their parts. */
  parts: () => ExportParts
  /** One call's share of the function timeout (tests: one chunk per call). */
  budget?: Budget
  /** Cases per part (tests use a few). */
  partRows?: number
}

/**
 * The `ledger` function's actions (staff). `files` is where one-call exports are written and
 * `parts` where export jobs write theirs; each composition root binds its own (cloud storage on
 * CloudBase, a download folder locally). Without `jobs` there is no `exportJob` (older callers:
 * the bench's one-call export).
 */
export function makeLedgerActions(files: () => ExportFiles): ReturnType<typeof oneCallActions>
export function makeLedgerActions(files: () => ExportFiles, jobs: LedgerJobOptions): ReturnType<typeof withJobs>
export function makeLedgerActions(files: () => ExportFiles, jobs?: LedgerJobOptions): ActionMap {
  return jobs ? withJobs(files, jobs) : oneCallActions(files)
}

function oneCallActions(files: () => ExportFiles) {
  return { list, get, accept, addFollowUp, setStage, recordVenture, recordBenefit, loanStep, eligiblePolicies, gaps, export: makeExport(files), reveal, register, pair, unpair, pairFollowUp, paired } satisfies ActionMap
}

function withJobs(files: () => ExportFiles, jobs: LedgerJobOptions) {
  const { parts, budget = CLOUD_BUDGET } = jobs
  const exportJob = makeExportJob(parts, jobs.partRows)
  return {
    ...oneCallActions(files),
    exportJob: makeExportJobAction(exportJob, parts, budget, jobs.partRows),
    ...makeJobActions({ defs: [exportJob], budget, present: presentExport(parts) }),
  } satisfies ActionMap
}

/** The job kinds `ledger` runs (its `resumeJobs` timer goes on with them). */
export const ledgerJobs = (parts: () => ExportParts) => [makeExportJob(parts)]
