import { isWithin, type Org } from '../domain/org'
import { can, type Permission } from '../domain/roles'
import type { Collections } from '../store/collections'
import type { Ctx, StaffCaller } from './action'
import { forbidden, missingOrOutOfScope } from './errors'

/** How a record says where it belongs, and what a caller is told when they may not have it. */
export interface ScopeRule<D> {
  /** The record's org path (root first); the default reads `orgPath`. */
  pathOf?: (doc: D) => readonly string[]
  /** The 404 message: the same for a missing record and one outside the caller's scope. */
  missing: string
  /**
   * The permission needed to act on a record in scope, asked only once the record is known to be
   * in scope: a record outside it answers 404 whatever the role, so ids of other orgs' records
   * leak nothing (server/__tests__/scope-refusals-table.test.ts).
   */
  permission?: Permission
  /** The 403 message for want of `permission`. */
  refusal?: string
  /**
   * A record kept by an org above the caller's (on their own org's path) is one they see but may
   * not change: with `above`, such a record answers 403 with the message `above` gives for it
   * (null: 404, as outside their scope). E.g. a policy the city published, seen by a community.
   */
  above?: (doc: D) => string | null
  /** The org that keeps the record, for `above`; the default reads `orgId`. */
  orgOf?: (doc: D) => string
  /**
   * The one org whose staff may act on a record in scope (others above it see it): e.g. only a
   * duty task's owner reports on it, only the org that set it edits it. Else 403 `refusal`.
   */
  actor?: { orgOf: (doc: D) => string; refusal: string }
}

const orgPathOf = (doc: unknown): readonly string[] => (doc as { orgPath?: readonly string[] }).orgPath ?? []
const orgIdOf = (doc: unknown): string => (doc as { orgId?: string }).orgId ?? ''

/**
 * This record, if the caller may see it: a staff member whose org is on the record's org path
 * (their own org or one above it). Missing, or outside that scope, or asked by a resident: 404
 * (audited as a hidden refusal when the record exists); in scope without the rule's permission:
 * 403. The one loader for "the record, if it is in the caller's scope".
 */
export async function loadInScope<K extends Extract<keyof Collections, string>>(
  ctx: Ctx,
  name: K,
  id: string,
  rule: ScopeRule<Collections[K]>,
): Promise<Collections[K]> {
  return inScope(ctx, await ctx.store.collection(name).get(id), rule)
}

/** `loadInScope` for a record already read (or null): the record, or the refusal it earns. */
export function inScope<D>(ctx: Ctx, doc: D | null, rule: ScopeRule<D>): D {
  const caller = ctx.caller
  if (!doc || caller.kind !== 'staff') throw missingOrOutOfScope(doc, rule.missing)
  if (!isWithin((rule.pathOf ?? orgPathOf)(doc), caller.staff.orgId)) {
    const seen = rule.above && caller.org.path.includes((rule.orgOf ?? orgIdOf)(doc)) ? rule.above(doc) : null
    if (seen !== null) throw forbidden(seen)
    throw missingOrOutOfScope(doc, rule.missing)
  }
  if (rule.permission && !can(caller.staff.role, rule.permission)) throw forbidden(rule.refusal)
  if (rule.actor && rule.actor.orgOf(doc) !== caller.staff.orgId) throw forbidden(rule.actor.refusal)
  return doc
}

/**
 * An org an input names, if it is in the staff caller's scope: `within` their subtree (their own
 * org or one under it), strictly `below` their own org, or on their `line` (under them or above
 * them). Else 403 with `refusal`: unlike a record, an org is no secret (the org tree is public,
 * `org.tree`), so the refusal names it instead of hiding it behind a 404.
 */
export function orgInScope(caller: StaffCaller, org: Org, refusal: string, how: 'within' | 'below' | 'line' = 'within'): Org {
  const under = isWithin(org.path, caller.staff.orgId)
  const ok = how === 'below' ? under && org._id !== caller.staff.orgId : how === 'line' ? under || caller.org.path.includes(org._id) : under
  if (!ok) throw forbidden(refusal)
  return org
}

/** Whether a staff caller's role holds `permission` and the record is in their scope. */
export function mayActOn(caller: Ctx['caller'], path: readonly string[], permission: Permission): caller is StaffCaller {
  return caller.kind === 'staff' && can(caller.staff.role, permission) && isWithin(path, caller.staff.orgId)
}
