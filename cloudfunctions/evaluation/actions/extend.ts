import { extendInput, type ExtendOutput } from '../../_shared/contracts/evaluation'
import { DEADLINE_LABELS, type EvaluationExtensionDoc, extendDeadlines, isYearClosed } from '../../_shared/domain/evaluation'
import { isWithin } from '../../_shared/domain/org'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import { deadlinesFor, deadlinesOf, evaluationStaff } from '../application'

/**
 * The city extends one step's deadline, for one community (`communityId`) or for all. Later
 * steps that would now end first move with it, so the chain stays in order; the answer names
 * them. A community's extension is its own document and never touches the others' dates.
 */
export const extend = defineAction({
  input: extendInput,
  ...evaluationStaff('evaluation.manage'),
  audit: 'write',
  target: (input) => `${input.communityId ?? 'all'}:${input.year}:${input.step}`,
  async run({ year, step, until, communityId, reason }, ctx): Promise<ExtendOutput> {
    const caller = ctx.caller
    const now = ctx.now()
    const today = shanghaiDate(now)
    const base = await deadlinesOf(ctx.store, year)
    if (isYearClosed(base, today)) throw validation([{ path: 'year', message: `${year} 年度评估已于 ${base.spotCheck} 结束，不能再延期` }])
    if (until < today) throw validation([{ path: 'until', message: '延期后的截止日不能早于今天' }])
    const at = now.toISOString()
    if (!communityId) {
      if (until <= base[step]) throw validation([{ path: 'until', message: `新的${DEADLINE_LABELS[step]}截止日应晚于现在的 ${base[step]}` }])
      const { deadlines, moved } = extendDeadlines(base, step, until)
      await ctx.store.collection('evaluationDeadlines').put({ _id: String(year), year, ...deadlines, updatedAt: at, updatedBy: caller.staff._id })
      return { year, communityId: null, deadlines, moved }
    }
    const community = await ctx.store.collection('orgs').get(communityId)
    if (!community || community.level !== 'community' || !isWithin(community.path, caller.org._id)) {
      throw validation([{ path: 'communityId', message: '没有这个社区，或不在你的管理范围内' }])
    }
    const current = await deadlinesFor(ctx.store, year, communityId)
    if (until <= current[step]) throw validation([{ path: 'until', message: `新的${DEADLINE_LABELS[step]}截止日应晚于${community.name}现在的 ${current[step]}` }])
    const { deadlines, moved } = extendDeadlines(current, step, until)
    const id = `${communityId}:${year}`
    const extensions = ctx.store.collection('evaluationExtensions')
    const prior = await extensions.get(id)
    const own: EvaluationExtensionDoc['deadlines'] = { ...(prior?.deadlines ?? {}) }
    for (const k of [step, ...moved]) own[k] = deadlines[k]
    await extensions.put({
      _id: id,
      year,
      communityId,
      deadlines: own,
      history: [...(prior?.history ?? []), { step, until, reason, byName: caller.staff.name, at }],
      updatedAt: at,
    })
    return { year, communityId, deadlines, moved }
  },
})
