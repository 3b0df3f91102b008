import {
  emptyTally,
  type Level,
  responseContributions,
  type Survey,
  type SurveyResponse,
  tallyDelta,
} from '../_shared/domain/survey'
import { applyCountedChange } from '../_shared/runtime/counters'
import type { Collections } from '../_shared/store/collections'
import type { TxStore } from '../_shared/store/port'

/**
 * Writes one resident's answer inside the caller's transaction: replaces their previous response
 * (same keyed-hash id), moves the survey's tally by the difference, and moves the org's period
 * counters by the difference, so a re-answer never counts twice. Returns whether it replaced one.
 */
export async function applyAnswer(
  tx: TxStore<Collections>,
  survey: Survey,
  responseId: string,
  levels: Level[],
  comments: SurveyResponse['comments'],
  today: string,
  lastRequest?: string,
): Promise<boolean> {
  const responses = tx.collection('surveyResponses')
  const previous = await responses.get(responseId)
  const inc = tallyDelta(survey.questions, previous?.levels ?? null, levels)
  const tallies = tx.collection('surveyTallies')
  if (Object.keys(inc).length && !(await tallies.update(survey._id, { inc }))) {
    // Published before tallies existed: start one from zero.
    const tally = emptyTally(survey)
    for (const [field, by] of Object.entries(inc)) tally[field] = Number(tally[field] ?? 0) + by
    await tallies.insert(tally)
  }
  const firstOn = previous?.firstOn ?? today
  const response: SurveyResponse = {
    _id: responseId,
    surveyId: survey._id,
    levels,
    comments,
    hasComment: comments.length > 0,
    firstOn,
    revisions: previous ? previous.revisions + 1 : 0,
    ...(lastRequest ? { lastRequest } : {}),
  }
  await responses.put(response)
  // Counted in the period of the first answer, so a later change adjusts the same documents.
  await applyCountedChange(
    tx,
    previous ? { orgId: survey.orgId, contributions: responseContributions(survey, previous) } : null,
    { orgId: survey.orgId, contributions: responseContributions(survey, response) },
  )
  return previous !== null
}
