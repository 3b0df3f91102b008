import { ledgerListInput, type LedgerListOutput } from '../../_shared/contracts/intent'
import type { Intent } from '../../_shared/domain/intent'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { CASE_REFUSED, toLedgerRow } from '../../_shared/application/case'
import { ledgerFilters, scopeFilter } from '../scope'

/** The ledger: cases in the caller's scope, newest first, filtered, keyset-paged, masked. */
export const list = defineAction({
  input: ledgerListInput,
  access: 'staff',
  permission: 'intent.read',
  refusal: CASE_REFUSED['intent.read'],
  async run(input, ctx): Promise<LedgerListOutput> {
    const caller = ctx.caller
    const today = shanghaiDate(ctx.now())
    const { filter } = await scopeFilter(ctx, caller, input.communityId)
    const page = await ctx.store.collection('intents').find({
      where: where.and<Intent>(filter, ...ledgerFilters(input, today)),
      orderBy: [{ field: 'createdAt', dir: 'desc' }],
      limit: input.limit,
      after: input.after ?? null,
    })
    return { items: page.items.map((i) => toLedgerRow(i, today)), next: page.next }
  },
})
