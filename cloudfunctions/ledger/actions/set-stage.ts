import { type CaseView, ledgerStageInput } from '../../_shared/contracts/intent'
import { type Case, CASE_STAGE_LABELS } from '../../_shared/domain/case'
import { defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import { CASE_WRITE, changeCase, stageEntry } from '../../_shared/application/case'
import { caseNotices } from '../../_shared/application/notices'

/**
 * Moves a case to a stage (forward, back to correct a mistake, or 已结案), recording who, when
 * and why. Reaching 已培训 the first time counts once toward `trained`. 已创业 / 稳定经营 need a
 * venture on record; closing needs a reason.
 */
export const setStage = defineAction({
  input: ledgerStageInput,
  ...CASE_WRITE,
  async run(input, ctx): Promise<CaseView> {
    const caller = ctx.caller
    return changeCase(ctx, input.id, (c, at) => {
      if (c.stage === input.stage) throw validation([{ path: 'stage', message: `已经是“${CASE_STAGE_LABELS[input.stage]}”了` }])
      if ((input.stage === 'started' || input.stage === 'operating') && c.ventures.length === 0) {
        throw validation([{ path: 'stage', message: '请先在“创办情况”里登记企业或个体工商户' }])
      }
      if (input.stage === 'closed' && !input.note) throw validation([{ path: 'note', message: '结案请写明原因' }])
      const next: Case = {
        ...c,
        stage: input.stage,
        stageHistory: [...c.stageHistory, stageEntry(input.stage, at, caller.staff, input.note)],
      }
      if (input.stage === 'trained' && !c.trainedAt) next.trainedAt = at
      return next
    }, caseNotices)
  },
})
