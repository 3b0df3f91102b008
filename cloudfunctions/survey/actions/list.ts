import { surveyListInput, type SurveyListOutput } from '../../_shared/contracts/survey'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { surveyQuery } from '../../_shared/application/work-queues'
import { toListItem } from '../access'

/** Staff: the surveys of their org and the orgs below it, newest change first (or those closing this week), with response counts. */
export const list = defineAction({
  input: surveyListInput,
  ...staffWith('survey.read', '你的角色不能查看问卷'),
  async run(input, { store, caller, now }): Promise<SurveyListOutput> {
    const today = shanghaiDate(now())
    const page = await store.collection('surveys').find({
      ...surveyQuery(caller.staff.orgId, { status: input.status, closing: input.closing }, today),
      limit: input.limit,
      after: input.after ?? null,
    })
    const ids = page.items.filter((s) => s.status !== 'draft').map((s) => s._id)
    const tallies = ids.length ? (await store.collection('surveyTallies').find({ where: where.in('_id', ids), limit: 50 })).items : []
    const n = new Map(tallies.map((t) => [t._id, t.n]))
    return {
      items: page.items.map((s) => toListItem(s, today, s.status === 'draft' ? null : (n.get(s._id) ?? 0))),
      next: page.next,
    }
  },
})
