import type { workbenchContract, WorkbenchOutputs } from '@shared/contracts/workbench'
import { call } from '../core/cloud'

declare module '../core/cloud-core' {
  interface FunctionContracts {
    workbench: { inputs: typeof workbenchContract; outputs: WorkbenchOutputs }
  }
}

/** What waits on the signed-in staff member: one line per list, with its count. */
export const workbenchSummary = () => call('workbench', 'summary', {})
