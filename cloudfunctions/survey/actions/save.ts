import { surveyDraftProblems, surveyDraftSchema, type SurveyView } from '../../_shared/contracts/survey'
import type { Survey } from '../../_shared/domain/survey'
import { CENSUS_TEMPLATE } from '../../_shared/domain/survey-templates'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, staffSave } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { where } from '../../_shared/store/port'
import { loadSurveyInScope, toView } from '../access'
import { ownedByCaller, saveOwnedEdit } from '../../_shared/application/owned-records'

/**
 * Creates a draft survey of the caller's org (usually from a template the client filled in), or
 * edits a draft. Once published the questions are fixed, because answers are counted per
 * question; a stale version is refused with 409.
 */
export const save = defineAction({
  input: surveyDraftSchema,
  ...staffSave('survey.write', '你的角色不能修改问卷'),
  async run(input, ctx): Promise<SurveyView> {
    const { store, caller } = ctx
    const now = ctx.now()
    const at = now.toISOString()
    const today = shanghaiDate(now)
    const { id, version, ...rest } = input
    // The status survey is the city's standard questionnaire: its questions and dimensions are the
    // template's whatever the form sent, so every community's answers add up to the city figure.
    const standard = rest.kind === 'census' || rest.template === 'census'
    const fields = standard
      ? { ...rest, kind: 'census' as const, template: 'census' as const, dimensions: CENSUS_TEMPLATE.dimensions, questions: CENSUS_TEMPLATE.questions }
      : rest
    const problems = surveyDraftProblems(fields)
    if (problems.length) throw validation(problems)
    const surveys = store.collection('surveys')
    if (!id) {
      const survey: Survey = {
        _id: newId('svy'),
        ...ownedByCaller(caller, at),
        ...fields,
        status: 'draft',
        publishedAt: '',
        closedAt: '',
      }
      await surveys.insert(survey)
      return toView(survey, caller, today)
    }
    const current = await loadSurveyInScope(ctx, id)
    if (current.status !== 'draft') throw conflict('问卷已发布，题目不能再改；如需调整，请关闭后新建一份')
    if (current.version !== version) throw conflict('问卷已被他人修改，请刷新后再改')
    const saved = await saveOwnedEdit(surveys, current, fields, { caller, at, stale: '问卷已被他人修改，请刷新后再改', onlyIf: where.eq<Survey>('status', 'draft') })
    return toView(saved, caller, today)
  },
})
