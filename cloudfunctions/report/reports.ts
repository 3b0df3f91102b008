import type { ReportLine, ReportView } from '../_shared/contracts/report'
import type { InboxMessage } from '../_shared/domain/inbox'
import type { Org } from '../_shared/domain/org'
import { pageUrl } from '../_shared/domain/pages'
import { REPORT_KIND_LABELS, type Report, type ReportHop } from '../_shared/domain/report'
import { can } from '../_shared/domain/roles'
import type { StaffMember } from '../_shared/domain/staff'
import type { PhotoFiles } from '../_shared/files/photo-files'
import type { DocumentFiles } from '../_shared/files/document-files'
import { attachmentViews } from '../_shared/application/attachments'
import type { StaffCaller, StaffCtx } from '../_shared/runtime/action'
import { conflict, notFound } from '../_shared/runtime/errors'
import type { Collections } from '../_shared/store/collections'
import { type Store, type TxStore, where } from '../_shared/store/port'

/** Whom a report shows to: its sender's org, every org it was sent to, and everyone once it is 好经验. */
export function maySee(caller: StaffCaller, r: Report): boolean {
  return r.good || r.fromOrgId === caller.org._id || r.toOrgIds.includes(caller.org._id)
}

/** Whether the caller's org received it and the caller's role handles received reports. */
export function isReceiver(caller: StaffCaller, r: Report): boolean {
  return r.toOrgIds.includes(caller.org._id) && can(caller.staff.role, 'report.receive')
}

/** A report the caller may see; anything else is 404 (no hint that it exists). */
export async function loadReport(ctx: StaffCtx, id: string): Promise<Report> {
  const r = await ctx.store.collection('reports').get(id)
  if (!r || !maySee(ctx.caller, r)) throw notFound('简报不存在或不在你的范围')
  return r
}

/** Writes `set` if nobody changed the report since it was read; else 409. */
export async function writeReport(store: Store<Collections> | TxStore<Collections>, r: Report, set: Partial<Report>): Promise<Report> {
  if (!(await store.collection('reports').update(r._id, { set, inc: { version: 1 } }, where.eq<Report>('version', r.version)))) {
    throw conflict('简报刚被他人处理过，请刷新后再试')
  }
  return { ...r, ...set, version: r.version + 1 }
}

/** A new hop to `org`, sent by the caller now. */
export function hopTo(caller: StaffCaller, org: Org, at: string): ReportHop {
  return { orgId: org._id, orgName: org.name, sentById: caller.staff._id, sentByName: caller.staff.name, sentByOrgName: caller.org.name, sentAt: at, readAt: null, readById: null, readByName: null }
}

/** The receiving org's active members whose role handles received reports (read before the write's transaction). */
export async function receiversOf(store: Store<Collections>, orgId: string): Promise<StaffMember[]> {
  const out: StaffMember[] = []
  for await (const batch of store.collection('staff').scan(where.and<StaffMember>(where.eq('orgId', orgId), where.eq('active', true)), 100)) {
    out.push(...batch.filter((s) => can(s.role, 'report.receive')))
  }
  return out
}

/**
 * Tells the receiving org: an inbox message (the staff inbox, addressed by staff id like the
 * evaluation reminders) to each of `receivers`, in the same transaction as the send or forward.
 * One per (report, org, member): a retry files nothing twice.
 */
export async function tellReceivers(tx: TxStore<Collections>, r: Report, org: Org, receivers: readonly StaffMember[], verb: string, at: string): Promise<number> {
  let n = 0
  for (const s of receivers) {
    const id = `ib_rp_${r._id}_${org._id}_${s._id}`.slice(0, 120)
    if (await tx.collection('inbox').get(id)) continue
    const message: InboxMessage = {
      _id: id,
      residentId: s._id,
      kind: 'report',
      title: `${r.fromOrgName}${verb}${REPORT_KIND_LABELS[r.kind]}`.slice(0, 40),
      body: r.title.slice(0, 120),
      link: pageUrl('reportDetail', { id: r._id }),
      sourceId: r._id,
      createdAt: at,
      readAt: null,
    }
    await tx.collection('inbox').insert(message)
    n++
  }
  return n
}

/** What every view of a report starts with: its id, kind (and its label) and title. */
const reportHeading = (r: Report): Pick<ReportLine, 'id' | 'kind' | 'kindLabel' | 'title'> => ({
  id: r._id,
  kind: r.kind,
  kindLabel: REPORT_KIND_LABELS[r.kind],
  title: r.title,
})

export function toLine(caller: StaffCaller, r: Report): ReportLine {
  const mine = r.hops.find((h) => h.orgId === caller.org._id)
  return {
    ...reportHeading(r),
    fromOrgName: r.fromOrgName,
    authorName: r.authorName,
    createdAt: r.createdAt,
    readByMe: mine ? mine.readAt !== null : null,
    readAt: r.hops[0]?.readAt ?? null,
    good: r.good,
    photoCount: r.photos.length,
    fileCount: r.files?.length ?? 0,
    commentCount: r.comments.length,
  }
}

export async function toView(ctx: StaffCtx, r: Report, photos: PhotoFiles | null, documents: DocumentFiles | null = null): Promise<ReportView> {
  const caller = ctx.caller
  const receiver = isReceiver(caller, r)
  const parentId = caller.org.parentId
  const forwardTo = receiver && parentId && !r.toOrgIds.includes(parentId) ? ((await ctx.store.collection('orgs').get(parentId))?.name ?? null) : null
  const links = photos ? await Promise.all(r.photos.map(async (ref) => ({ url: (await photos.link(ref, ctx.now())).url }))) : []
  return {
    ...reportHeading(r),
    body: r.body,
    photos: links,
    files: await attachmentViews(documents, r.files, ctx.now()),
    year: r.year,
    fromOrgName: r.fromOrgName,
    fromLevel: r.fromLevel,
    authorName: r.authorName,
    createdAt: r.createdAt,
    hops: r.hops.map((h) => ({ orgName: h.orgName, sentByName: h.sentByName, sentByOrgName: h.sentByOrgName, sentAt: h.sentAt, readAt: h.readAt, readByName: h.readByName })),
    comments: r.comments.map((c) => ({ id: c.id, orgName: c.orgName, byName: c.byName, text: c.text, at: c.at })),
    good: r.good,
    goodBy: r.goodBy,
    can: { comment: receiver, forward: forwardTo !== null, markGood: receiver && !r.good },
    forwardTo,
    version: r.version,
  }
}
