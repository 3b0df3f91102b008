/**
 * What the `evaluation` actions share: loading an application inside the caller's scope, the
 * year's deadlines, the one way a step is taken (status check, version-guarded write, history),
 * and the staff view with what the caller may do next.
 */
import { createHash } from 'node:crypto'
import type { ApplicationView, LiveFigures, SampleRow } from '../_shared/contracts/evaluation'
import { figuresFor } from './figures'
import {
  type ApplicationFigures,
  type FormRatio,
  EDITABLE_STATUSES,
  EVALUATION_STEP_LABELS,
  HELD_BY,
  type EvaluationApplication,
  type EvaluationDeadlines,
  type EvaluationHistoryEntry,
  type EvaluationStep,
  STEP_DEADLINE,
  spotSummary,
  TRANSITIONS,
} from '../_shared/domain/evaluation'
import type { Case } from '../_shared/domain/case'
import { isWithin } from '../_shared/domain/org'
import { can, type Permission } from '../_shared/domain/roles'
import { computeIndex } from '../_shared/domain/survey'
import { shanghaiDate } from '../_shared/domain/time'
import { type Ctx, type StaffCtx, staffWith, staffWrite } from '../_shared/runtime/action'
import { conflict, missingOrOutOfScope } from '../_shared/runtime/errors'
import type { Collections } from '../_shared/store/collections'
import { type Store, where } from '../_shared/store/port'
import type { StaffCaller } from '../_shared/application/figures-scope'
import { deadlinesFor, deadlinesOf } from '../_shared/application/evaluation-deadlines'

/** Why a role is refused each evaluation step: the `refusal` of the actions that declare it. */
export const REFUSED = {
  'evaluation.read': '你的角色不能查看创建评估',
  'evaluation.apply': '只有社区负责人可以填写和提交本社区的申报',
  'evaluation.review': '只有街道初评员可以初评',
  'evaluation.certify': '只有县(区)创建办可以认定',
  'evaluation.spotcheck': '只有市创建办可以抽查',
  'evaluation.select': '只有市创建办可以评选示范社区',
  'evaluation.deadlines': '只有市创建办可以设置截止日期',
  'evaluation.remind': '只有系统管理员可以发送提醒',
  'evaluation.manage': '评估年度（延期、重新打开、催办、命名授牌）由市创建办管理',
  'evaluation.rubric': '只有县(区)创建办可以制定评审内容、关闭或重新打开评审年度',
  'evaluation.score': '只有街道、县(区)、市的评审人员可以评分',
  'evaluation.reopenScore': '只有县(区)创建办或市创建办可以退回已提交的评分',
} as const satisfies Partial<Record<Permission, string>>

/** An application inside the caller's scope (their org or below), else 404 so ids leak nothing. */
export async function loadApplication(ctx: Ctx, caller: StaffCaller, id: string): Promise<EvaluationApplication> {
  const app = await ctx.store.collection('evaluations').get(id)
  if (!app || !isWithin(app.communityPath, caller.org._id)) throw missingOrOutOfScope(app, '申报不存在或不在你的管理范围内')
  return app
}

/** The access part of an evaluation action's declaration: staff whose role holds `permission`, refused with its message. */
export const evaluationStaff = <P extends keyof typeof REFUSED>(permission: P) => staffWith(permission, REFUSED[permission])

/** `evaluationStaff`, for an audited write to the application (or record) the input names by `id`. */
export const evaluationWrite = <P extends keyof typeof REFUSED>(permission: P) => staffWrite(permission, REFUSED[permission])

// The year's and a community's deadlines are read in `_shared` so the workbench reads them the same way.
export { deadlinesFor, deadlinesOf }

/** A history entry for `step` taken now by the caller. */
export function historyEntry(ctx: Ctx, caller: StaffCaller, step: EvaluationStep, status: EvaluationApplication['status'], note: string, deadlines: EvaluationDeadlines): EvaluationHistoryEntry {
  const key = STEP_DEADLINE[step]
  return {
    step,
    status,
    at: ctx.now().toISOString(),
    byId: caller.staff._id,
    byName: caller.staff.name,
    byRole: caller.staff.role,
    note,
    late: key ? shanghaiDate(ctx.now()) > deadlines[key] : false,
  }
}

/**
 * Takes a step of the chain: refuses it unless the application is in a status the step starts
 * from (no level skips one), writes the new status, the history entry and `set` in one
 * version-guarded update, and returns the stored result.
 */
export async function takeStep(
  ctx: Ctx,
  caller: StaffCaller,
  app: EvaluationApplication,
  step: keyof typeof TRANSITIONS,
  note: string,
  version: number | null,
  set: Partial<EvaluationApplication> = {},
): Promise<EvaluationApplication> {
  const t = TRANSITIONS[step]
  if (!t.from.includes(app.status)) throw conflict(`不能${EVALUATION_STEP_LABELS[step]}：${HELD_BY[app.status]}`)
  if (version !== null && version !== app.version) throw conflict('申报已被他人修改，请刷新后再试')
  const deadlines = await deadlinesFor(ctx.store, app.year, app.communityId)
  const entry = historyEntry(ctx, caller, step, t.to, note, deadlines)
  const next: Partial<EvaluationApplication> = { ...set, status: t.to, history: [...app.history, entry], updatedAt: entry.at }
  const changed = await ctx.store
    .collection('evaluations')
    .update(app._id, { set: next, inc: { version: 1 } }, where.and<EvaluationApplication>(where.eq('version', app.version), where.eq('status', app.status)))
  if (!changed) throw conflict('申报已被他人修改，请刷新后再试')
  return { ...app, ...next, version: app.version + 1 }
}

/**
 * Changes an application by `change` (read, change, version-guarded write), retrying when a
 * colleague wrote in between; `change` refuses by throwing.
 */
export async function changeApplication(
  ctx: Ctx,
  caller: StaffCaller,
  id: string,
  change: (app: EvaluationApplication) => Partial<EvaluationApplication>,
): Promise<EvaluationApplication> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const app = await loadApplication(ctx, caller, id)
    const set = { ...change(app), updatedAt: ctx.now().toISOString() }
    if (await ctx.store.collection('evaluations').update(id, { set, inc: { version: 1 } }, where.eq<EvaluationApplication>('version', app.version))) {
      return { ...app, ...set, version: app.version + 1 }
    }
  }
  throw conflict('申报正被他人修改，请稍后再试')
}

/** The sampled residents with masked phones, in draw order (a deleted case shows as removed). */
async function sampleRows(store: Store<Collections>, app: EvaluationApplication): Promise<SampleRow[]> {
  const ids = app.sample?.intentIds ?? []
  if (!ids.length) return []
  const page = await store.collection('cases').find({ where: where.in<Case>('_id', ids), limit: ids.length })
  const byId = new Map(page.items.map((i) => [i._id, i]))
  return ids.map((id) => {
    const i = byId.get(id)
    return {
      intentId: id,
      name: i && !i.anonymisedAt ? i.name : '已删除',
      phoneMasked: i && !i.anonymisedAt ? i.phoneMasked : '—',
      stage: i?.stage ?? 'registered',
      ventures: i?.ventures.length ?? 0,
      benefits: i?.benefitCount ?? 0,
      call: app.calls.find((c) => c.intentId === id) ?? null,
    }
  })
}

/** The spot-check questionnaire's composite and responses (null index before answers). */
export async function questionnaireOf(store: Store<Collections>, surveyId: string | null): Promise<{ index: number | null; n: number }> {
  if (!surveyId) return { index: null, n: 0 }
  const [survey, tally] = await Promise.all([store.collection('surveys').get(surveyId), store.collection('surveyTallies').get(surveyId)])
  if (!survey) return { index: null, n: 0 }
  const idx = computeIndex(survey, tally)
  return { index: idx.composite, n: idx.n }
}

/** The application as the caller sees it, with the steps open to them. */
/** A snapshot's figures as the form prints them, by label. */
function printed(f: ApplicationFigures): Map<string, string> {
  const pct = (r: FormRatio | undefined) => (!r || r.value === null ? '—' : `${(r.value * 100).toFixed(1)}%（${r.num} / ${r.den ?? '—'}）`)
  return new Map([
    ['创业指导员在岗', String(f.staffInPlace)],
    ['政策享受人次', String(f.benefitCount)],
    ['一对一指导', String(f.guided)],
    ['帮扶覆盖率', pct(f.guidanceShare)],
    ['帮扶成功创业', String(f.started)],
    ['带动就业', String(f.jobsCreated)],
    ['私营企业净增', String(f.newEnterprises)],
    ['个体工商户净增', String(f.newIndividual)],
    ['创业活动指数', pct(f.activityIndex)],
    ['政策享受率', pct(f.policyEnjoyment)],
    ['创业带动就业占比', pct(f.employmentDriven)],
    ['创业对就业的贡献率', pct(f.employmentContribution)],
    ['1 年存活率', pct(f.survival12)],
    ['2 年存活率', pct(f.survival24)],
  ])
}

/** Today's figures of a submitted application, where they differ from its snapshot. */
async function liveBeside(ctx: Ctx, app: EvaluationApplication): Promise<LiveFigures | null> {
  const now = await figuresFor(ctx, app.communityId, app.year)
  const was = printed(app.figures)
  const changed = [...printed(now)].filter(([label, live]) => was.get(label) !== live).map(([label, live]) => ({ label, snapshot: was.get(label) ?? '—', live }))
  if (!changed.length && app.figures.definitionVersion === now.definitionVersion) return null
  return { asOf: now.asOf ?? '', definitionVersion: now.definitionVersion ?? 0, snapshotVersion: app.figures.definitionVersion ?? 1, changed }
}

export async function toView(ctx: Ctx, caller: StaffCaller, app: EvaluationApplication): Promise<ApplicationView> {
  const role = caller.staff.role
  const own = caller.org._id === app.communityId
  const [deadlines, rows, questionnaire] = await Promise.all([deadlinesFor(ctx.store, app.year, app.communityId), sampleRows(ctx.store, app), questionnaireOf(ctx.store, app.surveyId)])
  const { communityPath: _path, ...rest } = app
  const editable = own && can(role, 'evaluation.apply') && EDITABLE_STATUSES.includes(app.status)
  return {
    ...rest,
    deadlines: { apply: deadlines.apply, review: deadlines.review, certify: deadlines.certify, spotCheck: deadlines.spotCheck },
    extended: deadlines.extended,
    award: app.award ?? null,
    revocation: app.revocation ?? null,
    summary: spotSummary(app.sample, app.calls, questionnaire),
    sampleRows: rows,
    live: EDITABLE_STATUSES.includes(app.status) ? null : await liveBeside(ctx, app),
    may: {
      edit: editable,
      submit: editable,
      review: can(role, 'evaluation.review') && app.status === 'submitted',
      certify: can(role, 'evaluation.certify') && app.status === 'street_passed',
      spotCheck: can(role, 'evaluation.spotcheck') && app.status === 'certified',
      select: can(role, 'evaluation.select') && app.status === 'spot_checked',
      documents: true,
      manage: can(role, 'evaluation.manage'),
    },
  }
}

/**
 * The reproducible sample: cases ordered by SHA-256 of (application id, seed, case id), the
 * first `size` taken. The same application, seed and ledger always give the same residents, and
 * nobody can steer the draw once the seed is written down.
 */
export function drawSample(applicationId: string, seed: string, intentIds: readonly string[], size: number): string[] {
  const keyed = intentIds.map((id) => ({ id, key: createHash('sha256').update(`${applicationId}\u0000${seed}\u0000${id}`).digest('hex') }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return keyed.slice(0, size).map((k) => k.id)
}

/**
 * The run of a reviewing level's decision on an application (the street's review, the district's
 * certification): the step the input names, taken on the version the reviewer saw.
 */
export async function decide(
  input: { id: string; version: number; decision: keyof typeof TRANSITIONS; opinion: string },
  ctx: StaffCtx,
): Promise<ApplicationView> {
  const app = await loadApplication(ctx, ctx.caller, input.id)
  return toView(ctx, ctx.caller, await takeStep(ctx, ctx.caller, app, input.decision, input.opinion, input.version))
}
