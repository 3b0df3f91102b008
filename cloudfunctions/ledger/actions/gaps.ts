import { type GapKind, type GapRow, type GapsOutput, ledgerGapsInput } from '../../_shared/contracts/intent'
import { type Case, NEED_LABELS } from '../../_shared/domain/case'
import type { Policy } from '../../_shared/domain/policy'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import { toLedgerRow, caseStaff } from '../../_shared/application/case'
import { caseScope, gapQuery, loanDueQuery, policiesInForce } from '../../_shared/application/work-queues'

const DAY_MS = 86_400_000

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

function reasonOf(kind: GapKind, i: Case, today: string, policies: readonly Policy[]): string {
  if (kind === 'unguided') {
    return `需要${i.needs.map((n) => NEED_LABELS[n]).join('、')}方面的帮助，登记 ${daysBetween(shanghaiDate(new Date(i.createdAt)), today)} 天了还没有一对一指导`
  }
  if (kind === 'overdue' || kind === 'due') {
    const late = daysBetween(i.nextFollowUpDate, today)
    return late > 0 ? `约定 ${i.nextFollowUpDate} 回访，已逾期 ${late} 天` : `约定今天（${i.nextFollowUpDate}）回访`
  }
  const fits = policies.filter((p) => !p.targetGroups.length || p.targetGroups.some((g) => i.targetGroups.includes(g))).map((p) => `“${p.title}”`)
  const shown = fits.slice(0, 2).join('、')
  const withdrawn = i.status === 'withdrawn' ? '（居民已撤回登记）' : ''
  return `符合${shown}${fits.length > 2 ? ` 等 ${fits.length} 项政策` : ''}，还没有享受记录${withdrawn}`
}

/**
 * Gap lists (帮扶缺口): active cases that asked for help with no one-on-one guidance yet; cases
 * whose planned follow-up date has passed (or is today: `due`); 应享未享 — entrepreneurs whose
 * groups match a published policy in force for their community, with no benefit they were
 * eligible for: the same cases 政策享受率 counts as 应享未享 and its drill-down lists. The queries
 * are `gapQuery`'s, which the workbench counts; and loans whose repayment or 贴息 claim falls due
 * within 30 days (or has passed).
 */
export const gaps = defineAction({
  input: ledgerGapsInput,
  ...caseStaff('intent.read'),
  async run(input, ctx): Promise<GapsOutput> {
    const today = shanghaiDate(ctx.now())
    const { filter, community } = await caseScope(ctx, ctx.caller, input.communityId)
    if (input.kind === 'loanDue') {
      // Reminders before a repayment or a 贴息 claim falls due (and those already past it).
      const page = await ctx.store.collection('cases').find({ ...loanDueQuery(filter, today), limit: input.limit, after: input.after ?? null })
      const items: GapRow[] = page.items.map((i) => {
        const due = i.loanDueDate ?? ''
        return {
          ...toLedgerRow(i, today),
          reason: due < today ? `贷款还款或贴息申领 ${due} 已到期 ${daysBetween(due, today)} 天` : `贷款还款或贴息申领 ${due} 到期，还有 ${daysBetween(today, due)} 天`,
        }
      })
      return { items, next: page.next }
    }

    let policies: Policy[] = []
    // 应享未享: eligibility depends on the community's own chain of policies, so one community at a time.
    if (input.kind === 'unbenefited') {
      if (!community) throw validation([{ path: 'communityId', message: '请先选择一个社区' }])
      policies = await policiesInForce(ctx, community, today)
    }
    const query = gapQuery(input.kind, filter, today, policies)
    if (!query) return { items: [], next: null }
    const page = await ctx.store.collection('cases').find({ ...query, limit: input.limit, after: input.after ?? null })
    return { items: page.items.map((i) => ({ ...toLedgerRow(i, today), reason: reasonOf(input.kind, i, today, policies) })), next: page.next }
  },
})
