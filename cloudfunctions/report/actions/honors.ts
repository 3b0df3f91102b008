import { honorCandidatesInput, type HonorCandidates, honorCloseInput, honorConsentInput, honorSaveInput, honorYearInput, type HonorList, type HonorView } from '../../_shared/contracts/report'
import { CASE_STAGE_LABELS, type Case } from '../../_shared/domain/case'
import type { Org } from '../../_shared/domain/org'
import type { Story } from '../../_shared/domain/service'
import type { StaffMember } from '../../_shared/domain/staff'
import type { EvaluationApplication } from '../../_shared/domain/evaluation'
import { HONOR_KIND_LABELS, HONOR_REOPEN_WHO, type Honor } from '../../_shared/domain/report'
import { can } from '../../_shared/domain/roles'
import { defineAction, type StaffCaller, type StaffCtx, staffWith } from '../../_shared/runtime/action'
import { AppError, conflict, validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { where } from '../../_shared/store/port'

const REFUSED_WRITE = '只有市、县(区)创建办可以表彰'

/** Staff in scope of a naming office: inside its subtree, or above it. */
function inScope(caller: StaffCaller, h: Pick<Honor, 'byOrgId' | 'byOrgPath'>): boolean {
  return caller.org.path.includes(h.byOrgId) || h.byOrgPath.includes(caller.org._id)
}

const yearListId = (orgId: string, year: number) => `${orgId}:${year}`

/** A published (closed) list → 409, saying who can reopen it. */
async function assertListOpen(ctx: StaffCtx, orgId: string, year: number): Promise<void> {
  const y = await ctx.store.collection('honorYears').get(yearListId(orgId, year))
  if (y?.closed) throw conflict(`${year} 年的表彰名单已于 ${y.closedAt.slice(0, 10)} 由${y.closedByName}公布，不能再修改；如需修改，请联系${HONOR_REOPEN_WHO}重新开放`)
}

async function toView(ctx: StaffCtx, h: Honor): Promise<HonorView> {
  let award: HonorView['award'] = null
  if (h.awardId) {
    const app = await ctx.store.collection('evaluations').get(h.awardId)
    if (app?.award && !app.revocation) award = { applicationId: app._id, date: app.award.date, documentNo: app.award.documentNo }
  }
  return {
    id: h._id,
    year: h.year,
    kind: h.kind,
    kindLabel: HONOR_KIND_LABELS[h.kind],
    byOrgName: h.byOrgName,
    subjectName: h.subjectName,
    subjectOrgName: h.subjectOrgName,
    citation: h.citation,
    consent: h.consent,
    storyId: h.storyId,
    award,
    createdByName: h.createdByName,
    mayEdit: h.byOrgId === ctx.caller.org._id && can(ctx.caller.staff.role, 'honor.write'),
  }
}

/** A year's 表彰 of every naming office in the caller's scope (the city's and the caller's district's). */
export const honors = defineAction({
  input: honorYearInput,
  access: 'staff',
  async run({ year }, ctx): Promise<HonorList> {
    const caller = ctx.caller
    const all: Honor[] = []
    for await (const batch of ctx.store.collection('honors').scan(where.eq<Honor>('year', year), 200)) all.push(...batch.filter((h) => inScope(caller, h)))
    const order = ['entrepreneur', 'collective', 'worker']
    all.sort((a, b) => a.byOrgPath.length - b.byOrgPath.length || order.indexOf(a.kind) - order.indexOf(b.kind) || a.createdAt.localeCompare(b.createdAt))
    const offices = new Map<string, string>(all.map((h) => [h.byOrgId, h.byOrgName]))
    const mayName = can(caller.staff.role, 'honor.write')
    if (mayName) offices.set(caller.org._id, caller.org.name)
    const lists: HonorList['lists'] = []
    for (const [orgId, orgName] of offices) {
      const y = await ctx.store.collection('honorYears').get(yearListId(orgId, year))
      lists.push({ orgId, orgName, closed: Boolean(y?.closed), closedAt: y?.closed ? y.closedAt : null })
    }
    return {
      year,
      items: await Promise.all(all.map((h) => toView(ctx, h))),
      lists,
      mayName,
      closedMine: lists.some((l) => l.orgId === caller.org._id && l.closed),
    }
  },
})

/**
 * Names a person or org for a year (or edits a citation). The subject must lie in the naming
 * office's subtree (403 on `subjectId` otherwise); a 先进集体 that holds a 命名/授牌 of the same
 * year links to that record. A published list answers 409 naming who can reopen it.
 */
export const honorSave = defineAction({
  input: honorSaveInput,
  ...staffWith('honor.write', REFUSED_WRITE),
  audit: 'write',
  target: (i) => i.id ?? i.subjectId,
  async run(input, ctx): Promise<HonorView> {
    const caller = ctx.caller
    const org = caller.org
    const at = ctx.now().toISOString()
    if (input.id) {
      const h = await ctx.store.collection('honors').get(input.id)
      if (!h || !inScope(caller, h)) throw new AppError('NOT_FOUND', '表彰记录不存在')
      if (h.byOrgId !== org._id) throw new AppError('FORBIDDEN', `这条表彰由${h.byOrgName}命名，只能由它修改`)
      await assertListOpen(ctx, org._id, h.year)
      const set = { citation: input.citation, storyId: h.kind === 'entrepreneur' ? (input.storyId ?? h.storyId) : null, updatedAt: at }
      if (!(await ctx.store.collection('honors').update(h._id, { set, inc: { version: 1 } }, where.eq<Honor>('version', h.version)))) throw conflict('表彰记录刚被他人修改，请刷新后再试')
      return toView(ctx, { ...h, ...set, version: h.version + 1 })
    }
    await assertListOpen(ctx, org._id, input.year)
    const outside = () => new AppError('FORBIDDEN', '表彰对象不在你的管理范围内', [{ path: 'subjectId', message: '不在你的管理范围内' }])
    let subjectName = ''
    let subjectOrgName = ''
    let awardId: string | null = null
    let storyId: string | null = null
    if (input.kind === 'entrepreneur') {
      const c = await ctx.store.collection('cases').get(input.subjectId)
      if (!c) throw new AppError('NOT_FOUND', '创业档案不存在', [{ path: 'subjectId', message: '创业档案不存在' }])
      if (!c.communityPath.includes(org._id)) throw outside()
      subjectName = c.name
      subjectOrgName = c.communityName
      if (input.storyId) {
        const s = await ctx.store.collection('stories').get(input.storyId)
        if (!s) throw validation([{ path: 'storyId', message: '创业故事不存在' }])
        storyId = s._id
      }
    } else if (input.kind === 'collective') {
      const o = await ctx.store.collection('orgs').get(input.subjectId)
      if (!o) throw new AppError('NOT_FOUND', '单位不存在', [{ path: 'subjectId', message: '单位不存在' }])
      if (!o.path.includes(org._id) || o._id === org._id) throw outside()
      subjectName = o.name
      subjectOrgName = o.name
      // 命名/授牌 is kept by the evaluation chain (evaluation.award): linked here, never copied.
      const app: EvaluationApplication | null = await ctx.store.collection('evaluations').get(`${o._id}:${input.year}`)
      awardId = app?.award && !app.revocation ? app._id : null
    } else {
      const s = await ctx.store.collection('staff').get(input.subjectId)
      const so = s ? await ctx.store.collection('orgs').get(s.orgId) : null
      if (!s || !so) throw new AppError('NOT_FOUND', '工作人员不存在', [{ path: 'subjectId', message: '工作人员不存在' }])
      if (!so.path.includes(org._id)) throw outside()
      subjectName = s.name
      subjectOrgName = so.name
    }
    const dup = await ctx.store.collection('honors').find({
      where: where.and<Honor>(where.eq('year', input.year), where.eq('kind', input.kind), where.eq('subjectId', input.subjectId), where.eq('byOrgId', org._id)),
      limit: 1,
    })
    if (dup.items.length) throw conflict(`${subjectName}已在${input.year}年的${HONOR_KIND_LABELS[input.kind]}名单中`)
    const h: Honor = {
      _id: newId('hn'),
      year: input.year,
      kind: input.kind,
      byOrgId: org._id,
      byOrgName: org.name,
      byOrgPath: org.path,
      subjectId: input.subjectId,
      subjectName,
      subjectOrgName,
      citation: input.citation,
      consent: null,
      storyId,
      awardId,
      createdAt: at,
      createdByName: caller.staff.name,
      updatedAt: at,
      version: 1,
    }
    await ctx.store.collection('honors').insert(h)
    return toView(ctx, h)
  },
})

/**
 * Who the caller's office may name, found by name (at most 20, the ones `honorSave` accepts):
 * 优秀创业人员 from the cases under it that have started a business (创业/经营), with the published
 * success stories in scope to show the 表彰 on; 先进集体 from the orgs below it; 先进工作者 from
 * the active staff of it and below. Names only; no phone or ID number.
 */
export const honorCandidates = defineAction({
  input: honorCandidatesInput,
  ...staffWith('honor.write', REFUSED_WRITE),
  async run({ kind, keyword }, ctx): Promise<HonorCandidates> {
    const org = ctx.caller.org
    const q = keyword ?? ''
    if (kind === 'entrepreneur') {
      const filters = [where.has<Case>('communityPath', org._id), where.in<Case>('stage', ['started', 'operating']), where.in<Case>('status', ['pending', 'accepted'])]
      if (q) filters.push(where.contains<Case>('name', q))
      const page = await ctx.store.collection('cases').find({ where: where.and<Case>(...filters), orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 20 })
      const stories = await ctx.store.collection('stories').find({ where: where.has<Story>('orgPath', org._id), limit: 50 })
      return {
        kind,
        items: page.items.map((c) => ({ id: c._id, name: c.name, orgName: c.communityName, note: CASE_STAGE_LABELS[c.stage] })),
        stories: stories.items.map((st) => ({ id: st._id, title: st.title, person: st.person, orgName: st.orgName })),
      }
    }
    if (kind === 'collective') {
      const items: HonorCandidates['items'] = []
      for await (const batch of ctx.store.collection('orgs').scan(where.has<Org>('path', org._id), 500)) {
        for (const o of batch) if (o._id !== org._id && (!q || o.name.includes(q))) items.push({ id: o._id, name: o.name, orgName: o.name, note: o.level === 'community' ? '社区' : o.level === 'street' ? '街道' : '县区' })
      }
      return { kind, items: items.sort((a, b) => a.name.localeCompare(b.name)).slice(0, 20), stories: [] }
    }
    const orgs = new Map<string, Org>()
    for await (const batch of ctx.store.collection('orgs').scan(where.has<Org>('path', org._id), 500)) for (const o of batch) orgs.set(o._id, o)
    const items: HonorCandidates['items'] = []
    for await (const batch of ctx.store.collection('staff').scan(where.eq<StaffMember>('active', true), 500)) {
      for (const st of batch) {
        const so = orgs.get(st.orgId)
        if (so && st.role !== 'admin' && (!q || st.name.includes(q))) items.push({ id: st._id, name: st.name, orgName: so.name, note: '' })
      }
    }
    return { kind, items: items.sort((a, b) => a.name.localeCompare(b.name)).slice(0, 20), stories: [] }
  },
})

/**
 * Records (or withdraws) a named entrepreneur's consent to show the 表彰 on their success story:
 * how it was given, when, and by whom it was recorded. Without it the story shows nothing.
 */
export const honorConsent = defineAction({
  input: honorConsentInput,
  ...staffWith('honor.write', REFUSED_WRITE),
  audit: 'write',
  target: (i) => i.id,
  async run({ id, consent, how }, ctx): Promise<HonorView> {
    const h = await ctx.store.collection('honors').get(id)
    if (!h || !inScope(ctx.caller, h)) throw new AppError('NOT_FOUND', '表彰记录不存在')
    if (h.byOrgId !== ctx.caller.org._id) throw new AppError('FORBIDDEN', `这条表彰由${h.byOrgName}命名，只能由它记录本人意愿`)
    if (h.kind !== 'entrepreneur') throw validation([{ path: 'id', message: '只有优秀创业人员需要本人同意展示' }])
    if (consent && !how) throw validation([{ path: 'how', message: '请写明本人如何同意（如：电话确认、书面签字）' }])
    const set = { consent: consent ? { how: how ?? '', at: ctx.now().toISOString(), recordedByName: ctx.caller.staff.name } : null, updatedAt: ctx.now().toISOString() }
    if (!(await ctx.store.collection('honors').update(h._id, { set, inc: { version: 1 } }, where.eq<Honor>('version', h.version)))) throw conflict('表彰记录刚被他人修改，请刷新后再试')
    return toView(ctx, { ...h, ...set, version: h.version + 1 })
  },
})

/** Publishes (closes) the caller's office's list of a year; reopening is the city's (`honor.reopen`). */
export const honorClose = defineAction({
  input: honorCloseInput,
  ...staffWith('honor.write', REFUSED_WRITE),
  rules: [{ on: 'closed: false (reopen)', when: (i) => !i.closed, access: 'staff', permission: 'honor.reopen', refusal: `只有${HONOR_REOPEN_WHO}可以重新开放已公布的表彰名单` }],
  audit: 'write',
  target: (i) => `${i.orgId ?? ''}:${i.year}`,
  async run({ year, orgId, closed }, ctx): Promise<{ closed: boolean }> {
    const caller = ctx.caller
    const target = orgId ? await ctx.store.collection('orgs').get(orgId) : caller.org
    if (!target || !target.path.includes(caller.org._id)) throw new AppError('FORBIDDEN', '这个单位不在你的管理范围内', [{ path: 'orgId', message: '不在你的管理范围内' }])
    if (closed && target._id !== caller.org._id) throw new AppError('FORBIDDEN', '只能公布本单位的表彰名单', [{ path: 'orgId', message: '只能公布本单位的名单' }])
    await ctx.store.collection('honorYears').put({ _id: yearListId(target._id, year), orgId: target._id, year, closed, closedByName: caller.staff.name, closedAt: ctx.now().toISOString() })
    return { closed }
  },
})
