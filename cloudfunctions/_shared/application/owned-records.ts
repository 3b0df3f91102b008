/**
 * What every record an office creates (a policy, survey, event, course, project, mentor, site, guide, story) starts with:
 * the caller's org as its owner (id, path for scope, name for display), when and by whom, and
 * version 1 for the edits that follow (each names the version it started from).
 */
import type { StaffCaller } from '../runtime/action'

export function ownedByCaller(caller: StaffCaller, at: string) {
  return {
    orgId: caller.org._id,
    orgPath: caller.org.path,
    orgName: caller.org.name,
    createdAt: at,
    updatedAt: at,
    updatedBy: caller.staff._id,
    version: 1,
  }
}
