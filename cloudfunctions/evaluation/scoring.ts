/**
 * What the 评审内容与评分 actions share: the district a community or caller belongs to, the
 * district's rubric for a year, the community in the caller's scope, and the hints a 定量 item
 * shows (the community's live indices, read the way its dashboard reads them).
 */
import type { ScoreHint, ScoreView } from '../_shared/contracts/evaluation'
import { indicesOf, communitySeries, type StaffCaller } from '../_shared/application/figures-scope'
import { targetsFor } from '../_shared/application/targets'
import type { IndexKey } from '../_shared/domain/indices'
import type { Org } from '../_shared/domain/org'
import { type ReviewRubric, type ReviewScore, type RubricItem, rubricId } from '../_shared/domain/review-rubric'
import { shanghaiDate } from '../_shared/domain/time'
import type { Ctx } from '../_shared/runtime/action'
import { AppError, notFound, validation } from '../_shared/runtime/errors'
import { orgInScope } from '../_shared/runtime/scope'
import { where } from '../_shared/store/port'
import { formatValue } from './figures'

/** The district above (or at) `org` in its path; null above district level. */
export async function districtOf(ctx: Pick<Ctx, 'store'>, org: Org): Promise<Org | null> {
  if (org.level === 'district') return org
  const page = await ctx.store.collection('orgs').find({ where: where.in<Org>('_id', org.path), limit: org.path.length })
  return page.items.find((o) => o.level === 'district') ?? null
}

/**
 * The district whose rubric the caller reads: their own (a district, or a street's or community's
 * district), or for the city the `districtId` named (a district in scope, else 400 naming it).
 */
export async function rubricDistrict(ctx: Ctx, caller: StaffCaller, districtId: string | undefined): Promise<Org> {
  if (districtId) {
    const d = await ctx.store.collection('orgs').get(districtId)
    if (!d || d.level !== 'district') throw validation([{ path: 'districtId', message: '没有这个县(区)' }])
    orgInScope(caller, d, '这个县(区)不在你的管理范围内', 'line')
    return d
  }
  const d = await districtOf(ctx, caller.org)
  if (!d) throw validation([{ path: 'districtId', message: '请选择县(区)' }])
  return d
}

export async function loadRubric(ctx: Pick<Ctx, 'store'>, districtId: string, year: number): Promise<ReviewRubric | null> {
  return ctx.store.collection('reviewRubrics').get(rubricId(districtId, year))
}

/**
 * A community in the caller's scope: a missing id or an org that is not a community is 404, a
 * community outside the caller's subtree is refused with 403 (reviewers score only their own).
 */
export async function scopedCommunity(ctx: Ctx, caller: StaffCaller, communityId: string): Promise<Org> {
  const org = await ctx.store.collection('orgs').get(communityId)
  if (!org || org.level !== 'community') throw notFound('社区不存在')
  if (!org.path.includes(caller.org._id)) throw new AppError('FORBIDDEN', '这个社区不在你的管理范围内，不能评分或查看评分')
  return org
}

/** Today's value of each 定量 item's indices for the community, by item key. */
export async function hintsFor(ctx: Ctx, community: Org, year: number, items: readonly RubricItem[]): Promise<Record<string, ScoreHint[]>> {
  const wanted = new Set<IndexKey>(items.flatMap((i) => i.indices))
  if (!wanted.size) return {}
  const period = String(year)
  const series = await communitySeries(ctx, community._id, period)
  const indices = indicesOf([series], period, false, await targetsFor(ctx.store, community, year), shanghaiDate(ctx.now()))
  const out: Record<string, ScoreHint[]> = {}
  for (const item of items) {
    if (!item.indices.length) continue
    out[item.key] = item.indices.map((key) => {
      const i = indices.find((x) => x.key === key)
      if (!i) return { key, label: key, value: '—', detail: '' }
      const detail = i.value === null ? (i.missing ?? '') : i.denominator === null ? `${i.numLabel} ${i.numerator}` : `${i.numLabel} ${i.numerator} / ${i.denLabel} ${i.denominator}`
      return { key, label: i.label, value: formatValue(i.unit, i.value), detail }
    })
  }
  return out
}

export function scoreView(s: ReviewScore | null): ScoreView | null {
  if (!s) return null
  const { communityPath: _path, ...rest } = s
  return rest
}
