import { reopenInput } from '../../_shared/contracts/evaluation'
import { EDITABLE_STATUSES } from '../../_shared/domain/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { conflict } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import type { EvaluationApplication } from '../../_shared/domain/evaluation'
import { historyEntry, deadlinesFor, loadApplication, toView, evaluationWrite } from '../application'

/**
 * The city reopens an application: whatever step it had reached, it goes back to its community
 * (status `returned`) to be changed and resubmitted, with the reason on its history. A community
 * named and not revoked must have the title withdrawn first.
 */
export const reopen = defineAction({
  input: reopenInput,
  ...evaluationWrite('evaluation.manage'),
  async run({ id, reason }, ctx) {
    const caller = ctx.caller
    const app = await loadApplication(ctx, caller, id)
    if (EDITABLE_STATUSES.includes(app.status)) throw conflict('申报已在社区手里，可以直接修改提交，不需要重新打开')
    if (app.award && !app.revocation) throw conflict(`已命名授牌（${app.award.documentNo}），请先撤销命名再重新打开`)
    const entry = historyEntry(ctx, caller, 'reopen', 'returned', reason, await deadlinesFor(ctx.store, app.year, app.communityId))
    const set: Partial<EvaluationApplication> = { status: 'returned', history: [...app.history, entry], updatedAt: entry.at }
    if (!(await ctx.store.collection('evaluations').update(id, { set, inc: { version: 1 } }, where.eq<EvaluationApplication>('version', app.version)))) {
      throw conflict('申报已被他人修改，请刷新后再试')
    }
    return toView(ctx, caller, { ...app, ...set, version: app.version + 1 })
  },
})
