import type { ScoreLevel } from '@shared/domain/review-rubric'
import type { AwardInput, DefineRubricInput, ScoreInput, DraftInput, ExtendInput, RecordCallInput, RevokeInput, SpotCheckInput } from '@shared/contracts/evaluation'
import type { DeadlineKey } from '@shared/domain/evaluation'
import type { EvaluationDeadlines } from '@shared/domain/evaluation'
import { call } from '../core/cloud'


export const listApplications = (year: number) => call('evaluation', 'list', { year })
export const getApplication = (id: string) => call('evaluation', 'get', { id })
export const draftApplication = (input: DraftInput) => call('evaluation', 'draft', input)
export const submitApplication = (id: string, version: number) => call('evaluation', 'submit', { id, version })
export const reviewApplication = (id: string, version: number, decision: 'pass' | 'return', opinion: string) => call('evaluation', 'review', { id, version, decision, opinion })
export const certifyApplication = (id: string, version: number, decision: 'certify' | 'reject', opinion: string) => call('evaluation', 'certify', { id, version, decision, opinion })
export const spotCheck = (input: SpotCheckInput) => call('evaluation', 'spotCheck', input)
export const drawSample = (id: string, seed: string, size: number) => call('evaluation', 'sample', { id, seed, size })
export const recordCall = (input: RecordCallInput) => call('evaluation', 'recordCall', input)
export const revealSampledPhone = (id: string, intentId: string) => call('evaluation', 'revealPhone', { id, intentId })
export const selectApplication = (id: string, version: number, opinion: string) => call('evaluation', 'select', { id, version, opinion })
export const evaluationRanking = (year: number) => call('evaluation', 'ranking', { year })
export const evaluationDeadlines = (year: number, set?: EvaluationDeadlines) => call('evaluation', 'deadlines', { year, set })
export const applicationDocuments = (id: string) => call('evaluation', 'documents', { id })
export const extendDeadline = (input: ExtendInput) => call('evaluation', 'extend', input)
export const reopenApplication = (id: string, reason: string) => call('evaluation', 'reopen', { id, reason })
export const awardTitle = (input: AwardInput) => call('evaluation', 'award', input)
export const awardCertificate = (id: string) => call('evaluation', 'certificate', { id })
export const revokeTitle = (input: RevokeInput) => call('evaluation', 'revoke', input)
export const reviewRubric = (year: number, districtId?: string) => call('evaluation', 'rubric', districtId ? { year, districtId } : { year })
export const defineRubric = (input: DefineRubricInput) => call('evaluation', 'defineRubric', input)
export const closeRubric = (year: number, closed: boolean) => call('evaluation', 'closeRubric', { year, closed })
export const scoreSheet = (communityId: string, year: number) => call('evaluation', 'scoreSheet', { communityId, year })
export const scoreCommunity = (input: ScoreInput) => call('evaluation', 'score', input)
export const reopenScore = (communityId: string, year: number, level: ScoreLevel, reason: string) => call('evaluation', 'reopenScore', { communityId, year, level, reason })
export const scoreRanking = (year: number) => call('evaluation', 'scoreRanking', { year })
export const remindBehind = (year: number, step?: DeadlineKey) => call('evaluation', 'remindBehind', { year, step })
