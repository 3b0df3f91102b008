import { EVENT_METRICS, type EventReach, type EventRequest, type EventSignup } from '../domain/event'
import { type Contribution, type Counter, counterId, diffContributions, monthKeyed, MONTHLY_PREFIX, parseMonthKeyed, placementsOf } from '../domain/counter'
import { FEEDBACK_METRICS, FEEDBACK_STATUSES } from '../domain/feedback'
import { shanghaiDate } from '../domain/time'
import { applyContributions, dayInstant } from './counters'
import { BASELINE_PREFIX } from '../domain/indices'
import { countedPeriodsOf, periodKind } from '../domain/period'
import { rebuildSearchIndex } from '../application/search-index'
import { currentPathOf } from '../domain/pages'
import type { Keyring } from './keyring'
import { SEED_TARGET_YEAR, TARGET_SEEDS } from '../domain/target-seeds'
import { targetId, type TargetRecord } from '../domain/target'
import { fourInOneOf, type Case, type CaseSlot, intentContributions } from '../domain/case'
import { type Benefit, eligibleStockContributions, firstEnjoyedOn, inferBenefitKind, moneyContributions } from '../domain/money'
import type { PushDelivery } from '../domain/notify'
import type { DutyReport, DutyTask } from '../domain/duty'
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
  /** Needs the server's keys (it reads sealed values); skipped, and not recorded, without them. */
  needsKeyring?: boolean
  /** Applies the change; resolves how many documents it changed. */
  run(store: Store<Collections>, keyring: Keyring | null): Promise<number>
}

/**
 * Issue 24: resident pages left the main package for journey subpackages, so their routes changed
 * (`pages/event/index` → `pkg-event/pages/event/index`). Stored links are rewritten: inbox rows'
 * `link`, queued subscribe messages' `page` (WeChat opens it) and search entries' `url`. Links out of
 * reach (printed QR codes, share cards, sent messages) are redirected by the app (src/app.tsx).
 */
export async function migratePagePaths(store: Store<Collections>): Promise<number> {
  let changed = 0
  const fields = [
    ['inbox', 'link'],
    ['noticeDeliveries', 'page'],
    ['searchEntries', 'url'],
  ] as const
  for (const [name, field] of fields) {
    const col = store.collection(name)
    for await (const batch of col.scan(undefined, 200)) {
      for (const doc of batch) {
        const value = (doc as unknown as Record<string, unknown>)[field]
        const next = typeof value === 'string' ? currentPathOf(value) : null
        if (next === null) continue
        if (await col.update(doc._id, { set: { [field]: next } as never })) changed++
      }
    }
  }
  return changed
}

/** Collections renamed to the one convention (camelCase), old name → new name. */
export const RENAMED_COLLECTIONS = [
  ['event_signups', 'eventSignups'],
  ['event_requests', 'eventRequests'],
  ['event_reach', 'eventReach'],
] as const

/** A case's one name in storage (README glossary): the resident's registered intent is a case. */
export const CASE_COLLECTIONS = [
  ['intents', 'cases'],
  ['intentSlots', 'caseSlots'],
] as const

/** The stores as they were before the renames: the old names, with the same document shapes. */
type Retired = { event_signups: EventSignup; event_requests: EventRequest; event_reach: EventReach; intents: Case; intentSlots: CaseSlot }

/**
 * Moves every document of `from` into `to` (keeping its id and content) and removes it from
 * `from`. A document already under the new name is newer and is kept; the old copy is dropped.
 * Each document is written under the new name before it is removed from the old one, so a run
 * killed halfway loses nothing and the next run finishes the move.
 */
async function moveCollection(store: Store<Collections>, from: keyof Retired, to: keyof Collections): Promise<number> {
  const s = store as unknown as Store<Collections & Retired>
  let moved = 0
  for (;;) {
    // Always the first batch: each pass removes what it read, so the next starts afresh.
    let batch: { _id: string }[]
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

/** Moves each renamed collection in turn (`moveCollection`); how many documents moved. */
async function moveCollections(store: Store<Collections>, renames: readonly (readonly [keyof Retired, keyof Collections])[]): Promise<number> {
  let moved = 0
  for (const [from, to] of renames) moved += await moveCollection(store, from, to)
  return moved
}

/**
 * Sets each counter document's `feedbackIn_<status>` fields to a recount of the feedback items
 * (by arrival day, month and year documents): the stock `feedback.stats` reads instead of
 * counting items. Setting (not incrementing) makes a rerun after an interruption harmless.
 */
async function recountFeedbackStatus(store: Store<Collections>): Promise<number> {
  const want = new Map<string, Map<string, number>>()
  for await (const batch of store.collection('feedback').scan(undefined, 500)) {
    for (const f of batch) {
      const metric = FEEDBACK_METRICS.inStatus(f.status)
      for (const period of countedPeriodsOf(dayInstant(shanghaiDate(new Date(f.createdAt))))) {
        const id = counterId(f.communityId, period)
        const m = want.get(id) ?? new Map<string, number>()
        m.set(metric, (m.get(metric) ?? 0) + 1)
        want.set(id, m)
      }
    }
  }
  let changed = 0
  for (const [id, m] of want) {
    const set: Record<string, number> = {}
    for (const status of FEEDBACK_STATUSES) set[FEEDBACK_METRICS.inStatus(status)] = m.get(FEEDBACK_METRICS.inStatus(status)) ?? 0
    await setCounterFields(store, id, set)
    changed++
  }
  return changed
}

/** A counter document with no figures yet, from its id (`<orgId>:<period>`). */
function emptyCounter(id: string): Counter {
  const sep = id.lastIndexOf(':')
  return { _id: id, orgId: id.slice(0, sep), period: id.slice(sep + 1) }
}

/** Sets these figures on the counter `id`, made (empty but for them) when it is not there yet, in one transaction. */
async function setCounterFields(store: Store<Collections>, id: string, set: Record<string, number>): Promise<void> {
  await store.transaction(async (tx) => {
    if (await tx.collection('counters').update(id, { set })) return
    await tx.collection('counters').insert({ ...emptyCounter(id), ...set })
  })
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
  for await (const batch of store.collection('cases').scan(undefined, 200)) {
    for (const doc of batch) {
      const raw = doc.benefits as unknown[]
      if (!raw.some(isLegacy) && doc.loans) continue
      const once = () => store.transaction(async (tx): Promise<boolean> => {
        const current = await tx.collection('cases').get(doc._id)
        if (!current) return true
        const list = current.benefits as unknown[]
        const legacy = list.filter(isLegacy)
        const benefits = list.map((b) => (isLegacy(b) ? migrateBenefit(b) : (b as Benefit)))
        const loans = current.loans ?? []
        const next: Case = { ...current, benefits, loans, loanDueDate: current.loanDueDate ?? '' }
        const { _id: _ignored, ...set } = next
        const ok = await tx.collection('cases').update(current._id, { set }, where.eq('version', current.version))
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

/**
 * Sets every counter document's 政策享受率 mask stocks (`ent_m…` / `entb_m…`) to a recount of the
 * cases (`eligibleStockContributions`), fields no case counts any more set to 0. Setting (not
 * incrementing) makes a rerun harmless, and a database whose cases were written by this version
 * (the demo seed) comes out the same.
 */
async function recountEligibleStocks(store: Store<Collections>): Promise<number> {
  const want = new Map<string, Record<string, number>>()
  for await (const batch of store.collection('cases').scan(undefined, 200)) {
    for (const i of batch) {
      if (!i.startedAt) continue
      for (const c of eligibleStockContributions(i, shanghaiDate(new Date(i.startedAt)))) {
        for (const [metric, n] of Object.entries(c.inc)) {
          for (const [period, field] of placementsOf(metric, countedPeriodsOf(dayInstant(c.date)))) {
            const id = counterId(i.communityId, period)
            const m = want.get(id) ?? {}
            m[field] = (m[field] ?? 0) + n
            want.set(id, m)
          }
        }
      }
    }
  }
  const stale = new Map<string, Record<string, number>>()
  for await (const batch of store.collection('counters').scan(undefined, 500)) {
    for (const c of batch) {
      const fields = Object.keys(c).filter((k) => /^entb?_m\d+$/.test(parseMonthKeyed(k)?.metric ?? k))
      if (fields.length) stale.set(c._id, Object.fromEntries(fields.map((k) => [k, 0])))
    }
  }
  let changed = 0
  for (const id of new Set([...want.keys(), ...stale.keys()])) {
    const set = { ...stale.get(id), ...want.get(id) }
    await setCounterFields(store, id, set)
    changed++
  }
  return changed
}

/** Counter fields `moveMoneyToYearDocuments` recounts: money breakdowns and the 政策享受率 benefited stock. */
const isMovedMetric = (metric: string) => metric.startsWith(MONTHLY_PREFIX) || /^entb_m\d+$/.test(metric)

/**
 * Issue 22, every benefit and loan step within 2 reads + 3 writes: the money metrics (`mo_…`) and
 * the 政策享受率 benefited stock (`entb_m…`) leave the month documents for the year document (its
 * total and one field per month, `placementsOf`), and the unread `entrepreneursBenefited` goes.
 * Each counter document is rewritten in a transaction: the moved and dropped fields taken off,
 * the recount of the cases (`intentContributions`, the same function reconcile sums) set on. A
 * month document left with nothing but its ids is removed. A rerun comes out the same.
 * Run at deploy: a benefit recorded between the recount and the rewrite of its year document is
 * off until `npm run reconcile -- --repair` (the reconcile job) puts it right.
 */
export async function moveMoneyToYearDocuments(store: Store<Collections>): Promise<number> {
  const want = new Map<string, Record<string, number>>()
  for await (const batch of store.collection('cases').scan(undefined, 200)) {
    for (const i of batch) {
      for (const c of intentContributions(i)) {
        const periods = countedPeriodsOf(dayInstant(c.date))
        for (const [metric, n] of Object.entries(c.inc)) {
          if (!n || !isMovedMetric(metric)) continue
          for (const [period, field] of placementsOf(metric, periods)) {
            const id = counterId(i.communityId, period)
            const m = want.get(id) ?? {}
            m[field] = (m[field] ?? 0) + n
            want.set(id, m)
          }
        }
      }
    }
  }
  const stale = new Set<string>()
  const drop = (k: string) => k === 'entrepreneursBenefited' || isMovedMetric(parseMonthKeyed(k)?.metric ?? k)
  for await (const batch of store.collection('counters').scan(undefined, 500)) {
    for (const c of batch) if (Object.keys(c).some(drop)) stale.add(c._id)
  }
  let changed = 0
  for (const id of new Set([...stale, ...want.keys()])) {
    const set = want.get(id) ?? {}
    const wrote = await store.transaction(async (tx) => {
      const col = tx.collection('counters')
      const current = await col.get(id)
      const base: Counter = current ?? emptyCounter(id)
      const next: Counter = { _id: base._id, orgId: base.orgId, period: base.period }
      for (const [k, v] of Object.entries(base)) if (!(k in next) && !drop(k)) next[k] = v
      for (const [k, v] of Object.entries(set)) if (v !== 0) next[k] = v
      const same = current !== null && Object.keys(next).length === Object.keys(current).length && Object.entries(next).every(([k, v]) => current[k] === v)
      if (same) return false
      if (Object.keys(next).length <= 3) {
        if (current) await col.remove(id)
        return current !== null
      }
      await col.put(next)
      return true
    })
    if (wrote) changed++
  }
  return changed
}

/**
 * Issue 24, a sign-up within 5 writes: the event metrics (`EVENT_METRICS`) leave the month
 * documents for the year document's month parts (`m<MM>__<metric>`, `placementsOf`); the year's
 * totals are already there. Each month document is moved in one transaction with its year
 * document (its event fields added to the year's month parts, taken off the month document, a
 * month document left with nothing but its ids removed), so the figures every reader gets from
 * `seriesOf` are the same before, during and after (it adds a month document's field and the
 * year's month part together). Moving, not recounting: a drift the counters had stays for the
 * reconcile job to report, as before. Repeatable: an instance still on the old code during a
 * deploy may count a sign-up on a month document, and the next start or set-up moves it over.
 */
export async function moveEventCountsToYearDocuments(store: Store<Collections>): Promise<number> {
  const isEvent = (k: string) => (EVENT_METRICS as readonly string[]).includes(k)
  const months: string[] = []
  for await (const batch of store.collection('counters').scan(undefined, 500)) {
    for (const c of batch) if (periodKind(String(c.period)) === 'month' && Object.keys(c).some(isEvent)) months.push(c._id)
  }
  let changed = 0
  for (const id of months) {
    const moved = await store.transaction(async (tx) => {
      const col = tx.collection('counters')
      const month = await col.get(id)
      if (!month || !Object.keys(month).some(isEvent)) return false
      const period = String(month.period)
      const inc: Record<string, number> = {}
      const rest: Counter = { _id: month._id, orgId: month.orgId, period: month.period }
      for (const [k, v] of Object.entries(month)) {
        if (k in rest) continue
        if (!isEvent(k)) rest[k] = v
        else if (typeof v === 'number' && v !== 0) inc[monthKeyed(period, k)] = v
      }
      if (Object.keys(inc).length) {
        const yearId = counterId(month.orgId, period.slice(0, 4))
        if (!(await col.update(yearId, { inc }))) await col.insert({ _id: yearId, orgId: month.orgId, period: period.slice(0, 4), ...inc })
      }
      if (Object.keys(rest).length > 3) await col.put(rest)
      else await col.remove(id)
      return true
    })
    if (moved) changed++
  }
  return changed
}

/**
 * Writes the default targets (`TARGET_SEEDS`, each with the seed document it comes from) for every
 * city in the database that lacks them, as seed 001's year's records; a record an office has set
 * is never touched. Resolves how many it wrote.
 */
export async function seedDefaultTargets(store: Store<Collections>, now: Date = new Date()): Promise<number> {
  let written = 0
  const cities = (await store.collection('orgs').find({ where: where.eq('parentId', null), limit: 50 })).items.filter((o) => o.level === 'city')
  for (const city of cities) {
    for (const t of TARGET_SEEDS) {
      const doc: TargetRecord = {
        _id: targetId(SEED_TARGET_YEAR, city._id, t.index),
        index: t.index,
        orgId: city._id,
        orgPath: city.path,
        year: SEED_TARGET_YEAR,
        value: t.value,
        source: t.source,
        splitFrom: null,
        setBy: 'seed',
        setAt: now.toISOString(),
      }
      try {
        await store.collection('targets').insert(doc)
        written++
      } catch (err) {
        if (!(err instanceof DuplicateIdError)) throw err
      }
    }
  }
  return written
}

const MIGRATIONS: readonly Migration[] = [
  {
    // One name for a case (README glossary): intents → cases, intentSlots → caseSlots. First in
    // the list, so every later migration of an older database finds its cases under the new name;
    // repeatable, so what an instance still on the old code writes during a deploy is moved too.
    name: '2026-12-cases-collection',
    repeatable: true,
    run: (store) => moveCollections(store, CASE_COLLECTIONS),
  },
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
    run: (store) => moveCollections(store, RENAMED_COLLECTIONS),
  },
  {
    // feedback.stats counts by status from the counters (FEEDBACK_METRICS.inStatus) instead of
    // six counts per community: the stock is recounted once from the items.
    name: '2026-12-feedback-status-counters',
    run: recountFeedbackStatus,
  },
  {
    // Counters move month and year documents only; a quarter's counts are summed from its months
    // when read (domain/indices `seriesOf`). Quarter documents keep the baselines staff entered
    // for the quarter (`base_…`); their counts are dropped, and a document with nothing else left
    // is removed. Readers already ignore a quarter document's counts, so the order does not matter.
    name: '2026-12-quarter-counters-from-months',
    async run(store) {
      let changed = 0
      const quarters: Counter[] = []
      for await (const batch of store.collection('counters').scan(undefined, 500)) {
        for (const c of batch) if (periodKind(String(c.period)) === 'quarter') quarters.push(c)
      }
      for (const c of quarters) {
        const counts = Object.keys(c).filter((k) => typeof c[k] === 'number' && !k.startsWith(BASELINE_PREFIX))
        if (!counts.length) continue
        const kept: Counter = { _id: c._id, orgId: c.orgId, period: c.period }
        for (const [k, v] of Object.entries(c)) if (typeof v === 'number' && k.startsWith(BASELINE_PREFIX)) kept[k] = v
        if (Object.keys(kept).length > 3) await store.collection('counters').put(kept)
        else await store.collection('counters').remove(c._id)
        changed++
      }
      return changed
    },
  },
  {
    // Cases carry `phoneHash` (keyed per community) so a worker's 代登记 finds an existing case by
    // phone; cases written before it get theirs from their sealed phone.
    name: '2026-12-intent-phone-hash',
    needsKeyring: true,
    async run(store, keyring) {
      if (!keyring) return 0
      let changed = 0
      for await (const batch of store.collection('cases').scan(undefined, 200)) {
        for (const i of batch) {
          if (i.phoneHash !== undefined || !i.phoneSealed) continue
          const phoneHash = keyring.keyedHash('phone', i.communityId, keyring.decrypt(i.phoneSealed))
          if (await store.collection('cases').update(i._id, { set: { phoneHash } }, where.eq<Case>('version', i.version))) changed++
        }
      }
      return changed
    },
  },
  {
    // The search index (issue 23): every policy, guide, event, course, site and story already
    // on file gets its entry; from then on the actions that save them keep it current.
    name: '2026-12-search-index',
    run: (store) => rebuildSearchIndex(store, new Date().toISOString()),
  },
  {
    // Targets became data (issue 21): the seeds' targets are written for the city. Repeats, so a
    // city created after the first run (cloud:setup before the first org) gets them next time.
    name: '2026-12-targets-seeded',
    repeatable: true,
    run: (store) => seedDefaultTargets(store),
  },
  {
    // Issue 22: a benefit has a kind from the seed's list and an amount in fen; cases carry loans.
    // Free-text lines become kinds where their words (and old category) name exactly one, else
    // `other`; the original line is kept in `legacy`, so nothing is lost.
    name: '2026-12-benefit-kinds-and-fen',
    run: migrateBenefits,
  },
  {
    // Issue 24: the push funnel is counted on the push (`intentsAfter` / `benefitsAfter`) and
    // marked on each opened delivery, as `creditPushFunnel` keeps it from now on.
    name: '2026-12-push-funnel-counters',
    run: migratePushFunnel,
  },
  {
    name: '2026-12-page-paths-subpackages',
    run: migratePagePaths,
  },
  {
    // 政策享受率 from eligibility: entrepreneurs counted per target-group mask (ent_m… / entb_m…,
    // `eligibleStockContributions`), recounted from the cases and set on the counter documents.
    name: '2026-12-eligible-entrepreneur-stocks',
    run: recountEligibleStocks,
  },
  {
    // Issue 21 (督查): a task has a reporting schedule and an edit history; a progress report has
    // figures and attachments. Tasks stored before get none of each (no schedule: never late).
    name: '2026-12-duty-schedule-figures-edits',
    run: migrateDutyTasks,
  },
  {
    // Issue 22, a benefit or loan step within 2 reads + 3 writes: each case carries its
    // resident's 我的帮扶进展 switch (`caseNoticesOff`) instead of the write reading their settings.
    name: '2026-12-case-notice-switch-on-cases',
    run: copyNoticeSwitchesToCases,
  },
  {
    // Issue 22, an entrepreneur's first eligible benefit within 3 writes: money metrics and the
    // 政策享受率 benefited stock on the year document (with month parts), `entrepreneursBenefited` dropped.
    name: '2026-12-money-on-year-documents',
    run: moveMoneyToYearDocuments,
  },
  {
    // Issue 24, a sign-up within 4 reads + 5 writes: the event metrics' month parts on the year
    // document, so a sign-up moves one counter document (`placementsOf`, `yearKept`).
    name: '2026-12-event-counts-on-year-documents',
    repeatable: true,
    run: moveEventCountsToYearDocuments,
  },
  {
    // 应享未享 is one set of cases (the ledger's list, the workbench's count, 政策享受率's drill-down):
    // its query reads each case's first eligible benefit day, `enjoyedOn`. Repeatable: an instance
    // still on the old code during a deploy writes cases without updating it; the next run mends them.
    name: '2026-12-case-enjoyed-on',
    repeatable: true,
    run: setEnjoyedOn,
  },
]

/**
 * Gives every case `enjoyedOn`, the day of its first eligible benefit ('' with none), under its
 * version (bumped; a case written meanwhile is read again, and got the field from `writeCase`).
 * A rerun changes nothing.
 */
export async function setEnjoyedOn(store: Store<Collections>): Promise<number> {
  let changed = 0
  const col = store.collection('cases')
  for await (const batch of col.scan(undefined, 200)) {
    for (const stored of batch) {
      let c: Case | null = stored
      // A record without a version is not a case this code writes (a partial one): left alone.
      for (let tries = 0; c && typeof c.version === 'number' && tries < 5; tries++) {
        // A record stored without benefits has none.
        const enjoyedOn = firstEnjoyedOn(Array.isArray(c.benefits) ? c.benefits : [])
        if (c.enjoyedOn === enjoyedOn) break
        if (await col.update(c._id, { set: { enjoyedOn, version: c.version + 1 } }, where.eq<Case>('version', c.version))) {
          changed++
          break
        }
        c = await col.get(c._id)
      }
    }
  }
  return changed
}

/** Gives tasks stored before issue 21's 督查 gaps `schedule: null`, `edits: []` and each report `figures` / `attachments: []`. */
export async function migrateDutyTasks(store: Store<Collections>): Promise<number> {
  let changed = 0
  const col = store.collection('dutyTasks')
  for await (const batch of col.scan(undefined, 200)) {
    for (const stored of batch) {
      const t = stored as Partial<DutyTask> & { _id: string; reports: Partial<DutyReport>[] }
      const reportsBare = t.reports.some((r) => r.figures === undefined || r.attachments === undefined)
      if (t.schedule !== undefined && t.edits !== undefined && !reportsBare) continue
      const set: Partial<DutyTask> = {
        schedule: t.schedule ?? null,
        edits: t.edits ?? [],
        reports: t.reports.map((r) => ({ ...r, figures: r.figures ?? [], attachments: r.attachments ?? [] }) as DutyReport),
      }
      if (await col.update(t._id, { set })) changed++
    }
  }
  return changed
}

/**
 * Sets `caseNoticesOff` on the cases of every resident who turned 我的帮扶进展 off (each case under
 * its version, bumped). Residents with the kind on need nothing: absent means on. A rerun
 * changes nothing.
 */
export async function copyNoticeSwitchesToCases(store: Store<Collections>): Promise<number> {
  let changed = 0
  for await (const batch of store.collection('noticeSettings').scan(undefined, 200)) {
    for (const settings of batch) {
      if (!settings.off.includes('case')) continue
      for await (const cases of store.collection('cases').scan(where.eq<Case>('residentId', settings._id), 50)) {
        for (const c of cases) {
          if (c.caseNoticesOff === true) continue
          if (await store.collection('cases').update(c._id, { set: { caseNoticesOff: true, version: c.version + 1 } }, where.eq<Case>('version', c.version))) changed++
        }
      }
    }
  }
  return changed
}

/**
 * Counts each push's funnel once, the way `notify.pushStatus` used to on every call: of the
 * opened deliveries, whose resident then registered an intent, and who then got a benefit of
 * the pushed policy. Sets (not increments) the push's counters, so a rerun changes nothing.
 */
export async function migratePushFunnel(store: Store<Collections>): Promise<number> {
  let changed = 0
  for await (const pushes of store.collection('pushes').scan(undefined, 100)) {
    for (const push of pushes) {
      let intentsAfter = 0
      let benefitsAfter = 0
      const opened = where.and<PushDelivery>(where.eq('pushId', push._id), where.ne('openedAt', ''))
      for await (const batch of store.collection('pushDeliveries').scan(opened, 100)) {
        for (const d of batch) {
          const { items } = await store.collection('cases').find({ where: where.eq<Case>('residentId', d.residentId), limit: 20 })
          const intent = items.filter((i) => i.createdAt >= d.openedAt).map((i) => i.createdAt).sort()[0]
          const benefit = items.flatMap((i) => i.benefits).filter((b) => b.policyId === push.policyId && b.at >= d.openedAt).map((b) => b.at).sort()[0]
          if (intent) intentsAfter++
          if (benefit) benefitsAfter++
          const set: Partial<PushDelivery> = {}
          if (intent && d.intentAt === undefined) set.intentAt = intent
          if (benefit && d.benefitAt === undefined) set.benefitAt = benefit
          if (Object.keys(set).length) {
            await store.collection('pushDeliveries').update(d._id, { set })
            changed++
          }
        }
      }
      if (push.intentsAfter !== intentsAfter || push.benefitsAfter !== benefitsAfter) {
        await store.collection('pushes').update(push._id, { set: { intentsAfter, benefitsAfter } })
        changed++
      }
    }
  }
  return changed
}

export interface MigrationReport {
  applied: { name: string; changed: number }[]
  skipped: string[]
}

/** Applies every migration not yet recorded in this database. */
export async function runMigrations(store: Store<Collections>, now: () => Date = () => new Date(), keyring: Keyring | null = null): Promise<MigrationReport> {
  const report: MigrationReport = { applied: [], skipped: [] }
  for (const m of MIGRATIONS) {
    if (m.needsKeyring && !keyring) {
      // Left for a run that has the key (the local runtime always has it; cloud:setup with APP_SECRET).
      report.skipped.push(m.name)
      continue
    }
    const recorded = await store.collection('migrations').get(m.name)
    if (recorded && !m.repeatable) {
      report.skipped.push(m.name)
      continue
    }
    const changed = await m.run(store, keyring)
    if (recorded && changed === 0) {
      report.skipped.push(m.name)
      continue
    }
    if (!recorded) await store.collection('migrations').put({ _id: m.name, appliedAt: now().toISOString(), changed })
    report.applied.push({ name: m.name, changed })
  }
  return report
}
