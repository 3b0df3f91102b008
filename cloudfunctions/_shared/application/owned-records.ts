/**
 * What every record an office creates (a policy, survey, event, course, project, mentor, site, guide, story) starts with:
 * the caller's org as its owner (id, path for scope, name for display), when and by whom, and
 * version 1 for the edits that follow (each names the version it started from).
 */
import { keptBy, type OrgResource } from '../domain/org'
import type { StaffCaller } from '../runtime/action'
import { conflict } from '../runtime/errors'
import { type BaseDoc, type Collection, type FieldOf, type Filter, type Update, where } from '../store/port'

export function ownedByCaller(caller: StaffCaller, at: string): Omit<OrgResource, '_id'> {
  return keptBy(caller.org, caller.staff._id, at)
}

/** What an owned record keeps for its edits: who changed it last, when, and its version. */
export interface EditableOwned extends BaseDoc {
  version: number
  updatedAt: string
  updatedBy: string
}

/**
 * The guarded edit of an owned record the caller has loaded (`current`, its version already checked
 * against the one the edit started from): sets `fields` with who and when and raises the version
 * by one, only if no colleague's edit (and nothing `onlyIf` rules out) landed since it was read;
 * else 409 with `stale`. Answers the record as saved.
 */
export async function saveOwnedEdit<T extends EditableOwned>(
  col: Collection<T>,
  current: T,
  fields: Partial<Omit<T, '_id'>>,
  edit: { caller: StaffCaller; at: string; stale: string; onlyIf?: Filter<T> },
): Promise<T> {
  const set = { ...fields, updatedAt: edit.at, updatedBy: edit.caller.staff._id }
  // T extends EditableOwned, so `version` is one of its fields; TypeScript cannot narrow
  // `Extract<keyof T, string>` through the generic, hence the one cast.
  const version = 'version' as FieldOf<T>
  const sameVersion = where.eq<T>(version, current.version)
  const inc: Update<T>['inc'] = { [version]: 1 } as Update<T>['inc']
  const ok = await col.update(current._id, { set, inc }, edit.onlyIf ? where.and(sameVersion, edit.onlyIf) : sameVersion)
  if (!ok) throw conflict(edit.stale)
  return { ...current, ...set, version: current.version + 1 }
}
