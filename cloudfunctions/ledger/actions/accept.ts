import { type CaseView, intentIdInput } from '../../_shared/contracts/intent'
import { defineAction } from '../../_shared/runtime/action'
import { CASE_WRITE, changeCase, loadCase, projectTitles, toCaseView } from '../../_shared/application/case'
import { caseNotices } from '../../_shared/application/notices'

/** 受理: staff take the registration on; from then on only staff change it. Accepting twice is harmless. */
export const accept = defineAction({
  input: intentIdInput,
  ...CASE_WRITE,
  async run({ id }, ctx): Promise<CaseView> {
    const intent = await loadCase(ctx, id)
    if (intent.status !== 'pending') {
      return toCaseView(intent, ctx.caller, ctx.now(), await projectTitles(ctx.store, intent.projectInterestIds))
    }
    return changeCase(ctx, id, (current) => current, caseNotices)
  },
})
