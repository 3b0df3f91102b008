import type {
  FeedbackPhotoLink,
  FeedbackThreadEntry,
  MyFeedbackRow,
  MyFeedbackView,
  StaffFeedbackRow,
  StaffFeedbackView,
} from '../_shared/contracts/feedback'
import {
  ageInDays,
  type Feedback,
  feedbackContributions,
  isFeedbackOverdue,
  mayRate,
  mayReopen,
  reopenUntil,
} from '../_shared/domain/feedback'
import { can, type Permission } from '../_shared/domain/roles'
import type { StaffMember } from '../_shared/domain/staff'
import { shanghaiDate } from '../_shared/domain/time'
import { admittedStaff, type Ctx, type ResidentCaller, staffWrite } from '../_shared/runtime/action'
import { inScope } from '../_shared/runtime/scope'
import type { Caller } from '../_shared/runtime/caller'
import { applyCountedChange, type Counted } from '../_shared/runtime/counters'
import { conflict, missingOrOutOfScope } from '../_shared/runtime/errors'
import type { TxStore } from '../_shared/store/port'
import type { Collections } from '../_shared/store/collections'
import { where } from '../_shared/store/port'
import type { PhotoFiles } from '../_shared/files/photo-files'

export type StaffCaller = Extract<Caller, { kind: 'staff' }>

/** The org and contributions an item counts for (the counter source and every write use this). */
export function feedbackCounted(f: Feedback): Counted {
  return { orgId: f.communityId, contributions: feedbackContributions(f) }
}

/** Why a role is refused feedback: the `refusal` of the actions that declare each permission. */
export const FEEDBACK_REFUSED = {
  'feedback.read': '你的角色不能查看居民反馈',
  'feedback.write': '你的角色不能处理居民反馈',
  'feedback.stats': '你的角色不能查看反馈统计',
} as const satisfies Partial<Record<Permission, string>>

/** Handling one item (assign, reply, close): staff holding `feedback.write`, audited on the item. */
export const FEEDBACK_WRITE = staffWrite('feedback.write', FEEDBACK_REFUSED['feedback.write'])

/**
 * Items are handled by their own community only: the level above sees counts (`stats`), never
 * the items. Another community's item answers 404, so its id leaks nothing. The role's
 * permission is declared on the actions.
 */
export async function loadForStaff(ctx: Ctx, id: string): Promise<{ item: Feedback; caller: StaffCaller }> {
  const item = inScope(ctx, await ctx.store.collection('feedback').get(id), { pathOf: (f) => [f.communityId], missing: '这条反馈不存在或不归你的社区处理' })
  return { item, caller: admittedStaff(ctx.caller) }
}

/** The resident's own item; anyone else's answers 404. */
export async function loadOwn(ctx: Ctx, caller: ResidentCaller, id: string): Promise<Feedback> {
  const item = await ctx.store.collection('feedback').get(id)
  if (!item || item.residentId !== caller.id) throw missingOrOutOfScope(item, '这条反馈不存在')
  return item
}

export function refuseClosed(item: Feedback): void {
  if (item.status === 'closed') throw conflict('这条反馈已办结；居民重新打开后才能继续处理')
}

/**
 * Writes `after` over `before` if nobody changed it meanwhile, moving the counters by the
 * difference in the same transaction. `extra` adds writes that must commit with it.
 */
export async function saveItem(
  ctx: Ctx,
  before: Feedback,
  after: Feedback,
  extra?: (tx: TxStore<Collections>) => Promise<void>,
): Promise<void> {
  const { _id, ...set } = { ...after, version: before.version + 1 }
  await ctx.store.transaction(async (tx) => {
    const ok = await tx.collection('feedback').update(_id, { set }, where.eq('version', before.version))
    if (!ok) throw conflict('这条反馈刚有变化，请刷新后再试')
    await applyCountedChange(tx, feedbackCounted(before), feedbackCounted({ ...after, version: before.version + 1 }))
    if (extra) await extra(tx)
  })
  after.version = before.version + 1
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}

async function links(files: PhotoFiles, refs: readonly string[], now: Date): Promise<FeedbackPhotoLink[]> {
  return Promise.all(refs.map((r) => files.link(r, now)))
}

/** How staff see who wrote: never an id, and nothing at all for anonymous items. */
export function fromLabel(f: Pick<Feedback, 'anonymous' | 'contactName'>): string {
  if (f.anonymous) return '匿名居民'
  return f.contactName || '居民'
}

export function toMyRow(f: Feedback): MyFeedbackRow {
  return {
    _id: f._id,
    kind: f.kind,
    status: f.status,
    excerpt: excerpt(f.text),
    communityName: f.communityName,
    subjectTitle: f.subjectTitle,
    anonymous: f.anonymous,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    awaitingRating: mayRate(f),
  }
}

export async function toMyView(f: Feedback, files: PhotoFiles, now: Date): Promise<MyFeedbackView> {
  const until = reopenUntil(f)
  const replies: FeedbackThreadEntry[] = f.messages
    .filter((m) => m.kind !== 'note')
    .map((m) => ({ id: m.id, kind: m.kind, text: m.text, at: m.at, byName: m.kind === 'resident' ? '我' : m.byName }))
  return {
    ...toMyRow(f),
    view: 'resident',
    text: f.text,
    photos: await links(files, f.photos, now),
    subjectKind: f.subjectKind,
    subjectId: f.subjectId,
    contactName: f.contactName,
    dueDate: f.dueDate,
    replies,
    resolution: f.resolution,
    resolutionNote: f.resolutionNote,
    closedAt: f.closedAt,
    rating: f.rating,
    ratingComment: f.ratingComment,
    canRate: mayRate(f),
    canReopen: mayReopen(f, now),
    reopenUntil: until && mayReopen(f, now) ? until.toISOString() : null,
  }
}

export function toStaffRow(f: Feedback, now: Date): StaffFeedbackRow {
  return {
    _id: f._id,
    kind: f.kind,
    status: f.status,
    excerpt: excerpt(f.text),
    from: fromLabel(f),
    anonymous: f.anonymous,
    photoCount: f.photos.length,
    subjectTitle: f.subjectTitle,
    createdAt: f.createdAt,
    dueDate: f.dueDate,
    overdue: isFeedbackOverdue(f, shanghaiDate(now)),
    ageDays: ageInDays(f.createdAt, now),
    assigneeName: f.assigneeName,
  }
}

/** Active staff of a community who handle its feedback. */
export async function colleaguesOf(ctx: Ctx, communityId: string): Promise<StaffMember[]> {
  const page = await ctx.store.collection('staff').find({
    where: where.and<StaffMember>(where.eq('orgId', communityId), where.eq('active', true)),
    limit: 100,
  })
  return page.items.filter((s) => can(s.role, 'feedback.write'))
}

export async function toStaffView(ctx: Ctx, f: Feedback, files: PhotoFiles, caller: StaffCaller): Promise<StaffFeedbackView> {
  const now = ctx.now()
  const from = fromLabel(f)
  return {
    ...toStaffRow(f, now),
    view: 'staff',
    communityName: f.communityName,
    text: f.text,
    photos: await links(files, f.photos, now),
    subjectKind: f.subjectKind,
    // A case id would name the resident, so anonymous items never carry one.
    subjectId: f.anonymous && f.subjectKind === 'case' ? null : f.subjectId,
    caseId: f.anonymous ? null : f.caseId,
    assigneeId: f.assigneeId,
    thread: f.messages.map((m) => ({ id: m.id, kind: m.kind, text: m.text, at: m.at, byName: m.kind === 'resident' ? from : m.byName })),
    events: f.events,
    resolution: f.resolution,
    resolutionNote: f.resolutionNote,
    closedAt: f.closedAt,
    rating: f.rating,
    ratingComment: f.ratingComment,
    colleagues: (await colleaguesOf(ctx, f.communityId)).map((s) => ({ _id: s._id, name: s.name })),
    mayWrite: can(caller.staff.role, 'feedback.write'),
  }
}
