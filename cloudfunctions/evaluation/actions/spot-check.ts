import { pageUrl } from '../../_shared/domain/pages'
import { spotCheckInput } from '../../_shared/contracts/evaluation'
import type { EvaluationApplication } from '../../_shared/domain/evaluation'
import type { InboxMessage } from '../../_shared/domain/inbox'
import type { Case } from '../../_shared/domain/case'
import { emptyTally, quarterOf } from '../../_shared/domain/survey'
import { SPOTCHECK_TEMPLATE, surveyFromTemplate } from '../../_shared/domain/survey-templates'
import { shanghaiDate } from '../../_shared/domain/time'
import type { Ctx } from '../../_shared/runtime/action'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { where } from '../../_shared/store/port'
import type { StaffCaller } from '../../_shared/application/figures-scope'
import { loadApplication, takeStep, toView, evaluationWrite } from '../application'

/**
 * The city's spot check of a certified community. `questionnaire` publishes the spot-check
 * survey to the community's residents (a survey of kind `spotcheck`, answered and tallied like
 * any other) and puts a message in the inbox of every resident on its ledger; `conclude` records
 * how the city checked and what it found, once the sample has been called and the questionnaire
 * sent, and moves the application to spot-checked.
 */
export const spotCheck = defineAction({
  input: spotCheckInput,
  ...evaluationWrite('evaluation.spotcheck'),
  async run(input, ctx) {
    const caller = ctx.caller
    const app = await loadApplication(ctx, caller, input.id)
    if (input.step === 'questionnaire') return toView(ctx, caller, await sendQuestionnaire(ctx, caller, app, input.closesOn))
    if (app.status !== 'certified') throw conflict('只有已认定、尚未完成抽查的社区可以完成抽查')
    if (!app.sample || !app.calls.length) throw conflict('请先抽样并完成电话回访')
    if (!app.surveyId) throw conflict('请先向社区居民发出抽查问卷')
    return toView(ctx, caller, await takeStep(ctx, caller, app, 'spotCheck', input.findings, input.version, { spotMethods: input.methods, spotFindings: input.findings }))
  },
})

async function sendQuestionnaire(ctx: Ctx, caller: StaffCaller, app: EvaluationApplication, closesOn: string): Promise<EvaluationApplication> {
  if (app.surveyId) return app
  if (app.status !== 'certified') throw conflict('只有已认定、尚未完成抽查的社区可以发抽查问卷')
  const now = ctx.now()
  const at = now.toISOString()
  const today = shanghaiDate(now)
  if (closesOn < today) throw validation([{ path: 'closesOn', message: '结束日期不能早于今天' }])
  const t = SPOTCHECK_TEMPLATE
  const survey = surveyFromTemplate(t, {
    _id: newId('svy'),
    org: { _id: app.communityId, path: app.communityPath, name: app.communityName },
    title: `${app.year} 年${t.title}`,
    period: quarterOf(today),
    opensOn: today,
    closesOn,
    status: 'published',
    closedAt: '',
    at,
    by: caller.staff._id,
    version: 1,
  })
  const next = await ctx.store.transaction(async (tx) => {
    const current = await tx.collection('evaluations').get(app._id)
    if (!current || current.version !== app.version) throw conflict('申报已被他人修改，请刷新后再试')
    await tx.collection('surveys').insert(survey)
    await tx.collection('surveyTallies').insert(emptyTally(survey))
    const set: Partial<EvaluationApplication> = { surveyId: survey._id, updatedAt: at }
    await tx.collection('evaluations').update(app._id, { set, inc: { version: 1 } })
    return { ...current, ...set, version: current.version + 1 }
  })
  // Residents on the ledger hear of it in their inbox; others find it on their survey list.
  const told = new Set<string>()
  const cases = where.and<Case>(where.eq('communityId', app.communityId), where.ne('status', 'withdrawn'))
  for await (const batch of ctx.store.collection('cases').scan(cases, 500)) {
    for (const i of batch) {
      // A case registered on a resident's behalf and not yet claimed has nobody in the app to tell.
      if (i.anonymisedAt || !i.residentId || told.has(i.residentId)) continue
      told.add(i.residentId)
      const message: InboxMessage = {
        _id: newId('msg'),
        residentId: i.residentId,
        kind: 'system',
        title: '市创建办邀请你填写抽查问卷',
        body: `市里正在抽查${app.communityName}的创业服务，请在 ${closesOn} 前花 1 分钟填写问卷，匿名填写。`,
        link: pageUrl('survey', { id: survey._id }),
        sourceId: survey._id,
        createdAt: at,
        readAt: null,
      }
      await ctx.store.collection('inbox').insert(message)
    }
  }
  return next
}
