import type { SurveyAnswerInput, SurveyDraftInput, SurveyListInput } from '@shared/contracts/survey'
import { call } from './cloud'

/** The surveys open to me and recent results of my community. */
export function openSurveys() {
  return call('survey', 'open', {})
}

export function getSurvey(id: string) {
  return call('survey', 'get', { id })
}

/** Sends (or replaces) my answer. */
export function answerSurvey(input: SurveyAnswerInput) {
  return call('survey', 'answer', input)
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
