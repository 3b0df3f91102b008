import { surveyListInput, type SurveyListOutput } from '../../_shared/contracts/survey'
import type { Survey } from '../../_shared/domain/survey'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { type Filter, where } from '../../_shared/store/port'
import { toListItem } from '../access'

/** Staff: the surveys of their org and the orgs below it, newest change first, with response counts. */
export const list = defineAction({
  input: surveyListInput,
  access: 'staff',
  permission: 'survey.read',
  refusal: '你的角色不能查看问卷',
  async run(input, { store, caller, now }): Promise<SurveyListOutput> {
    const filters: Filter<Survey>[] = [where.has('orgPath', caller.staff.orgId)]
    if (input.status) filters.push(where.eq('status', input.status))
    const page = await store.collection('surveys').find({
      where: where.and(...filters),
      orderBy: [{ field: 'updatedAt', dir: 'desc' }],
      limit: input.limit,
      after: input.after ?? null,
    })
    const ids = page.items.filter((s) => s.status !== 'draft').map((s) => s._id)
    const tallies = ids.length ? (await store.collection('surveyTallies').find({ where: where.in('_id', ids), limit: 50 })).items : []
    const n = new Map(tallies.map((t) => [t._id, t.n]))
    const today = shanghaiDate(now())
    return {
      items: page.items.map((s) => toListItem(s, today, s.status === 'draft' ? null : (n.get(s._id) ?? 0))),
      next: page.next,
    }
  },
})
