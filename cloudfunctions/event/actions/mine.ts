import { type MyActivity, myActivitiesInput, type MyActivitiesOutput } from '../../_shared/contracts/event'
import { type EventSignup, type PromotionEvent } from '../../_shared/domain/event'
import { pageUrl } from '../../_shared/domain/pages'
import type { Course, CourseEnrolment } from '../../_shared/domain/training'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'

const SIGNUP_LABELS: Record<EventSignup['status'], string> = { confirmed: '已报名', waitlisted: '候补中', checked_in: '已签到', cancelled: '已取消' }
const ENROLMENT_LABELS: Record<CourseEnrolment['status'], string> = { enrolled: '已报名', completed: '已结业', cancelled: '已取消' }

/**
 * 我的活动: the events and courses I signed up for (cancelled ones left out), upcoming first by
 * time, then past, newest first. An event shows my 报名号 (the number staff see beside my name to
 * check me in by hand); a course my 结业证书 number once completed. Cancel is offered where the
 * cancel actions allow it (an event not checked in and not over; a course not completed).
 * Reads: my sign-ups and enrolments (one query each, at most 50 of each), then each item once.
 */
export const mine = defineAction({
  input: myActivitiesInput,
  access: 'resident',
  async run(_input, ctx): Promise<MyActivitiesOutput> {
    const me = ctx.caller.id
    const now = ctx.now().toISOString()
    const [signups, enrolments] = await Promise.all([
      ctx.store.collection('eventSignups').find({ where: where.and<EventSignup>(where.eq('residentId', me), where.ne('status', 'cancelled')), orderBy: [{ field: 'updatedAt', dir: 'desc' }], limit: 50 }),
      ctx.store.collection('courseEnrolments').find({ where: where.and<CourseEnrolment>(where.eq('residentId', me), where.ne('status', 'cancelled')), orderBy: [{ field: 'updatedAt', dir: 'desc' }], limit: 50 }),
    ])
    const items: MyActivity[] = []
    const events = await Promise.all(signups.items.map((s) => ctx.store.collection('events').get(s.eventId)))
    signups.items.forEach((s, i) => {
      const e = events[i] as PromotionEvent | null
      if (!e) return
      items.push({
        kind: 'event',
        id: e._id,
        title: e.title,
        startAt: e.startAt,
        endAt: e.endAt,
        place: e.place,
        status: e.status === 'cancelled' ? '活动已取消' : SIGNUP_LABELS[s.status],
        code: s.status === 'waitlisted' ? null : `报名号 ${s.seq}`,
        canCancel: e.status !== 'cancelled' && s.status !== 'checked_in' && now < e.endAt,
        url: pageUrl('event', { id: e._id }),
      })
    })
    const courses = await Promise.all(enrolments.items.map((x) => ctx.store.collection('courses').get(x.courseId)))
    enrolments.items.forEach((x, i) => {
      const c = courses[i] as Course | null
      if (!c || !c.sessions.length) return
      const next = c.sessions.find((s) => s.endAt > now)
      const last = c.sessions[c.sessions.length - 1]
      items.push({
        kind: 'course',
        id: c._id,
        title: c.title,
        startAt: (next ?? last).startAt,
        endAt: last.endAt,
        place: c.place,
        status: `${ENROLMENT_LABELS[x.status]} · 已上 ${x.attended.length}/${c.requiredSessions} 节`,
        code: x.certificateNo ? `结业证书 ${x.certificateNo}` : null,
        canCancel: x.status === 'enrolled' && now < last.endAt,
        url: pageUrl('course', { id: c._id }),
      })
    })
    const upcoming = items.filter((a) => a.endAt >= now).sort((a, b) => a.startAt.localeCompare(b.startAt))
    const past = items.filter((a) => a.endAt < now).sort((a, b) => b.startAt.localeCompare(a.startAt))
    return { upcoming, past }
  },
})
