import type { Ctx } from '../_shared/runtime/action'
import type { Feedback } from '../_shared/domain/feedback'
import type { MentorRequest, SiteApplication } from '../_shared/domain/service'
import type { CourseEnrolment } from '../_shared/domain/training'
import { where } from '../_shared/store/port'
import { all } from './actions/export-mine'

/** What stands where a deleted resident's words were. */
export const DELETED_TEXT = '（居民已删除个人数据）'

/**
 * Removes the caller's personal content from their feedback, course enrolments, mentor requests
 * and site applications, keeping the records themselves: their status, dates, kinds and ratings
 * are what the counters (按时答复率, 培训覆盖率…) and the staff's work history count, and none of
 * those fields changes, so no counter moves. Each record is its own guarded update, so a repeat
 * finds nothing left to do. Returns how many records were anonymised.
 */
export async function forgetServiceRecords(ctx: Ctx, me: string): Promise<number> {
  const { store } = ctx
  let n = 0
  for (const f of await all(store.collection('feedback'), where.eq<Feedback>('residentId', me))) {
    const set: Partial<Feedback> = {
      residentId: '',
      contactName: '',
      text: DELETED_TEXT,
      photos: [],
      caseId: null,
      ratingComment: '',
      messages: f.messages.map((m) => (m.kind === 'resident' ? { ...m, text: DELETED_TEXT } : m)),
    }
    if (await store.collection('feedback').update(f._id, { set }, where.eq<Feedback>('residentId', me))) n++
  }
  for (const e of await all(store.collection('courseEnrolments'), where.eq<CourseEnrolment>('residentId', me))) {
    if (await store.collection('courseEnrolments').update(e._id, { set: { residentId: '', name: '已删除', phoneMasked: '' } }, where.eq<CourseEnrolment>('residentId', me))) n++
  }
  for (const r of await all(store.collection('mentorRequests'), where.eq<MentorRequest>('residentId', me))) {
    if (await store.collection('mentorRequests').update(r._id, { set: { residentId: '', topic: DELETED_TEXT, preferredTime: '' } }, where.eq<MentorRequest>('residentId', me))) n++
  }
  for (const a of await all(store.collection('siteApplications'), where.eq<SiteApplication>('residentId', me))) {
    if (await store.collection('siteApplications').update(a._id, { set: { residentId: '', name: '已删除', note: '' } }, where.eq<SiteApplication>('residentId', me))) n++
  }
  return n
}
