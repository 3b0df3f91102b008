import { type CaseView, ledgerFollowUpInput } from '../../_shared/contracts/intent'
import type { Case } from '../../_shared/domain/case'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { CASE_WRITE, changeCase, dayInstant, loadCase, newFollowUp, stageEntry } from '../../_shared/application/case'
import { caseNotices } from '../../_shared/application/notices'

const MAX_FOLLOW_UPS = 500

/**
 * Records a follow-up. The first one-on-one guidance moves a registered case to 已指导 and, when
 * the resident asked for help, counts once toward `guided` (帮扶覆盖率) at the guidance date.
 * The latest follow-up's next date is the case's next date ('' clears it).
 */
export const addFollowUp = defineAction({
  input: ledgerFollowUpInput,
  ...CASE_WRITE,
  async run(input, ctx): Promise<CaseView> {
    const caller = ctx.caller
    if (input.date > shanghaiDate(ctx.now())) throw validation([{ path: 'date', message: '跟进日期不能晚于今天' }])
    const intent = await loadCase(ctx, input.id)
    let project: { id: string; title: string } | null = null
    if (input.kind === 'project' && input.projectId) {
      const p = await ctx.store.collection('projects').get(input.projectId)
      if (!p || p.status !== 'active' || !intent.communityPath.includes(p.orgId)) {
        throw validation([{ path: 'projectId', message: '这个项目已下架或不适用于该社区' }])
      }
      project = { id: p._id, title: p.title }
    }
    return changeCase(ctx, input.id, (c, at) => {
      if (c.followUps.length >= MAX_FOLLOW_UPS) throw conflict('跟进记录已达上限，请联系管理员')
      if (input.kind === 'mentor' && !c.mentor) throw validation([{ path: 'kind', message: '请先为这位居民安排创业导师' }])
      const { kind, date, note, outcome, visibleToResident, nextFollowUpDate } = input
      const mentorId = kind === 'mentor' ? (c.mentor?.id ?? null) : null
      const entry = { kind, date, note, outcome, visibleToResident, nextFollowUpDate, projectId: project?.id ?? null, projectTitle: project?.title ?? null, mentorId }
      const followUp = newFollowUp(entry, { byId: caller.staff._id, byName: caller.staff.name }, at)
      const next: Case = { ...c, followUps: [...c.followUps, followUp], nextFollowUpDate: input.nextFollowUpDate }
      if (input.kind === 'guidance' && !c.guidedAt) {
        const guidedAt = dayInstant(input.date)
        next.guidedAt = guidedAt.toISOString()
        if (c.stage === 'registered') {
          next.stage = 'guided'
          next.stageHistory = [...c.stageHistory, stageEntry('guided', at, caller.staff, '一对一创业指导')]
        }
      }
      return next
    }, caseNotices)
  },
})
