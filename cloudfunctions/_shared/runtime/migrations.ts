import type { Contribution } from '../domain/counter'
import type { EventReach, EventRequest, EventSignup } from '../domain/event'
import { fourInOneOf, type Intent } from '../domain/intent'
import { type Benefit, inferBenefitKind, moneyContributions } from '../domain/money'
import { applyContributions } from './counters'
import { diffContributions } from '../domain/counter'
import type { Collections } from '../store/collections'
import { DuplicateIdError, type Store, where } from '../store/port'

/**
 * Data migrations, in order. Each is idempotent and recorded in `migrations` by name once
 * applied, so `npm start` (every local start) and the CloudBase set-up can both run them on
 * every deployment: a database already migrated costs one read per migration.
 */
interface Migration {
  name: string
  /**
   * Runs on every start / set-up even once recorded (a collection move: an instance still on
   * the old code may write to the old name during a deploy, and the next run moves it over).
   */
  repeatable?: boolean
  /** Applies the change; resolves how many documents it changed. */
  run(store: Store<Collections>): Promise<number>
}

/** Collections renamed to the one convention (camelCase), old name → new name. */
export const RENAMED_COLLECTIONS = [
  ['event_signups', 'eventSignups'],
  ['event_requests', 'eventRequests'],
  ['event_reach', 'eventReach'],
] as const

/** The stores as they were before the renames: the old names, with the same document shapes. */
type Retired = { event_signups: EventSignup; event_requests: EventRequest; event_reach: EventReach }

/**
 * Moves every document of `from` into `to` (keeping its id and content) and removes it from
 * `from`. A document already under the new name is newer and is kept; the old copy is dropped.
 */
async function moveCollection(store: Store<Collections>, from: keyof Retired, to: keyof Collections): Promise<number> {
  const s = store as unknown as Store<Collections & Retired>
  let moved = 0
  for (;;) {
    // Always the first batch: each pass removes what it read, so the next starts afresh.
    let batch: (EventSignup | EventRequest | EventReach)[]
    try {
      batch = (await s.collection(from).find({ limit: 200 })).items
    } catch (err) {
      // A CloudBase environment set up after the rename never had the old collection.
      // An embedded store opened on a file that never had it does not know the name either.
      if (/COLLECTION_NOT_EXIST|unknown collection/.test(`${(err as { code?: unknown }).code ?? ''} ${String(err)}`)) return moved
      throw err
    }
    if (!batch.length) return moved
    for (const doc of batch) {
      try {
        await s.collection(to).insert(doc as never)
        moved++
      } catch (err) {
        if (!(err instanceof DuplicateIdError)) throw err
      }
      await s.collection(from).remove(doc._id)
    }
  }
}

/** A benefit as stored before kinds and fen: a category, whole yuan, a title line and a note. */
export interface LegacyBenefit {
  id: string
  policyId: string | null
  policyTitle: string
  category: string
  amount: number
  date: string
  note: string
  at: string
  byName: string
}

function isLegacy(b: unknown): b is LegacyBenefit {
  return typeof b === 'object' && b !== null && !('kind' in b) && 'amount' in b
}

/** What legacy benefits counted: `benefits_<category>` and `benefitAmount_<category>` (yuan), on every period. */
export function legacyBenefitContributions(list: readonly LegacyBenefit[]): Contribution[] {
  return list.map((b) => ({ date: b.date, inc: { [`benefits_${b.category}`]: 1, [`benefitAmount_${b.category}`]: b.amount } }))
}

/** The benefit a legacy line becomes: kind inferred from its words and category, yuan → fen, the line kept verbatim. */
export function migrateBenefit(b: LegacyBenefit): Benefit {
  return {
    id: b.id,
    policyId: b.policyId,
    policyTitle: b.policyTitle,
    kind: inferBenefitKind(`${b.policyTitle} ${b.note}`, b.category),
    amountFen: Math.round(b.amount * 100),
    date: b.date,
    approvedBy: '',
    documentNo: '',
    note: b.note,
    // Recorded before eligibility was checked: not judged, so not counted as an override.
    eligible: true,
    overrideReason: '',
    loanId: null,
    at: b.at,
    byName: b.byName,
    history: [],
    legacy: { category: b.category, amountYuan: b.amount, policyTitle: b.policyTitle, note: b.note },
  }
}

/**
 * Every case whose benefits are still legacy lines gets them in the new shape and `loans: []`,
 * each case in its own transaction with its counters moved from the legacy metrics to the new
 * ones (so the dashboards stay exact without waiting for a reconciliation). A case written
 * meanwhile (version moved) is read again.
 */
async function migrateBenefits(store: Store<Collections>): Promise<number> {
  let changed = 0
  for await (const batch of store.collection('intents').scan(undefined, 200)) {
    for (const doc of batch) {
      const raw = doc.benefits as unknown[]
      if (!raw.some(isLegacy) && doc.loans) continue
      const once = () => store.transaction(async (tx): Promise<boolean> => {
        const current = await tx.collection('intents').get(doc._id)
        if (!current) return true
        const list = current.benefits as unknown[]
        const legacy = list.filter(isLegacy)
        const benefits = list.map((b) => (isLegacy(b) ? migrateBenefit(b) : (b as Benefit)))
        const loans = current.loans ?? []
        const next: Intent = { ...current, benefits, loans, loanDueDate: current.loanDueDate ?? '' }
        const { _id: _ignored, ...set } = next
        const ok = await tx.collection('intents').update(current._id, { set }, where.eq('version', current.version))
        if (!ok) return false
        const groups = current.targetGroups
        const before = [...legacyBenefitContributions(legacy), ...moneyContributions(list.filter((b) => !isLegacy(b)) as Benefit[], loans, groups, fourInOneOf(current))]
        const after = moneyContributions(benefits, loans, groups, fourInOneOf(current))
        await applyContributions(tx, current.communityId, diffContributions(before, after))
        changed++
        return true
      })
      // A case written meanwhile (its version moved on) is read again.
      for (let attempt = 0; attempt < 5 && !(await once()); attempt++);
    }
  }
  return changed
}

const MIGRATIONS: readonly Migration[] = [
  {
    // Staff documents grant a role only with the server's marker (caller.ts). Accounts written
    // before the marker existed were all written by server code (seed, invitation binding);
    // anything carrying the client SDK's `_openid` stamp is left unmarked on purpose.
    name: '2026-12-staff-written-by-server',
    async run(store) {
      let changed = 0
      for await (const batch of store.collection('staff').scan(undefined, 200)) {
        for (const s of batch) {
          if (s.writtenBy === 'server' || Object.prototype.hasOwnProperty.call(s, '_openid')) continue
          if (await store.collection('staff').update(s._id, { set: { writtenBy: 'server' } })) changed++
        }
      }
      return changed
    },
  },
  {
    // One naming convention for collections (README, glossary): event_* → event*.
    name: '2026-12-event-collections-camelcase',
    repeatable: true,
    async run(store) {
      let moved = 0
      for (const [from, to] of RENAMED_COLLECTIONS) moved += await moveCollection(store, from, to)
      return moved
    },
  },
  {
    // Issue 22: a benefit has a kind from the seed's list and an amount in fen; cases carry loans.
    // Free-text lines become kinds where their words (and old category) name exactly one, else
    // `other`; the original line is kept in `legacy`, so nothing is lost.
    name: '2026-12-benefit-kinds-and-fen',
    run: migrateBenefits,
  },
]

export interface MigrationReport {
  applied: { name: string; changed: number }[]
  skipped: string[]
}

/** Applies every migration not yet recorded in this database. */
export async function runMigrations(store: Store<Collections>, now: () => Date = () => new Date()): Promise<MigrationReport> {
  const report: MigrationReport = { applied: [], skipped: [] }
  for (const m of MIGRATIONS) {
    const recorded = await store.collection('migrations').get(m.name)
    if (recorded && !m.repeatable) {
      report.skipped.push(m.name)
      continue
    }
    const changed = await m.run(store)
    if (recorded && changed === 0) {
      report.skipped.push(m.name)
      continue
    }
    if (!recorded) await store.collection('migrations').put({ _id: m.name, appliedAt: now().toISOString(), changed })
    report.applied.push({ name: m.name, changed })
  }
  return report
}
