/**
 * Every variant of every staff list (work-queues.ts), for a community and for an office above it,
 * seeks on a declared index that also yields its whole order, the `_id` tie-break included, and
 * on its owner (the community, the office's path, the leader) (store/index-fit.ts): on CloudBase
 * anything less reads or sorts every sought case, complaint or event of a district, or of the
 * city, to return one page. The ops drive (ops-index-fit.test.ts) calls each action
 * once; this covers the inputs it does not (each gap list, filter, box and scope).
 */
import { GAP_KINDS, type LedgerFilter } from '../../contracts/intent'
import type { Case } from '../../domain/case'
import type { Feedback } from '../../domain/feedback'
import type { LeaderPairing } from '../../domain/pairing'
import type { Policy } from '../../domain/policy'
import { indexFit } from '../../store/index-fit'
import { type IndexDeclaration, INDEXES } from '../../store/indexes'
import { where } from '../../store/port'
import { type EventWhen, feedbackQuery, type FeedbackSelection, gapQuery, ledgerQuery, loanDueQuery, pairingQuery, type Query, reportQuery, staffEventQuery, surveyQuery } from '../work-queues'

const TODAY = '2026-12-06'
const NOW = new Date('2026-12-06T02:00:00.000Z')

/** `label: index` when the query seeks on an index that yields its order; what is wrong otherwise. */
function fitOf<T>(indexes: readonly IndexDeclaration<T>[], label: string, q: Query<T>): string {
  const fit = indexFit(indexes, q.where, q.orderBy)
  if (fit.kind !== 'index') return `${label}: ${fit.kind === 'id' ? 'by id' : 'reads the whole collection'}`
  if (!fit.sorted) return `${label}: sorted in memory after ${fit.index}`
  return fit.ownersMissed.length ? `${label}: ${fit.index} does not seek on ${fit.ownersMissed.join(' / ')}` : `${label}: ok`
}

const scopes = {
  community: where.eq<Case>('communityId', 'c-jinsha'),
  office: where.has<Case>('communityPath', 'd-qingyang'),
}

describe('the staff lists seek on an index that yields their order, for a community and an office', () => {
  it('the ledger, each filter', () => {
    const filters: LedgerFilter[] = [
      { status: 'active' },
      { status: 'all', stage: 'started', need: 'loan', targetGroup: 'graduate', keyword: '张' },
      { status: 'pending', flag: 'overdue' },
      { status: 'withdrawn', flag: 'unguided' },
    ] as LedgerFilter[]
    const out = Object.entries(scopes).flatMap(([scope, f]) => filters.map((filter, i) => fitOf(INDEXES.cases, `${scope} ledger ${i}`, ledgerQuery(f, filter, TODAY))))
    expect(out.filter((l) => !l.endsWith(': ok'))).toEqual([])
  })

  it('each gap list and the loan reminders', () => {
    const policies = [{ targetGroups: ['graduate'] }, { targetGroups: [] }] as unknown as Policy[]
    const out = Object.entries(scopes).flatMap(([scope, f]) => [
      ...GAP_KINDS.filter((k) => k !== 'loanDue').flatMap((kind) => [policies, policies.slice(0, 1)].map((p, i) => {
        const q = gapQuery(kind, f, TODAY, p)
        return q ? fitOf(INDEXES.cases, `${scope} ${kind} ${i}`, q) : `${scope} ${kind}: no query`
      })),
      fitOf(INDEXES.cases, `${scope} loanDue`, loanDueQuery(f, TODAY)),
    ])
    expect(out.filter((l) => !l.endsWith(': ok'))).toEqual([])
  })

  it('feedback: the inbox, each selection', () => {
    const selections: FeedbackSelection[] = [{}, { kind: 'consultation' }, { status: 'received' }, { overdue: true }, { due: true }, { due: true, kind: 'suggestion' }, { assigneeId: 's1' }]
    const fscopes = { community: where.eq<Feedback>('communityId', 'c-jinsha'), office: where.has<Feedback>('communityPath', 'd-qingyang') }
    const out = Object.entries(fscopes).flatMap(([scope, f]) => selections.map((sel, i) => fitOf(INDEXES.feedback, `${scope} feedback ${i}`, feedbackQuery(f, sel, TODAY))))
    expect(out.filter((l) => !l.endsWith(': ok'))).toEqual([])
  })

  it('events, surveys, reports and a leader’s pairings', () => {
    const out = [
      ...(['current', 'past', 'today'] as EventWhen[]).map((when) => fitOf(INDEXES.events, `events ${when}`, staffEventQuery('d-qingyang', when, NOW, TODAY))),
      ...[{}, { status: 'published' as const }, { closing: true }].map((sel, i) => fitOf(INDEXES.surveys, `surveys ${i}`, surveyQuery('d-qingyang', sel, TODAY))),
      ...(['inbox', 'sent', 'good'] as const).flatMap((box) => [false, true].map((unread) => fitOf(INDEXES.reports, `reports ${box} ${unread}`, reportQuery(box, 'd-qingyang', unread)))),
      ...[false, true].map((due) => fitOf<LeaderPairing>(INDEXES.pairings, `pairings ${due}`, pairingQuery('s1', TODAY, due))),
    ]
    expect(out.filter((l) => !l.endsWith(': ok'))).toEqual([])
  })
})
