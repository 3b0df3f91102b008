/**
 * Reading targets (issue 21 item 1): what every figure is judged against comes from the `targets`
 * collection, never from code. Dashboards, roll-ups, the 创建标准 checklist, the 申报表 and the
 * workbench read them through these functions.
 */
import { INDEX_DEF_BY_KEY, INDEX_KEYS, type IndexKey } from '../domain/indices'
import type { Org } from '../domain/org'
import { REOPEN_WHO, resolveTarget, type ResolvedTarget, type TargetRecord } from '../domain/target'
import { AppError, conflict } from '../runtime/errors'
import type { Collections } from '../store/collections'
import { type Store, where } from '../store/port'

export type TargetMap = ReadonlyMap<IndexKey, ResolvedTarget | null>

type Orgs = Pick<Store<Collections>, 'collection'>

/** Every target record of the orgs `ids` up to `year` (records of earlier years stand until replaced). */
export async function targetRecords(store: Orgs, ids: readonly string[], year: number): Promise<TargetRecord[]> {
  const out: TargetRecord[] = []
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += 50) {
    const chunk = unique.slice(i, i + 50)
    for await (const batch of store.collection('targets').scan(where.and<TargetRecord>(where.in('orgId', chunk), where.lte('year', year)), 200)) out.push(...batch)
  }
  return out
}

/** The targets of every index for the org at `path` (root first, itself last) in `year`, from `records`. */
export function targetsOfPath(records: readonly TargetRecord[], path: readonly string[], year: number): TargetMap {
  const out = new Map<IndexKey, ResolvedTarget | null>()
  for (const key of INDEX_KEYS) {
    const def = INDEX_DEF_BY_KEY.get(key)
    out.set(key, def ? resolveTarget(records, key, def.unit, path, year) : null)
  }
  return out
}

/** The targets of every index for `org` in `year`: one scan of its path's records. */
export async function targetsFor(store: Orgs, org: Pick<Org, 'path'>, year: number): Promise<TargetMap> {
  return targetsOfPath(await targetRecords(store, org.path, year), org.path, year)
}

/**
 * The target of one index for one org and year, or null when none is set: the org's own record,
 * else (ratios) its nearest ancestor's; a record of an earlier year stands until replaced. For
 * other features (the workbench's “communities behind target”) that need one number.
 */
export async function targetFor(store: Orgs, index: IndexKey, orgId: string, year: number): Promise<ResolvedTarget | null> {
  const org = await store.collection('orgs').get(orgId)
  if (!org) return null
  return (await targetsFor(store, org, year)).get(index) ?? null
}

/** Why a role is refused the target actions. */
export const TARGETS_REFUSED = {
  'target.set': '只有市创建办可以设定全市目标',
  'target.split': '你的角色不能分解目标',
  'target.close': '只有市创建办可以关闭或重新开放年度目标',
} as const

/**
 * A closed year → 409, saying who can reopen it. The city's close of a year's targets also makes
 * that year's 督查 tasks, progress reports and 目标责任考核 results final (`what` names them).
 */
export async function assertYearOpen(store: Orgs, year: number, what = '目标'): Promise<void> {
  const y = await store.collection('targetYears').get(String(year))
  if (y?.closed) throw conflict(`${year} 年的${what}已关闭，不能再修改；如需修改，请联系${REOPEN_WHO}重新开放`)
}

/** The org asked about, inside the caller's subtree; another org is refused (403, with the field). */
export async function orgInScope(store: Orgs, callerOrg: Org, orgId: string | undefined, field = 'orgId'): Promise<Org> {
  if (!orgId || orgId === callerOrg._id) return callerOrg
  const org = await store.collection('orgs').get(orgId)
  if (!org) throw new AppError('NOT_FOUND', '单位不存在', [{ path: field, message: '单位不存在' }])
  if (!org.path.includes(callerOrg._id)) throw new AppError('FORBIDDEN', '这个单位不在你的管理范围内', [{ path: field, message: '不在你的管理范围内' }])
  return org
}
