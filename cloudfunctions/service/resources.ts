/**
 * What the org-kept resources (mentors, sites, guides, stories) share: who may edit one, what a
 * list shows to whom, and the one way one is added or edited (version-guarded).
 */
import type { ResourceListInput } from '../_shared/contracts/service'
import { isWithin } from '../_shared/domain/org'
import { can } from '../_shared/domain/roles'
import { mayEditResource, type OrgResource } from '../_shared/domain/service'
import { admittedStaff, type Ctx, type StaffCtx, staffSave } from '../_shared/runtime/action'
import { inScope } from '../_shared/runtime/scope'
import type { Caller } from '../_shared/runtime/caller'
import { conflict, notFound, validation } from '../_shared/runtime/errors'
import { newId } from '../_shared/runtime/ids'
import type { Collections } from '../_shared/store/collections'
import { type Collection, type Filter, where } from '../_shared/store/port'
import { ownedByCaller } from '../_shared/application/owned-records'
import { residentPlace } from '../_shared/application/resident'
import { type SearchableDocs, syncSearchEntry } from '../_shared/application/search-index'

export type ResourceCollection = 'mentors' | 'sites' | 'guides' | 'stories'

const NOUN: Record<ResourceCollection, string> = { mentors: '导师', sites: '场地', guides: '办事指南', stories: '创业故事' }

/** Staff with `service.write` edit resources of their own org and those below; never a sibling's or a parent's. */
export function mayEdit(caller: Caller, r: Pick<OrgResource, 'orgPath'>): boolean {
  return caller.kind === 'staff' && can(caller.staff.role, 'service.write') && mayEditResource(r.orgPath, caller.staff.orgId)
}

/** The resource without its path and editor, and whether the caller may edit it. */
export function toResourceView<T extends OrgResource>(r: T, caller: Caller): Omit<T, 'orgPath' | 'updatedBy'> & { editable: boolean } {
  const { orgPath: _p, updatedBy: _u, ...rest } = r
  return { ...rest, editable: mayEdit(caller, r) }
}

function collectionOf<K extends ResourceCollection>(ctx: Ctx, name: K): Collection<Collections[K]> {
  return ctx.store.collection(name)
}

/**
 * A resource the caller may see: kept at their org or above (visible below) or, for staff, below
 * them. Anything else does not exist for them (404).
 */
export async function loadVisible<K extends ResourceCollection>(ctx: Ctx, name: K, id: string): Promise<Collections[K]> {
  const r = await collectionOf(ctx, name).get(id)
  const caller = ctx.caller
  const place = await residentPlace(ctx)
  const visible = r && ((caller.kind === 'staff' && isWithin(r.orgPath, caller.staff.orgId)) || !place.communityPath || place.communityPath.includes(r.orgId))
  if (!r || !visible) throw notFound(`${NOUN[name]}不存在或已删除`)
  return r
}

/**
 * A resource the staff caller may change (their role holds `service.write`, declared on the
 * save actions): their org's or one below. One kept above them, which they see, is 403 naming
 * who keeps it; any other is 404.
 */
export async function loadEditable<K extends ResourceCollection>(ctx: StaffCtx, name: K, id: string): Promise<Collections[K]> {
  const r: Collections[K] | null = await collectionOf(ctx, name).get(id)
  return inScope(ctx, r, { missing: `${NOUN[name]}不存在或已删除`, above: (doc) => `这条${NOUN[name]}由${doc.orgName}维护，你可以查看，不能修改` })
}

/** What the save actions declare: who may keep resources, and what anyone else is told. */
export const SAVE_RESOURCE = staffSave('service.write', '你的角色不能维护服务资源')

/** The rule of an open list: its `manage` view is for staff (their subtree's resources). */
export const MANAGE_RULE = { on: "`view: 'manage'`", when: (input: { view?: ResourceListInput['view'] }) => input.view === 'manage', access: 'staff' } as const

/** An open list with a staff-only `manage` view (`MANAGE_RULE`), as data spread into `defineAction`. */
export const MANAGED_LIST = { access: 'any', rules: [MANAGE_RULE] } as const

/**
 * The filter of a list: `manage` (staff) is their subtree's resources; a resident or staff reading
 * is every resource kept at their community's chain (their org and above), or all when a resident
 * has not said where they live.
 */
export async function listScope(ctx: Ctx, view: ResourceListInput['view']): Promise<Filter<OrgResource> | null> {
  const caller = ctx.caller
  if (view === 'manage') {
    return where.has<OrgResource>('orgPath', admittedStaff(caller).staff.orgId)
  }
  const place = await residentPlace(ctx)
  return place.communityPath ? where.in<OrgResource>('orgId', place.communityPath) : null
}

type Fields<T extends OrgResource> = Omit<T, keyof OrgResource>

/**
 * Adds a resource to the caller's org, or edits one they may edit, naming the version it started
 * from; a stale version is 409 and nothing is written.
 */
export async function saveResource<K extends ResourceCollection>(
  ctx: StaffCtx,
  name: K,
  input: { id?: string; version?: number },
  fields: Fields<Collections[K]>,
  prefix: string,
): Promise<Collections[K]> {
  const caller = ctx.caller
  const at = ctx.now().toISOString()
  const col = collectionOf(ctx, name)
  if (!input.id) {
    const doc = {
      ...fields,
      _id: newId(prefix),
      ...ownedByCaller(caller, at),
    } as Collections[K]
    await col.insert(doc)
    await indexResource(ctx, name, doc, at)
    return doc
  }
  if (input.version === undefined) throw validation([{ path: 'version', message: '缺少版本号' }])
  const current = await loadEditable(ctx, name, input.id)
  if (current.version !== input.version) throw conflict(`${NOUN[name]}已被他人修改，请刷新后再改`)
  const set = { ...fields, updatedAt: at, updatedBy: caller.staff._id } as Partial<Collections[K]>
  // Every resource collection holds OrgResource documents; the port's field typing cannot see
  // that through the generic K, so the guarded update is made on that common shape.
  const common = col as unknown as Collection<OrgResource>
  const ok = await common.update(input.id, { set: set as Partial<OrgResource>, inc: { version: 1 } }, where.eq<OrgResource>('version', current.version))
  if (!ok) throw conflict(`${NOUN[name]}已被他人修改，请刷新后再改`)
  const saved = { ...current, ...set, version: current.version + 1 }
  await indexResource(ctx, name, saved, at)
  return saved
}

/** Which search kind a resource collection is (mentors are not searched). */
const SEARCH_KIND_OF = { sites: 'site', guides: 'guide', stories: 'story' } as const

/** Keeps the search index current after a save (an unpublished guide or inactive site leaves it). */
async function indexResource<K extends ResourceCollection>(ctx: Ctx, name: K, doc: Collections[K], at: string): Promise<void> {
  if (name === 'mentors') return
  const kind = SEARCH_KIND_OF[name as keyof typeof SEARCH_KIND_OF]
  await syncSearchEntry(ctx.store, kind, doc as unknown as SearchableDocs[typeof kind], at)
}
