import type { ActionMap } from '../../_shared/runtime/action'
import type { ExportFiles } from '../export-files'
import { accept } from './accept'
import { addFollowUp } from './add-follow-up'
import { makeExport } from './export'
import { gaps } from './gaps'
import { get } from './get'
import { list } from './list'
import { recordBenefit } from './record-benefit'
import { recordVenture } from './record-venture'
import { reveal } from './reveal'
import { setStage } from './set-stage'

/**
 * The `ledger` function's actions (staff). `files` is where exports are written; each
 * composition root binds its own (cloud storage on CloudBase, a download folder locally).
 */
export function makeLedgerActions(files: () => ExportFiles): ActionMap {
  return { list, get, accept, addFollowUp, setStage, recordVenture, recordBenefit, gaps, export: makeExport(files), reveal }
}
