import type { SurveyAnswerInput, SurveyDraftInput, SurveyListInput } from '@shared/contracts/survey'
import { call } from '../core/cloud'
import { type SendOptions, sendReliably } from '../core/outbox'

export { openSurveys } from './open'

export function getSurvey(id: string) {
  return call('survey', 'get', { id })
}

/**
 * Sends (or replaces) my answer through the outbox: one request id for every retry after a
 * dropped connection, so the server applies it once (`onWaiting`: show "已保存，正在发送…").
 */
export function answerSurvey(input: Omit<SurveyAnswerInput, 'requestId'>, options: SendOptions = {}) {
  return sendReliably(`survey.${input.id}`, input, (data, requestId) => call('survey', 'answer', { ...data, requestId }), options)
}

export function surveyResults(id: string, commentsAfter?: string | null) {
  return call('survey', 'results', { id, commentsAfter: commentsAfter ?? null })
}

/** Staff: surveys of my org and below. */
export function listSurveys(input: SurveyListInput) {
  return call('survey', 'list', input)
}

/** Staff: creates (no id) or updates (id + version) a draft survey. */
export function saveSurvey(draft: SurveyDraftInput) {
  return call('survey', 'save', draft)
}

export function publishSurvey(id: string) {
  return call('survey', 'publish', { id })
}

export function closeSurvey(id: string) {
  return call('survey', 'close', { id })
}

export function exportSurvey(id: string) {
  return call('survey', 'export', { id })
}

/** The published 市民创业状况调查 of a year: the city's figure, or a district's or street's. */
export function censusResults(input: { orgId?: string; year?: number }) {
  return call('survey', 'census', input)
}
