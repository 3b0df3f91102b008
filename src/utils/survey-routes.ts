import { pageUrl } from '@shared/domain/pages'

/** Page URLs of the survey feature (kept beside `routes.ts` until the lead merges them). */
export const surveyRoutes = {
  /** The resident's answering flow; shows the results once the survey has closed. */
  answer: (id: string) => pageUrl('survey', { id }),
  staffList: pageUrl('staffSurveys'),
  /** A new survey from `template`, or the draft `id`. */
  edit: (target: { id: string } | { template: string }) => pageUrl('surveyEdit', target),
  results: (id: string) => pageUrl('surveyResults', { id }),
  /** The published 市民创业状况调查: the city, or one district or street. */
  census: (orgId?: string) => pageUrl('census', orgId ? { orgId } : {}),
} as const
