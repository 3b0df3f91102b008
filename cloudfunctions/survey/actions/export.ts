import { type SurveyExport, surveyIdInput } from '../../_shared/contracts/survey'
import { computeIndex, type SurveyResponse, surveyState } from '../../_shared/domain/survey'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { loadSurveyInScope, PERMISSION_MESSAGES } from '../access'
import { surveyWorkbook } from '../xlsx'

/**
 * The survey as an .xlsx workbook (index, per-question distribution, anonymous answers, comments),
 * returned base64 so both transports carry it; audited as an export.
 */
export const exportSurvey = defineAction({
  input: surveyIdInput,
  access: 'staff',
  permission: 'survey.export',
  refusal: PERMISSION_MESSAGES['survey.export'],
  audit: 'export',
  target: (input) => input.id,
  async run({ id }, ctx): Promise<SurveyExport> {
    const survey = await loadSurveyInScope(ctx, id)
    const tally = await ctx.store.collection('surveyTallies').get(survey._id)
    const responses: SurveyResponse[] = []
    for await (const batch of ctx.store.collection('surveyResponses').scan(where.eq<SurveyResponse>('surveyId', survey._id), 500)) {
      responses.push(...batch)
    }
    const today = shanghaiDate(ctx.now())
    const buffer = await surveyWorkbook(survey, surveyState(survey, today), computeIndex(survey, tally), responses)
    const safeTitle = survey.title.replace(/[\\/:*?"<>|\s]+/g, '')
    return {
      filename: `${safeTitle}-${survey.orgName}-${survey.period}.xlsx`,
      base64: buffer.toString('base64'),
      bytes: buffer.length,
    }
  },
})
