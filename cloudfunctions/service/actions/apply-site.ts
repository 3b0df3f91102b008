import type { PageOf } from '../../_shared/contracts/common'
import { answerSiteInput, applySiteInput, siteApplicationsInput } from '../../_shared/contracts/service'
import type { Case } from '../../_shared/domain/case'
import { isWithin } from '../../_shared/domain/org'
import { matchingSites, type Site, type SiteApplication, type SiteApplicationView } from '../../_shared/domain/service'
import { forStaff } from '../../_shared/runtime/pseudonym'
import { shanghaiDate } from '../../_shared/domain/time'
import { type Ctx, defineAction } from '../../_shared/runtime/action'
import { conflict, notFound, validation, missingOrOutOfScope } from '../../_shared/runtime/errors'
import { type Filter, type TxStore, where } from '../../_shared/store/port'
import type { Collections } from '../../_shared/store/collections'
import { CASE_WRITE, changeCase, loadCase, caseStaff, newFollowUp } from '../../_shared/application/case'
import { residentPlace } from '../../_shared/application/resident'
import { caseNotices, tellResident } from '../../_shared/application/notices'
import { pagePath } from '../../_shared/domain/pages'

/** One application per (site, resident): a keyed id, so it reveals no OPENID. */
export function siteApplicationIdOf(ctx: Pick<Ctx, 'keyring'>, siteId: string, residentId: string): string {
  return `sap_${ctx.keyring.keyedHash('site-application', siteId, residentId).slice(0, 24)}`
}

/**
 * A resident whose registration asked for a place applies to a site that suits it; the application
 * lands with their community. Applying again after a decline or withdrawal reopens it.
 */
export const applySite = defineAction({
  input: applySiteInput,
  access: 'resident',
  async run(input, ctx): Promise<SiteApplication> {
    const caller = ctx.caller
    const { intent } = await residentPlace(ctx)
    if (!intent) throw conflict('请先登记创业意向，并在“需要的帮助”里选择场地')
    if (!intent.needs.includes('site')) throw conflict('你的创业意向登记里没有选择需要场地，请先修改登记或联系社区')
    const s = await ctx.store.collection('sites').get(input.siteId)
    if (!s || !s.active) throw notFound('场地不存在或已停用')
    if (!matchingSites([s], intent).length) throw validation([{ path: 'siteId', message: s.vacancies > 0 ? '这个场地不接收你所在社区或行业的入驻' : '这个场地暂时没有空位' }])
    const id = siteApplicationIdOf(ctx, s._id, caller.id)
    const existing = await ctx.store.collection('siteApplications').get(id)
    if (existing && (existing.status === 'pending' || existing.status === 'placed')) throw conflict(existing.status === 'placed' ? '你已入驻这个场地' : '你已经申请过了，社区会尽快联系你')
    const at = ctx.now().toISOString()
    const application: SiteApplication = {
      _id: id,
      siteId: s._id,
      siteName: s.name,
      intentId: intent._id,
      residentId: caller.id,
      communityId: intent.communityId,
      communityPath: intent.communityPath,
      name: intent.name,
      note: input.note,
      status: 'pending',
      reply: '',
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      handledByName: '',
    }
    await ctx.store.collection('siteApplications').put(application)
    return application
  },
})

/** Staff: applications from the communities in their scope, newest first. */
export const siteApplications = defineAction({
  input: siteApplicationsInput,
  ...caseStaff('intent.read'),
  async run(input, ctx): Promise<PageOf<SiteApplicationView>> {
    const caller = ctx.caller
    const filters: Filter<SiteApplication>[] = [where.has('communityPath', caller.staff.orgId)]
    if (input.status) filters.push(where.eq('status', input.status))
    const page = await ctx.store.collection('siteApplications').find({ where: where.and(...filters), orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: input.limit, after: input.after ?? null })
    return { items: page.items.map((x) => forStaff(ctx.keyring, caller.staff._id, x)), next: page.next }
  },
})

/** Staff's answer to a pending application, as written onto it. */
const answerOf = (status: 'placed' | 'declined', reply: string, at: string, handledByName: string) => ({ status, reply, updatedAt: at, handledByName })

/** Writes the answer onto the application unless someone answered it first (then a conflict). */
async function markAnswered(tx: TxStore<Collections>, a: SiteApplication, set: ReturnType<typeof answerOf>): Promise<void> {
  const answered = await tx.collection('siteApplications').update(a._id, { set }, where.eq<SiteApplication>('status', 'pending'))
  if (!answered) throw conflict('这条申请已经处理过了')
}

async function loadPending(ctx: Ctx, id: string): Promise<SiteApplication> {
  const caller = ctx.caller
  const a = await ctx.store.collection('siteApplications').get(id)
  if (!a || caller.kind !== 'staff' || !isWithin(a.communityPath, caller.staff.orgId)) throw missingOrOutOfScope(a, '申请不存在，或不在你负责的社区')
  if (a.status !== 'pending') throw conflict('这条申请已经处理过了')
  return a
}

/**
 * Staff record the placement: in one transaction the site gives up a vacancy (refused when none is
 * left), the application is marked placed, and the case gets a `site` follow-up (场地对接) the
 * resident sees.
 */
export const placeSite = defineAction({
  input: answerSiteInput,
  ...CASE_WRITE,
  async run(input, ctx): Promise<SiteApplicationView> {
    const caller = ctx.caller
    const a = await loadPending(ctx, input.id)
    await loadCase(ctx, a.intentId)
    let placed: SiteApplication | null = null
    await changeCase(ctx, a.intentId, async (c, at, tx): Promise<Case> => {
      const s = await tx.collection('sites').get(a.siteId)
      if (!s || s.vacancies <= 0) throw conflict('这个场地已经没有空位了')
      const took = await tx.collection('sites').update(s._id, { inc: { vacancies: -1 }, set: { updatedAt: at } }, where.eq<Site>('vacancies', s.vacancies))
      if (!took) throw conflict('场地空位刚刚变了，请再试一次')
      const set = answerOf('placed', input.reply, at, caller.staff.name)
      await markAnswered(tx, a, set)
      placed = { ...a, ...set }
      await tellResident(tx, { residentId: a.residentId, kind: 'site', key: `${a._id}_placed`, title: `场地申请已安排：${a.siteName}`, body: input.reply || `可以入驻${s.name}了`, path: pagePath('sites'), sourceId: a._id }, at)
      const entry = { kind: 'site' as const, date: shanghaiDate(new Date(at)), note: `入驻${s.name}`, outcome: input.reply, visibleToResident: true, nextFollowUpDate: c.nextFollowUpDate, siteId: s._id }
      const followUp = newFollowUp(entry, { byId: caller.staff._id, byName: caller.staff.name }, at)
      return { ...c, followUps: [...c.followUps, followUp] }
    }, caseNotices)
    if (!placed) throw conflict('这条申请已经处理过了')
    return forStaff<SiteApplication>(ctx.keyring, caller.staff._id, placed)
  },
})

/** Staff answer that no place can be arranged (the reason is shown to the resident). */
export const declineSite = defineAction({
  input: answerSiteInput,
  ...CASE_WRITE,
  async run(input, ctx): Promise<SiteApplicationView> {
    const caller = ctx.caller
    const a = await loadPending(ctx, input.id)
    const at = ctx.now().toISOString()
    const set = answerOf('declined', input.reply, at, caller.staff.name)
    await ctx.store.transaction(async (tx) => {
      await markAnswered(tx, a, set)
      await tellResident(tx, { residentId: a.residentId, kind: 'site', key: `${a._id}_declined`, title: `场地申请暂时没能安排：${a.siteName}`, body: input.reply, path: pagePath('sites'), sourceId: a._id }, at)
    })
    return forStaff(ctx.keyring, caller.staff._id, { ...a, ...set })
  },
})
