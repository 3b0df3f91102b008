/**
 * Migration 2026-12-benefit-kinds-and-fen on a copy of the demo database laid out as the previous
 * version stored it: benefits as free-text lines (category, whole yuan), no loans, counters on the
 * old metrics. Every line comes out with a kind (inferred where unambiguous, else `other`), its
 * amount in fen and the original line kept; the counters move with it (recount drift 0); a second
 * run changes nothing.
 */
import { diffContributions } from '../../domain/counter'
import { fourInOneOf, type Case } from '../../domain/case'
import { inferBenefitKind, moneyContributions } from '../../domain/money'
import { applyContributions } from '../counters'
import { type LegacyBenefit, legacyBenefitContributions, runMigrations } from '../migrations'
import { reconcileCounters } from '../reconcile'
import { demoCopy } from '../../testing/demo-copy'

const NAME = '2026-12-benefit-kinds-and-fen'

describe('benefit kinds and fen', () => {
  const demo = demoCopy('benefits')

  it('infers a kind only when the words and old category name exactly one', () => {
    expect(inferBenefitKind('创业扶持政策 ', 'startup_subsidy')).toBe('startup_subsidy')
    expect(inferBenefitKind('场租补贴 已到账', null)).toBe('rent_subsidy')
    expect(inferBenefitKind('创业担保贷款贴息', 'guaranteed_loan')).toBe('other')
    expect(inferBenefitKind('一次性创业补贴', 'rent_subsidy')).toBe('other')
    expect(inferBenefitKind('孵化基地免租', 'incubation')).toBe('other')
    expect(inferBenefitKind('街道慰问', null)).toBe('other')
  })

  it('migrates every legacy line of the demo database, moves the counters with it, and a rerun does nothing', async () => {
    const { store } = await demo.seed({ now: new Date('2026-11-22T02:00:00Z') })
    // Lay the cases out as the previous version stored them: legacy lines, no loans, old counters.
    const legacyOf = new Map<string, LegacyBenefit[]>()
    const titles = ['创业扶持政策', '场租补贴', '创业担保贷款贴息', '街道慰问金']
    let n = 0
    for await (const batch of store.collection('cases').scan(undefined, 200)) {
      for (const i of batch) {
        const legacy: LegacyBenefit[] = i.benefits.map((b) => ({
          id: b.id, policyId: b.policyId, policyTitle: titles[n++ % titles.length], category: b.kind === 'interest_subsidy' || b.kind === 'other' ? 'guaranteed_loan' : b.kind,
          amount: Math.round(b.amountFen / 100), date: b.date, note: b.note, at: b.at, byName: b.byName,
        }))
        legacyOf.set(i._id, legacy)
        await store.transaction(async (tx) => {
          const { loans: _l, loanDueDate: _d, ...rest } = i
          const old = { ...rest, benefits: legacy } as unknown as Case
          await tx.collection('cases').put(old)
          const now = moneyContributions(i.benefits, i.loans ?? [], i.targetGroups, fourInOneOf(i))
          await applyContributions(tx, i.communityId, diffContributions(now, legacyBenefitContributions(legacy)))
        })
      }
    }
    const total = [...legacyOf.values()].reduce((k, l) => k + l.length, 0)
    expect(total).toBeGreaterThan(20)
    await store.close()

    const reopened = demo.reopen()
    // A bulk path: every case's benefits rewritten, and no resident is told of any of it.
    const told = [await reopened.collection('inbox').count(), await reopened.collection('noticeDeliveries').count()]
    const first = await runMigrations(reopened)
    expect([await reopened.collection('inbox').count(), await reopened.collection('noticeDeliveries').count()]).toEqual(told)
    expect(first.applied.find((m) => m.name === NAME)?.changed).toBe(legacyOf.size)
    for await (const batch of reopened.collection('cases').scan(undefined, 200)) {
      for (const i of batch) {
        const legacy = legacyOf.get(i._id) ?? []
        expect(i.loans).toEqual([])
        expect(i.benefits.map((b) => [b.id, b.amountFen, b.date, b.legacy])).toEqual(
          legacy.map((l) => [l.id, l.amount * 100, l.date, { category: l.category, amountYuan: l.amount, policyTitle: l.policyTitle, note: l.note }]),
        )
        expect(i.benefits.map((b) => b.kind)).toEqual(legacy.map((l) => inferBenefitKind(`${l.policyTitle} ${l.note}`, l.category)))
      }
    }
    const kinds = new Set<string>()
    for await (const batch of reopened.collection('cases').scan(undefined, 200)) for (const i of batch) for (const b of i.benefits) kinds.add(b.kind)
    expect(kinds.has('other')).toBe(true)
    expect(kinds.size).toBeGreaterThan(2)
    // The counters moved with the cases: nothing to repair, no legacy metric left.
    const recount = await reconcileCounters(reopened, { repair: false })
    expect(recount.drift).toEqual([])
    const second = await runMigrations(reopened)
    expect(second.skipped).toContain(NAME)
    await reopened.close()
  })
})
