import { type CaseView, intentIdInput } from '../../_shared/contracts/intent'
import { defineAction } from '../../_shared/runtime/action'
import { CASE_REFUSED, loadCase, projectTitles, toCaseView } from '../../_shared/application/case'

/** A case in full for staff in scope: answers, timeline, follow-ups, ventures, benefits; identifiers masked. */
export const get = defineAction({
  input: intentIdInput,
  access: 'staff',
  permission: 'intent.read',
  refusal: CASE_REFUSED['intent.read'],
  async run({ id }, ctx): Promise<CaseView> {
    const intent = await loadCase(ctx, id)
    return toCaseView(intent, ctx.caller, ctx.now(), await projectTitles(ctx.store, intent.projectInterestIds))
  },
})
