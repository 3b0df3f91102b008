import { ledgerListInput, type LedgerListOutput } from '../../_shared/contracts/intent'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { toLedgerRow, caseStaff } from '../../_shared/application/case'
import { caseScope, ledgerQuery } from '../../_shared/application/work-queues'

/** The ledger: cases in the caller's scope, newest first, filtered, keyset-paged, masked. */
export const list = defineAction({
  input: ledgerListInput,
  ...caseStaff('intent.read'),
  async run(input, ctx): Promise<LedgerListOutput> {
    const today = shanghaiDate(ctx.now())
    const { filter } = await caseScope(ctx, ctx.caller, input.communityId)
    const page = await ctx.store.collection('cases').find({ ...ledgerQuery(filter, input, today), limit: input.limit, after: input.after ?? null })
    return { items: page.items.map((i) => toLedgerRow(i, today)), next: page.next }
  },
})
