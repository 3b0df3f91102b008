import type { CaseView } from '../../_shared/contracts/intent'
import { assignMentorInput, closeMentorRequestInput, intentIdInput, requestMentorInput } from '../../_shared/contracts/service'
import type { CaseMentor, MentorRequest, MentorRequestView } from '../../_shared/domain/service'
import { forStaff } from '../../_shared/runtime/pseudonym'
import { visibleFrom } from '../../_shared/domain/service'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, notFound, validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { where } from '../../_shared/store/port'
import { CASE_WRITE, changeCase, loadCase, caseStaff } from '../../_shared/application/case'
import { caseNotices } from '../../_shared/application/notices'
import { residentPlace } from '../../_shared/application/resident'

/**
 * Staff assign a mentor to a case (or take one off): the mentor must be active and kept for the
 * case's community chain (its own, its street's, district's or city's group).
 */
export const assignMentor = defineAction({
  input: assignMentorInput,
  ...caseStaff('intent.write'),
  audit: 'write',
  target: (input) => input.intentId,
  async run(input, ctx): Promise<CaseView> {
    const caller = ctx.caller
    const intent = await loadCase(ctx, input.intentId)
    let mentor: CaseMentor | null = null
    if (input.mentorId) {
      const m = await ctx.store.collection('mentors').get(input.mentorId)
      if (!m || !m.active || !visibleFrom(m.orgId, intent.communityPath)) throw validation([{ path: 'mentorId', message: '这位导师已停用或不服务这个社区' }])
      mentor = { id: m._id, name: m.name, field: m.field, specialty: m.specialty, organisation: m.organisation, availability: m.availability, assignedAt: ctx.now().toISOString(), assignedByName: caller.staff.name }
    }
    return changeCase(ctx, input.intentId, (c) => {
      if ((c.mentor?.id ?? null) === input.mentorId) throw validation([{ path: 'mentorId', message: input.mentorId ? '已经是这位导师了' : '还没有安排导师' }])
      return { ...c, mentor }
    }, caseNotices)
  },
})

const MAX_OPEN_REQUESTS = 3

/** A resident asks for a session with the mentor on their case; the community sees it on the case. */
export const requestMentor = defineAction({
  input: requestMentorInput,
  access: 'resident',
  async run(input, ctx): Promise<MentorRequest> {
    const { intent } = await residentPlace(ctx)
    if (!intent) throw conflict('请先登记创业意向，社区会为你安排导师')
    if (!intent.mentor) throw conflict('社区还没有为你安排导师')
    const open = await ctx.store.collection('mentorRequests').count(where.and<MentorRequest>(where.eq('intentId', intent._id), where.eq('status', 'open')))
    if (open >= MAX_OPEN_REQUESTS) throw conflict('你已有几条预约在等待安排，请耐心等社区联系你')
    const at = ctx.now().toISOString()
    const request: MentorRequest = {
      _id: newId('mrq'),
      intentId: intent._id,
      residentId: ctx.caller.id,
      communityId: intent.communityId,
      communityPath: intent.communityPath,
      mentorId: intent.mentor.id,
      mentorName: intent.mentor.name,
      topic: input.topic,
      preferredTime: input.preferredTime,
      status: 'open',
      createdAt: at,
      updatedAt: at,
    }
    await ctx.store.collection('mentorRequests').insert(request)
    return request
  },
})

/** Staff: a case's mentor session requests, newest first. */
export const mentorRequests = defineAction({
  input: intentIdInput,
  ...caseStaff('intent.read'),
  async run(input, ctx): Promise<MentorRequestView[]> {
    await loadCase(ctx, input.intentId)
    const page = await ctx.store.collection('mentorRequests').find({ where: where.eq<MentorRequest>('intentId', input.intentId), orderBy: [{ field: 'createdAt', dir: 'desc' }], limit: 50 })
    return page.items.map((r) => forStaff(ctx.keyring, ctx.caller.id, r))
  },
})

/** Staff mark a request scheduled or closed (the session itself is a `mentor` follow-up on the case). */
export const closeMentorRequest = defineAction({
  input: closeMentorRequestInput,
  ...CASE_WRITE,
  async run(input, ctx): Promise<MentorRequestView> {
    const r = await ctx.store.collection('mentorRequests').get(input.id)
    if (!r) throw notFound('预约不存在')
    await loadCase(ctx, r.intentId)
    const at = ctx.now().toISOString()
    await ctx.store.collection('mentorRequests').update(r._id, { set: { status: input.status, updatedAt: at } })
    return forStaff(ctx.keyring, ctx.caller.id, { ...r, status: input.status, updatedAt: at })
  },
})
