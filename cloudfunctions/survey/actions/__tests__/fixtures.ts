import type { SurveyDraftInput } from '../../../_shared/contracts/survey'
import type { SurveyTemplateKey } from '../../../_shared/domain/survey'
import { surveyTemplate } from '../../../_shared/domain/survey-templates'

/** A draft made from a built-in template, as the staff editor sends it. Harness clock: 2026-11-22. */
export function fromTemplate(key: SurveyTemplateKey, over: Partial<SurveyDraftInput> = {}): SurveyDraftInput {
  const t = surveyTemplate(key)
  return {
    template: t.key,
    title: t.title,
    kind: t.kind,
    period: '2026-Q4',
    opensOn: '2026-11-01',
    closesOn: '2026-12-20',
    intro: t.intro,
    dimensions: t.dimensions.map((d) => ({ ...d })),
    questions: t.questions.map((q) => ({ ...q })),
    ...over,
  }
}
