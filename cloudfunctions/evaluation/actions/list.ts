import { type ApplicationListItem, listInput, type ListOutput } from '../../_shared/contracts/evaluation'
import { can } from '../../_shared/domain/roles'
import { defineAction } from '../../_shared/runtime/action'
import { evaluationQueue } from '../../_shared/application/work-queues'
import { communitiesUnder } from '../../_shared/application/figures-scope'
import { deadlinesFor, deadlinesOf, evaluationStaff } from '../application'

/** The year's applications of every community in the caller's scope, those waiting on the caller first (`evaluationQueue`). */
export const list = defineAction({
  input: listInput,
  ...evaluationStaff('evaluation.read'),
  async run({ year }, ctx): Promise<ListOutput> {
    const caller = ctx.caller
    // A community sees its own dates (with any extension the city granted it); other levels the year's.
    const own = caller.org.level === 'community'
    const [communities, deadlines] = await Promise.all([communitiesUnder(ctx, caller.org), own ? deadlinesFor(ctx.store, year, caller.org._id) : deadlinesOf(ctx.store, year)])
    const rows = await evaluationQueue(ctx, caller, year, communities)
    const items: ApplicationListItem[] = rows.map(({ community: c, application: a, status, mine }) => ({
      communityId: c._id,
      communityName: c.name,
      id: a?._id ?? null,
      status,
      updatedAt: a?.updatedAt ?? null,
      lastNote: a?.history.at(-1)?.note ?? '',
      mine,
    }))
    return {
      year,
      deadlines: { apply: deadlines.apply, review: deadlines.review, certify: deadlines.certify, spotCheck: deadlines.spotCheck },
      items,
      mayApply: can(caller.staff.role, 'evaluation.apply') && caller.org.level === 'community',
      mayManage: can(caller.staff.role, 'evaluation.manage'),
    }
  },
})
