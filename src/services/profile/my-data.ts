import type { DeleteMineOutput, MyDataExport } from '@shared/contracts/profile'
import { call } from '../core/cloud'
import { forgetMe } from './profile'

/** Everything the server holds about me, as one JSON document. */
export function exportMyData(): Promise<MyDataExport> {
  return call('profile', 'exportMine', {})
}

/** Deletes my data (the server checks the typed confirmation too); the cached profile goes with it. */
export async function deleteMyData(confirm: string): Promise<DeleteMineOutput> {
  const out = await call('profile', 'deleteMine', { confirm })
  forgetMe()
  return out
}
