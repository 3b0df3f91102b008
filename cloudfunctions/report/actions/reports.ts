import type { FieldError, PageOf } from '../../_shared/contracts/common'
import {
  reportCommentInput,
  reportForwardInput,
  reportIdInput,
  reportListInput,
  reportMarkGoodInput,
  reportSendInput,
  type ReportLine,
  type ReportTargets,
  type ReportView,
} from '../../_shared/contracts/report'
import { photoProblem } from '../../_shared/domain/feedback'
import { REPORTING_LEVELS, type Report } from '../../_shared/domain/report'
import { can } from '../../_shared/domain/roles'
import type { PhotoFiles } from '../../_shared/files/photo-files'
import type { DocumentFiles } from '../../_shared/files/document-files'
import { checkDocuments } from '../../_shared/application/attachments'
import { reportQuery } from '../../_shared/application/work-queues'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { AppError, conflict, validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import * as v from 'valibot'
import { hopTo, isReceiver, loadReport, receiversOf, tellReceivers, toLine, toView, writeReport } from '../reports'

const REFUSED_SEND = '你的角色不能报送简报'
const REFUSED_RECEIVE = '只有收到简报的上级单位可以批注、转报或推荐为好经验'

/** Every photo must be an upload the photo store holds, of an accepted type and size (as feedback photos). */
async function checkPhotos(files: PhotoFiles | null, refs: readonly string[]): Promise<string[]> {
  const unique = [...new Set(refs)]
  const fields: FieldError[] = []
  for (const [i, ref] of unique.entries()) {
    const stored = files ? await files.inspect(ref) : null
    const problem = stored ? photoProblem(stored.size, stored.head) : '照片没有上传成功，请重新选择'
    if (problem) fields.push({ path: `photos.${i}`, message: `第 ${i + 1} 张照片：${problem}` })
  }
  if (fields.length) throw validation(fields, fields[0].message)
  return unique
}

/** Where the caller's org may send: its parent, and for a district the years a 认定报告 may be about. */
export const targets = defineAction({
  input: v.object({}),
  ...staffWith('report.send', REFUSED_SEND),
  async run(_input, ctx): Promise<ReportTargets> {
    const org = ctx.caller.org
    const parent = org.parentId ? await ctx.store.collection('orgs').get(org.parentId) : null
    const year = Number(ctx.now().toISOString().slice(0, 4))
    return {
      fromOrgName: org.name,
      fromLevel: org.level,
      parent: parent && REPORTING_LEVELS.includes(org.level) ? { id: parent._id, name: parent.name } : null,
      years: org.level === 'district' ? [year, year - 1] : [],
    }
  },
})

/**
 * Writes a report and sends it to the level above. Only to the sender's parent org: any other
 * org is 403 on `toOrgId` and nothing is written. A 认定报告 is a district's, about an evaluation
 * year. The receiving org's staff get an inbox notice in the same transaction.
 */
export function makeSend(photos: () => PhotoFiles | null, documents: () => DocumentFiles | null = () => null) {
  return defineAction({
    input: reportSendInput,
    ...staffWith('report.send', REFUSED_SEND),
    audit: 'write',
    async run(input, ctx): Promise<ReportView> {
      const caller = ctx.caller
      const org = caller.org
      if (!REPORTING_LEVELS.includes(org.level) || !org.parentId) throw new AppError('FORBIDDEN', '市级没有上级单位，不能向上报送', [{ path: 'toOrgId', message: '没有上级单位' }])
      if (input.toOrgId !== org.parentId) {
        throw new AppError('FORBIDDEN', '简报只能报送给本单位的上一级', [{ path: 'toOrgId', message: '只能报送给本单位的上一级' }])
      }
      if (input.kind === 'certification') {
        if (org.level !== 'district') throw validation([{ path: 'kind', message: '认定报告由县(区)创建办报市创建办' }])
        if (!input.year) throw validation([{ path: 'year', message: '请选择认定的评估年度' }])
      }
      const parent = await ctx.store.collection('orgs').get(org.parentId)
      if (!parent) throw new AppError('NOT_FOUND', '上级单位不存在', [{ path: 'toOrgId', message: '上级单位不存在' }])
      const refs = await checkPhotos(photos(), input.photos ?? [])
      const files = await checkDocuments(documents(), input.files ?? [])
      const at = ctx.now().toISOString()
      const report: Report = {
        _id: newId('rp'),
        kind: input.kind,
        title: input.title,
        body: input.body,
        photos: refs,
        files,
        year: input.kind === 'certification' ? (input.year ?? null) : null,
        fromOrgId: org._id,
        fromOrgName: org.name,
        fromLevel: org.level,
        fromOrgPath: org.path,
        authorId: caller.staff._id,
        authorName: caller.staff.name,
        createdAt: at,
        hops: [hopTo(caller, parent, at)],
        toOrgIds: [parent._id],
        unreadOrgIds: [parent._id],
        comments: [],
        good: false,
        goodBy: null,
        updatedAt: at,
        version: 1,
      }
      const receivers = await receiversOf(ctx.store, parent._id)
      await ctx.store.transaction(async (tx) => {
        await tx.collection('reports').insert(report)
        await tellReceivers(tx, report, parent, receivers, '报送了', at)
      })
      return toView(ctx, report, photos(), documents())
    },
  })
}

/** A list: my org's inbox (receivers), what my org sent (senders), or every 好经验 (all staff). */
export const list = defineAction({
  input: reportListInput,
  access: 'staff',
  rules: [
    { on: 'box: inbox', when: (i) => i.box === 'inbox', access: 'staff', permission: 'report.receive', refusal: '你的单位不接收下级简报' },
    { on: 'box: sent', when: (i) => i.box === 'sent', access: 'staff', permission: 'report.send', refusal: REFUSED_SEND },
  ],
  async run(input, ctx): Promise<PageOf<ReportLine> & { unread: number }> {
    const org = ctx.caller.org._id
    const q = reportQuery(input.box, org, input.unread)
    const page = await ctx.store.collection('reports').find({ where: q.where, orderBy: q.orderBy, limit: input.limit, after: input.after ?? null })
    const unread = can(ctx.caller.staff.role, 'report.receive') ? await ctx.store.collection('reports').count(reportQuery('inbox', org, true).where) : 0
    return { items: page.items.map((r) => toLine(ctx.caller, r)), next: page.next, unread }
  },
})

/**
 * One report. Opening it as a member of a receiving org records that org's read receipt (who
 * and when, the first time), which the sender sees on its hop.
 */
export function makeGet(photos: () => PhotoFiles | null, documents: () => DocumentFiles | null = () => null) {
  return defineAction({
    input: reportIdInput,
    access: 'staff',
    async run({ id }, ctx): Promise<ReportView> {
      let r = await loadReport(ctx, id)
      const orgId = ctx.caller.org._id
      if (isReceiver(ctx.caller, r) && r.unreadOrgIds.includes(orgId)) {
        const at = ctx.now().toISOString()
        const hops = r.hops.map((h) => (h.orgId === orgId && !h.readAt ? { ...h, readAt: at, readById: ctx.caller.staff._id, readByName: ctx.caller.staff.name } : h))
        try {
          r = await writeReport(ctx.store, r, { hops, unreadOrgIds: r.unreadOrgIds.filter((o) => o !== orgId) })
        } catch (err) {
          // Someone else wrote it meanwhile (a colleague opened it too): show what is stored.
          if (!(err instanceof AppError) || err.code !== 'CONFLICT') throw err
          r = await loadReport(ctx, id)
        }
      }
      return toView(ctx, r, photos(), documents())
    },
  })
}

export function makeComment(photos: () => PhotoFiles | null, documents: () => DocumentFiles | null = () => null) {
  return defineAction({
    input: reportCommentInput,
    ...staffWith('report.receive', REFUSED_RECEIVE),
    audit: 'write',
    target: (i) => i.id,
    async run({ id, text }, ctx): Promise<ReportView> {
      const r = await loadReport(ctx, id)
      if (!isReceiver(ctx.caller, r)) throw new AppError('FORBIDDEN', REFUSED_RECEIVE)
      const c = { id: newId('rc'), orgId: ctx.caller.org._id, orgName: ctx.caller.org.name, byId: ctx.caller.staff._id, byName: ctx.caller.staff.name, text, at: ctx.now().toISOString() }
      return toView(ctx, await writeReport(ctx.store, r, { comments: [...r.comments, c] }), photos(), documents())
    },
  })
}

/** A receiving org passes the report on to its own parent (once), which is told like a new one. */
export function makeForward(photos: () => PhotoFiles | null, documents: () => DocumentFiles | null = () => null) {
  return defineAction({
    input: reportForwardInput,
    ...staffWith('report.receive', REFUSED_RECEIVE),
    audit: 'write',
    target: (i) => i.id,
    async run({ id }, ctx): Promise<ReportView> {
      const caller = ctx.caller
      const r = await loadReport(ctx, id)
      if (!isReceiver(caller, r)) throw new AppError('FORBIDDEN', REFUSED_RECEIVE)
      const parent = caller.org.parentId ? await ctx.store.collection('orgs').get(caller.org.parentId) : null
      if (!parent) throw conflict('市级是最上一级，不能再转报')
      if (r.toOrgIds.includes(parent._id)) throw conflict(`已经转报给${parent.name}`)
      const at = ctx.now().toISOString()
      const receivers = await receiversOf(ctx.store, parent._id)
      const after = await ctx.store.transaction(async (tx) => {
        const next = await writeReport(tx, r, { hops: [...r.hops, hopTo(caller, parent, at)], toOrgIds: [...r.toOrgIds, parent._id], unreadOrgIds: [...r.unreadOrgIds, parent._id], updatedAt: at })
        await tellReceivers(tx, next, parent, receivers, '转报了', at)
        return next
      })
      return toView(ctx, after, photos(), documents())
    },
  })
}

/** A receiving org marks it 好经验: every staff member can then read it in the 好经验 list. */
export function makeMarkGood(photos: () => PhotoFiles | null, documents: () => DocumentFiles | null = () => null) {
  return defineAction({
    input: reportMarkGoodInput,
    ...staffWith('report.receive', REFUSED_RECEIVE),
    audit: 'write',
    target: (i) => i.id,
    async run({ id, note }, ctx): Promise<ReportView> {
      const r = await loadReport(ctx, id)
      if (!isReceiver(ctx.caller, r)) throw new AppError('FORBIDDEN', REFUSED_RECEIVE)
      if (r.good) throw conflict(`已由${r.goodBy?.orgName ?? '上级'}推荐为好经验`)
      const at = ctx.now().toISOString()
      const goodBy = { orgName: ctx.caller.org.name, byName: ctx.caller.staff.name, at, note: note ?? '' }
      return toView(ctx, await writeReport(ctx.store, r, { good: true, goodBy, updatedAt: at }), photos(), documents())
    },
  })
}

