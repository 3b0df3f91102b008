import { call } from '../core/cloud'

/** What waits on the signed-in staff member: one line per list, with its count. */
export const workbenchSummary = () => call('workbench', 'summary', {})
