import { cloudbaseExportFiles } from '../_shared/files/cloudbase'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { makeLedgerActions } from './actions'

const files = cloudbaseExportFiles()

export const main = makeMain('ledger', makeLedgerActions(() => files), cloudbaseRoot)
