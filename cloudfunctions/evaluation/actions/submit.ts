import { submitInput } from '../../_shared/contracts/evaluation'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { deadlinesFor, loadApplication, takeStep, toView, evaluationWrite } from '../application'

/**
 * The community lead submits the application to the street. A first submission closes with the
 * apply deadline; one the street returned may come back until the street's own deadline.
 */
export const submit = defineAction({
  input: submitInput,
  ...evaluationWrite('evaluation.apply'),
  async run({ id, version }, ctx) {
    const caller = ctx.caller
    const app = await loadApplication(ctx, caller, id)
    if (app.communityId !== caller.org._id) throw conflict('只能提交本社区的申报')
    const deadlines = await deadlinesFor(ctx.store, app.year, app.communityId)
    const today = shanghaiDate(ctx.now())
    const closes = app.status === 'returned' ? deadlines.review : deadlines.apply
    if (today > closes) {
      throw conflict(
        app.status === 'returned'
          ? `退回的申报须在街道初评截止日（${closes}）前重新提交，现已过期，请联系市创建办延期`
          : `申报截止日（${closes}）已过，请联系市创建办延期`,
      )
    }
    const problems = []
    if (!app.form.contactName) problems.push({ path: 'form.contactName', message: '请填写联系人' })
    if (!app.form.contactPhone) problems.push({ path: 'form.contactPhone', message: '请填写联系电话' })
    if (app.report.summary.length < 10) problems.push({ path: 'report.summary', message: '请写好自评总结再提交' })
    if (problems.length) throw validation(problems, '申报还没有填完')
    return toView(ctx, caller, await takeStep(ctx, caller, app, 'submit', '', version))
  },
})
