/**
 * What the `intent` (resident) and `ledger` (staff) functions share: views that never carry a
 * sealed value, scope checks, and the one way a case is changed (read, change, version-guarded
 * write and counter increments in one transaction).
 */
import { randomBytes } from 'node:crypto'
import type { CaseView, LedgerRow, MoneyPatch, MyCase } from '../contracts/intent'
import { type FollowUp, fourInOneOf, type Case, intentContributions, type CaseStage, isOverdue, type StageChange } from '../domain/case'
import { firstEnjoyedOn, LOAN_STEP_HINTS, loanStep } from '../domain/money'
import { isWithin } from '../domain/org'
import { can, type Permission } from '../domain/roles'
import { shanghaiDate } from '../domain/time'
import { admittedStaff, type Ctx, staffWith, staffWrite } from '../runtime/action'
import type { Caller } from '../runtime/caller'
import { applyCountedChange, type Counted } from '../runtime/counters'
import { conflict } from '../runtime/errors'
import { newId } from '../runtime/ids'
import { inScope, loadInScope } from '../runtime/scope'
import type { Collections } from '../store/collections'
import { type Store, type TxStore, where } from '../store/port'
import { type Notice, tellResident } from './notices'

// Noon in Shanghai on a date: where dated ventures and benefits are counted (defined beside the counters).
export { dayInstant } from '../runtime/counters'

/**
 * A new intent id that sorts by creation time (fixed-width base-36 milliseconds, then 72 random
 * bits), so an export can walk the primary key and still list the oldest registration first.
 */
export function intentId(now: Date): string {
  return `int_${now.getTime().toString(36).padStart(9, '0')}${randomBytes(9).toString('base64url')}`
}

/** Slot ids: an active registration's claim on its (community, ID number) and (community, resident). */
export function idCardSlotId(idCardHash: string): string {
  return `idc_${idCardHash}`
}
/** An active registration's claim on its (community, phone): `keyedHash('phone', communityId, phone)`. */
export function phoneSlotId(phoneHash: string): string {
  return `phn_${phoneHash}`
}
export function phoneHashOf(ctx: Pick<Ctx, 'keyring'>, communityId: string, phone: string): string {
  return ctx.keyring.keyedHash('phone', communityId, phone)
}
export function residentSlotId(ctx: Pick<Ctx, 'keyring'>, communityId: string, residentId: string): string {
  return `res_${ctx.keyring.keyedHash('intent-resident', communityId, residentId)}`
}

/** Titles of projects by id (missing ones are left out). */
export async function projectTitles(store: Store<Collections>, ids: readonly string[]): Promise<{ id: string; title: string }[]> {
  if (!ids.length) return []
  const page = await store.collection('projects').find({ where: where.in('_id', [...ids]), limit: ids.length })
  const byId = new Map(page.items.map((p) => [p._id, p.title]))
  return ids.filter((id) => byId.has(id)).map((id) => ({ id, title: byId.get(id) ?? '' }))
}

/** What the resident answered when registering (the case's own fields, no staff work). */
export function intentAnswers(i: Case) {
  return {
    name: i.name,
    gender: i.gender,
    ageBand: i.ageBand,
    education: i.education,
    household: i.household,
    targetGroups: i.targetGroups,
    familySituation: i.familySituation,
    skillLevel: i.skillLevel,
    certificates: i.certificates,
    industry: i.industry,
    projectDescription: i.projectDescription,
    projectPhase: i.projectPhase,
    needs: i.needs,
    fundingAmount: i.fundingAmount,
    contactTime: i.contactTime,
    projectInterestIds: i.projectInterestIds,
  }
}

/** What every view of a case starts with: the answers, its community and the masked identifiers. */
function caseIdentity(i: Case) {
  return {
    ...intentAnswers(i),
    _id: i._id,
    communityId: i.communityId,
    communityName: i.communityName,
    phoneMasked: i.phoneMasked,
    idCardMasked: i.idCardMasked,
  }
}

/** The resident's own view: masked identifiers, the timeline, and only follow-ups marked for them. */
export function toMyCase(i: Case, interests: { id: string; title: string }[]): MyCase {
  return {
    ...caseIdentity(i),
    status: i.status,
    stage: i.stage,
    editable: i.status === 'pending',
    mentor: i.mentor ?? null,
    timeline: i.stageHistory.map((s) => ({ stage: s.stage, at: s.at, note: s.note })),
    followUps: i.followUps
      .filter((f) => f.visibleToResident)
      .map((f) => ({
        id: f.id,
        kind: f.kind,
        date: f.date,
        note: f.note,
        outcome: f.outcome,
        nextFollowUpDate: f.nextFollowUpDate,
        projectTitle: f.projectTitle,
      })),
    ventures: i.ventures.map((v) => ({
      id: v.id,
      name: v.name,
      kind: v.kind,
      registrationDate: v.registrationDate,
      jobsCreated: v.jobsCreated,
      status: v.status,
      closureDate: v.closureDate,
    })),
    benefits: i.benefits.map((b) => ({ id: b.id, policyTitle: b.policyTitle, kind: b.kind, amountFen: b.amountFen, date: b.date })),
    loans: (i.loans ?? []).map((l) => {
      const last = l.steps.at(-1)
      return {
        id: l.id,
        policyTitle: l.policyTitle,
        step: loanStep(l),
        date: last?.date ?? '',
        hint: LOAN_STEP_HINTS[loanStep(l)],
        steps: l.steps.map((s) => ({ step: s.step, date: s.date, amountFen: s.amountFen })),
      }
    }),
    projectInterests: interests,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    version: i.version,
  }
}

/** A ledger row: masked identifiers only, never a sealed value. */
export function toLedgerRow(i: Case, today: string): LedgerRow {
  return {
    _id: i._id,
    name: i.name,
    phoneMasked: i.phoneMasked,
    idCardMasked: i.idCardMasked,
    gender: i.gender,
    ageBand: i.ageBand,
    education: i.education,
    household: i.household,
    targetGroups: i.targetGroups,
    industry: i.industry,
    needs: i.needs,
    fundingAmount: i.fundingAmount,
    contactTime: i.contactTime,
    communityName: i.communityName,
    status: i.status,
    stage: i.stage,
    createdAt: i.createdAt,
    guidedAt: i.guidedAt,
    nextFollowUpDate: i.nextFollowUpDate,
    overdue: i.status !== 'withdrawn' && isOverdue(i.nextFollowUpDate, today),
    followUpCount: i.followUps.length,
    ventureCount: i.ventures.length,
    jobsCreated: i.ventures.reduce((n, v) => n + v.jobsCreated, 0),
    benefitCount: i.benefitCount,
    onBehalf: Boolean(i.registeredBy),
    claimed: Boolean(i.registeredBy && i.residentId),
  }
}

/** May this staff caller change cases of `communityPath`? */
export function mayWrite(caller: Caller, communityPath: readonly string[]): boolean {
  return caller.kind === 'staff' && can(caller.staff.role, 'intent.write') && isWithin(communityPath, caller.staff.orgId)
}

export function toCaseView(i: Case, caller: Caller, now: Date, interests: { id: string; title: string }[]): CaseView {
  return {
    ...caseIdentity(i),
    consentVersion: i.consentVersion,
    consentAt: i.consentAt,
    registeredBy: i.registeredBy ? { byName: i.registeredBy.byName, at: i.registeredBy.at, consent: i.registeredBy.consent } : null,
    claimed: Boolean(i.registeredBy && i.residentId),
    sourceEventId: i.sourceEventId,
    status: i.status,
    stage: i.stage,
    stageHistory: i.stageHistory.map(({ byId: _byId, ...s }) => s),
    followUps: i.followUps,
    mentor: i.mentor ?? null,
    ventures: i.ventures,
    benefits: i.benefits,
    loans: i.loans ?? [],
    fourInOne: fourInOneOf(i),
    projectInterests: interests,
    guidedAt: i.guidedAt,
    nextFollowUpDate: i.nextFollowUpDate,
    overdue: i.status !== 'withdrawn' && isOverdue(i.nextFollowUpDate, shanghaiDate(now)),
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    acceptedAt: i.acceptedAt,
    acceptedByName: i.acceptedByName,
    withdrawnAt: i.withdrawnAt,
    version: i.version,
    canWrite: mayWrite(caller, i.communityPath) && i.status !== 'withdrawn' && !i.anonymisedAt,
    canRevealIdCard:
      !i.anonymisedAt && caller.kind === 'staff' && can(caller.staff.role, 'intent.reveal') && isWithin(i.communityPath, caller.staff.orgId),
  }
}

/** Why an anonymised case cannot be changed or revealed. */
export const ANONYMISED_READ_ONLY = '这条记录的个人信息已删除，只保留统计数字，不能再修改或查看'

const CASE_MISSING = '这条登记不存在，或不在你负责的社区'

/** Why a role is refused the ledger: the `refusal` of the actions (and case loads) that need each permission. */
export const CASE_REFUSED = {
  'intent.read': '你的角色不能查看帮扶台帐',
  'intent.write': '你的角色不能修改帮扶台帐',
  'intent.export': '你的角色不能导出帮扶台帐',
  'intent.reveal': '查看完整身份证号需要社区负责人权限',
} as const satisfies Partial<Record<Permission, string>>

/**
 * Who may write to the ledger, as data spread into `defineAction`: staff holding `intent.write`
 * (else 403 with its refusal), audited as a write on the record `input.id` names. Scope is each
 * handler's `loadCase` (404 outside it).
 */
export const CASE_WRITE = staffWrite('intent.write', CASE_REFUSED['intent.write'])

/** Staff holding a ledger permission, refused with its message: data spread into `defineAction`. */
export const caseStaff = <P extends keyof typeof CASE_REFUSED>(permission: P) => staffWith(permission, CASE_REFUSED[permission])

/** What a new follow-up says; the recommended project defaults to none. */
export type FollowUpEntry = Omit<FollowUp, 'id' | 'byId' | 'byName' | 'at' | 'projectId' | 'projectTitle'> & Partial<Pick<FollowUp, 'projectId' | 'projectTitle'>>

/** A follow-up recorded at `at` by `by` (a staff member, or a course for a training), under a new id. */
export function newFollowUp(entry: FollowUpEntry, by: { byId: string; byName: string }, at: string): FollowUp {
  return { id: newId('fu'), projectId: null, projectTitle: null, ...entry, ...by, at }
}

/** A line of a case's stage history: `stage` reached at `at`, by this staff member, and why. */
export function stageEntry(stage: CaseStage, at: string, by: { _id: string; name: string }, note: string): StageChange {
  return { stage, at, byId: by._id, byName: by.name, note }
}

/**
 * Loads a case in the staff caller's scope: outside it 404, so ids of other communities' cases
 * reveal nothing. The permission is declared on the action (dispatch asks it before the
 * handler); `permission` is for a shared step that may be reached from more than one action.
 */
export async function loadCase(ctx: Ctx, id: string, permission?: keyof typeof CASE_REFUSED): Promise<Case> {
  return loadInScope(ctx, 'cases', id, {
    pathOf: (i) => i.communityPath,
    missing: CASE_MISSING,
    permission,
    refusal: permission && CASE_REFUSED[permission],
  })
}

/** What a case counts for, and where (see `intentContributions`). */
export function countedIntent(i: Case): Counted {
  return { orgId: i.communityId, contributions: intentContributions(i) }
}

/**
 * What the resident is told of a case write, from the case before and after: chosen by the
 * action that makes the change (`caseNotices`, a benefit's or a loan step's notice), or null to
 * tell nothing. Notices are opt-in so a bulk path (a migration, a recount, a repair) that
 * rewrites cases never messages anyone.
 */
export type CaseTell = ((before: Case, after: Case) => Notice[]) | null

/**
 * Changes a case the staff caller may write: reads it inside the transaction, lets `change`
 * compute the next document and the counter bumps, and writes both only if nobody changed the
 * case meanwhile. A withdrawn case is read-only. The first staff change accepts a pending case.
 * `tell` says what the resident hears of it (see `CaseTell`).
 */
export async function changeCase(
  ctx: Ctx,
  id: string,
  change: (current: Case, at: string, tx: TxStore<Collections>) => Promise<Case> | Case,
  tell: CaseTell,
): Promise<CaseView> {
  const saved = await changeCaseDoc(ctx, id, change, tell)
  return toCaseView(saved, admittedStaff(ctx.caller), ctx.now(), await projectTitles(ctx.store, saved.projectInterestIds))
}

/**
 * `changeCase` without the view: one read of the case (inside the transaction, scope and
 * permission checked there), the version-guarded write and the counter increments. Returns the
 * saved case. The money actions use it directly to stay within 2 reads and 3 writes.
 */
export async function changeCaseDoc(
  ctx: Ctx,
  id: string,
  change: (current: Case, at: string, tx: TxStore<Collections>) => Promise<Case> | Case,
  tell: CaseTell,
): Promise<Case> {
  const caller = admittedStaff(ctx.caller)
  const at = ctx.now().toISOString()
  const saved = await ctx.store.transaction(async (tx) => {
    const current = inScope(ctx, await tx.collection('cases').get(id), {
      pathOf: (i) => i.communityPath,
      missing: CASE_MISSING,
      permission: 'intent.write',
      refusal: CASE_REFUSED['intent.write'],
    })
    if (current.status === 'withdrawn') throw conflict('居民已撤回这条登记，不能再修改')
    if (current.anonymisedAt) throw conflict(ANONYMISED_READ_ONLY)
    const next = await change(current, at, tx)
    const accepted: Partial<Case> =
      current.status === 'pending' ? { status: 'accepted', acceptedAt: at, acceptedByName: caller.staff.name } : {}
    return writeCase(tx, current, { ...next, ...accepted }, at, tell)
  })
  if (!saved) throw conflict('这条记录刚被别人修改过，请刷新后再试')
  return saved
}

/** What a money write sends back. */
export function toMoneyPatch(i: Case): MoneyPatch {
  return { _id: i._id, status: i.status, benefits: i.benefits, loans: i.loans ?? [], version: i.version, updatedAt: i.updatedAt }
}

/**
 * Inside the caller's transaction: writes `next` over `current` (read in the same transaction)
 * only if nobody changed the case meanwhile, and moves the counters by what the change counts.
 * Returns the saved case, or null when the version moved on. Every case write goes through here.
 * The resident hears only what `tell` picks (nothing for null).
 */
export async function writeCase(tx: TxStore<Collections>, current: Case, next: Case, at: string, tell: CaseTell): Promise<Case | null> {
  // 应享未享's query reads `enjoyedOn`: kept here from the benefits, whichever action moved them.
  const doc: Case = { ...next, enjoyedOn: firstEnjoyedOn(next.benefits), updatedAt: at, version: current.version + 1 }
  const { _id: _ignored, ...set } = doc
  const ok = await tx.collection('cases').update(current._id, { set }, where.eq('version', current.version))
  if (!ok) return null
  await applyCountedChange(tx, countedIntent(current), countedIntent(doc))
  // The resident hears of what moved on their case, in the same transaction as the move. The
  // notice keys carry the version this write replaced, and the write above succeeded only if no
  // one else wrote that version: the inbox needs no duplicate check.
  // The case carries its resident's switch for these notices (`caseNoticesOff`): no settings read.
  if (tell) {
    for (const notice of tell(current, doc)) {
      await tellResident(tx, notice, at, { fresh: true, ...(notice.kind === 'case' ? { off: doc.caseNoticesOff === true } : {}) })
    }
  }
  return doc
}
