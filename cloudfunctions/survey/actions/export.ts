import { type SurveyExport, surveyIdInput } from '../../_shared/contracts/survey'
import { computeIndex, type SurveyResponse, surveyState } from '../../_shared/domain/survey'
import { shanghaiDate } from '../../_shared/domain/time'
import { type ExportFiles, publishExport } from '../../_shared/files/export-files'
import { type Action, defineAction, staffWith } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { loadSurveyInScope, PERMISSION_MESSAGES } from '../access'
import { surveyWorkbook } from '../xlsx'

/**
 * The survey as an .xlsx workbook (index, per-question distribution, anonymous answers, comments),
 * handed over like every download (`FileRef`: a cloud file id on CloudBase, a link locally);
 * audited as an export.
 */
export const makeExportSurvey = (files: () => ExportFiles): Action<typeof surveyIdInput, SurveyExport> =>
  defineAction({
  input: surveyIdInput,
  ...staffWith('survey.export', PERMISSION_MESSAGES['survey.export']),
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
    const fileName = `${safeTitle}-${survey.orgName}-${survey.period}.xlsx`
    const { file } = await publishExport(files(), fileName, ctx.now(), async (stream) => {
      stream.end(buffer)
    })
    return { ...file, bytes: buffer.length }
  },
})
