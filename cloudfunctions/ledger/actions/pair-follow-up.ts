import { caseNotices } from '../../_shared/application/notices'
import { type CaseView, pairFollowUpInput } from '../../_shared/contracts/intent'
import { newFollowUp, projectTitles, toCaseView, writeCase } from '../../_shared/application/case'
import { addDays } from '../../_shared/application/work-queues'
import type { Case } from '../../_shared/domain/case'
import { PAIRING_FOLLOW_UP_DAYS, pairingId } from '../../_shared/domain/pairing'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { AppError, conflict, validation } from '../../_shared/runtime/errors'
import { PAIRING_WRITE } from './pairing-shared'

/**
 * A paired leader's follow-up on the case: added to the case's follow-ups marked as the leader's
 * (`byLeader`), and the pairing's next due date moves on, in one transaction. Only while the
 * caller's pairing with the case is active (403 otherwise, nothing written).
 */
export const pairFollowUp = defineAction({
  input: pairFollowUpInput,
  ...PAIRING_WRITE,
  async run(input, ctx): Promise<CaseView> {
    const caller = ctx.caller
    if (input.date > shanghaiDate(ctx.now())) throw validation([{ path: 'date', message: '跟进日期不能晚于今天' }])
    const at = ctx.now().toISOString()
    const saved = await ctx.store.transaction(async (tx) => {
      const pairing = await tx.collection('pairings').get(pairingId(input.caseId, caller.staff._id))
      if (!pairing?.active) throw new AppError('FORBIDDEN', '只有挂帮这位创业者的领导干部可以记录挂帮跟进', [{ path: 'caseId', message: '你没有在挂帮这位创业者' }])
      const current = await tx.collection('cases').get(input.caseId)
      if (!current) throw new AppError('NOT_FOUND', '这条登记不存在')
      if (current.status === 'withdrawn' || current.anonymisedAt) throw conflict('这条登记已撤回或已删除个人信息，不能再记录')
      const { kind, date, note, outcome, nextFollowUpDate } = input
      const followUp = newFollowUp({ kind, date, note, outcome, visibleToResident: false, nextFollowUpDate, byLeader: true }, { byId: caller.staff._id, byName: `${caller.staff.name}（挂帮）` }, at)
      // The community's own next-contact date stays theirs: a leader's visit does not move it.
      const next: Case = { ...current, followUps: [...current.followUps, followUp] }
      // The resident hears of a leader's visit as of any follow-up (caseNotices decides what is worth telling).
      const doc = await writeCase(tx, current, next, at, caseNotices)
      if (!doc) throw conflict('这条记录刚被别人修改过，请刷新后再试')
      const last = input.date > pairing.lastFollowUpOn ? input.date : pairing.lastFollowUpOn
      const dueOn = input.nextFollowUpDate || addDays(last, PAIRING_FOLLOW_UP_DAYS)
      await tx.collection('pairings').update(pairing._id, { set: { lastFollowUpOn: last, dueOn, updatedAt: at } })
      return doc
    })
    return toCaseView(saved, caller, ctx.now(), await projectTitles(ctx.store, saved.projectInterestIds))
  },
})
