/**
 * Survey kinds and their names: all a resident's home needs of the survey domain (its 请你评一评
 * card), apart from the scoring code in `survey.ts`, so the home's H5 chunk does not carry that.
 */

/**
 * What a survey measures: the environment, the community's services, or one promotion event —
 * the kinds staff create. `spotcheck` is the city's spot-check questionnaire, sent only by the
 * evaluation chain (`evaluation.spotCheck`).
 */
export const SURVEY_KINDS = ['environment', 'service', 'event', 'census'] as const
export type SurveyKind = (typeof SURVEY_KINDS)[number]
/** Every kind a stored survey can have. */
export type AnySurveyKind = SurveyKind | 'spotcheck'

export const SURVEY_KIND_LABELS: Record<AnySurveyKind, string> = {
  environment: '创业环境',
  service: '创业服务',
  event: '活动',
  census: '创业状况',
  spotcheck: '市级抽查',
}
