/** Page URLs of the survey feature (kept beside `routes.ts` until the lead merges them). */
export const surveyRoutes = {
  /** The resident's answering flow; shows the results once the survey has closed. */
  answer: (id: string) => `/pages/survey/index?id=${encodeURIComponent(id)}`,
  staffList: '/staff/pages/surveys/index',
  /** A new survey from `template`, or the draft `id`. */
  edit: (target: { id: string } | { template: string }) =>
    'id' in target
      ? `/staff/pages/survey-edit/index?id=${encodeURIComponent(target.id)}`
      : `/staff/pages/survey-edit/index?template=${encodeURIComponent(target.template)}`,
  results: (id: string) => `/staff/pages/survey-results/index?id=${encodeURIComponent(id)}`,
} as const
