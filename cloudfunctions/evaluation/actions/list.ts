import { type ApplicationListItem, listInput, type ListOutput } from '../../_shared/contracts/evaluation'
import type { EvaluationApplication, EvaluationStatus } from '../../_shared/domain/evaluation'
import { can, type StaffRole } from '../../_shared/domain/roles'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { communitiesUnder } from '../../_shared/application/figures-scope'
import { deadlinesOf, REFUSED } from '../application'

/** What waits on each role: the statuses it acts on next. */
const WAITING_ON: Partial<Record<StaffRole, readonly (EvaluationStatus | 'none')[]>> = {
  community_lead: ['none', 'draft', 'returned'],
  street_reviewer: ['submitted'],
  district_officer: ['street_passed'],
  city_officer: ['certified', 'spot_checked'],
}

/** The year's applications of every community in the caller's scope, those waiting on the caller first. */
export const list = defineAction({
  input: listInput,
  access: 'staff',
  permission: 'evaluation.read',
  refusal: REFUSED['evaluation.read'],
  async run({ year }, ctx): Promise<ListOutput> {
    const caller = ctx.caller
    const [communities, deadlines] = await Promise.all([communitiesUnder(ctx, caller.org), deadlinesOf(ctx.store, year)])
    const apps = new Map<string, EvaluationApplication>()
    const scope = where.and<EvaluationApplication>(where.eq('year', year), where.has('communityPath', caller.org._id))
    for await (const batch of ctx.store.collection('evaluations').scan(scope, 200)) for (const a of batch) apps.set(a.communityId, a)
    const waiting = WAITING_ON[caller.staff.role] ?? []
    const items: ApplicationListItem[] = communities.map((c) => {
      const a = apps.get(c._id)
      const status = a?.status ?? 'none'
      return {
        communityId: c._id,
        communityName: c.name,
        id: a?._id ?? null,
        status,
        updatedAt: a?.updatedAt ?? null,
        lastNote: a?.history.at(-1)?.note ?? '',
        mine: waiting.includes(status),
      }
    })
    items.sort((x, y) => Number(y.mine) - Number(x.mine) || x.communityName.localeCompare(y.communityName, 'zh'))
    return {
      year,
      deadlines: { apply: deadlines.apply, review: deadlines.review, certify: deadlines.certify, spotCheck: deadlines.spotCheck },
      items,
      mayApply: can(caller.staff.role, 'evaluation.apply') && caller.org.level === 'community',
      mayManage: can(caller.staff.role, 'evaluation.manage'),
    }
  },
})
