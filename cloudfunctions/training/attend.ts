import { type Benefit, type Case, stageRank } from '../_shared/domain/case'
import { shanghaiDate } from '../_shared/domain/time'
import { type Course, type CourseEnrolment, certificateNo, isComplete, subsidyBenefitId, subsidyEligible } from '../_shared/domain/training'
import type { Ctx } from '../_shared/runtime/action'
import { conflict } from '../_shared/runtime/errors'
import type { Collections } from '../_shared/store/collections'
import { type TxStore, where } from '../_shared/store/port'
import { newFollowUp, writeCase } from '../_shared/application/case'
import { benefitNotices, caseNotices } from '../_shared/application/notices'
import { activeIntents } from '../_shared/application/resident'

const BUSY = '签到的人较多，请再试一次'

/**
 * The case a course completion is recorded on: the enrolment's, else the resident's active
 * registration in a community the course serves. Read outside the transaction; the transaction
 * re-reads it and writes only if its version is unchanged.
 */
export async function caseForCourse(ctx: Ctx, course: Course, enrolment: Pick<CourseEnrolment, 'intentId' | 'residentId'>): Promise<string | null> {
  if (enrolment.intentId) return enrolment.intentId
  const mine = await activeIntents(ctx, enrolment.residentId)
  return mine.find((i) => i.communityPath.includes(course.orgId))?._id ?? null
}

/** What completing `course` changes on a case: 已培训 (once), a training follow-up, and the subsidy when eligible. */
export function completedCase(c: Case, course: Course, certificate: string, at: string): Case {
  const today = shanghaiDate(new Date(at))
  const by = { byId: `course:${course._id}`, byName: course.orgName }
  const next: Case = { ...c, courseCompletedAt: c.courseCompletedAt || at, trainedAt: c.trainedAt || at }
  if (stageRank(c.stage) < stageRank('trained')) {
    next.stage = 'trained'
    next.stageHistory = [...c.stageHistory, { stage: 'trained', at, ...by, note: `完成培训：${course.title}` }]
  }
  const followUp = newFollowUp({ kind: 'training', date: today, note: `完成“${course.title}”，结业证书 ${certificate}`, outcome: '已结业', visibleToResident: true, nextFollowUpDate: '' }, by, at)
  next.followUps = [...c.followUps, followUp]
  if (subsidyEligible(course, c)) {
    const benefit: Benefit = {
      id: subsidyBenefitId(course._id),
      policyId: course.policyId,
      policyTitle: `${course.title} 培训补贴`,
      kind: 'training_subsidy',
      // Courses keep their subsidy in whole yuan; benefits in fen.
      amountFen: course.subsidyAmount * 100,
      date: today,
      approvedBy: course.orgName,
      documentNo: certificate,
      note: `结业证书 ${certificate}`,
      eligible: true,
      overrideReason: '',
      loanId: null,
      at,
      byName: course.orgName,
      history: [],
    }
    next.benefits = [...c.benefits, benefit]
    next.benefitCount = c.benefitCount + 1
  }
  return next
}

/**
 * Inside the caller's transaction: records attendance at `session` (re-reading the enrolment,
 * guarded on its `updatedAt`), and when that completes the course, numbers the certificate
 * (guarded on the course's completion count), and moves the case through `writeCase` so the
 * counters move with it. Any lost race throws 409 and nothing is written.
 */
export async function attend(
  tx: TxStore<Collections>,
  ctx: Ctx,
  course: Course,
  enrolment: CourseEnrolment,
  session: number,
  by: string,
  intentId: string | null,
): Promise<{ enrolment: CourseEnrolment; completed: boolean }> {
  const at = ctx.now().toISOString()
  const attended = [...enrolment.attended, session]
  const completes = enrolment.status === 'enrolled' && isComplete(course, attended)
  const set: Partial<CourseEnrolment> = { attended, checkedInBy: { ...enrolment.checkedInBy, [String(session)]: by }, updatedAt: at }
  if (completes) {
    const counted = await tx
      .collection('courses')
      .update(course._id, { inc: { completedCount: 1 }, set: { updatedAt: at } }, where.eq<Course>('completedCount', course.completedCount))
    if (!counted) throw conflict(BUSY)
    const certificate = certificateNo(course, new Date(at), course.completedCount + 1)
    Object.assign(set, { status: 'completed', certificateNo: certificate, completedAt: at })
    const current = intentId ? await tx.collection('cases').get(intentId) : null
    if (current && current.status !== 'withdrawn' && !current.anonymisedAt) {
      const saved = await writeCase(tx, current, completedCase(current, course, certificate, at), at, (b, a) => [...caseNotices(b, a), ...benefitNotices(b, a)])
      if (!saved) throw conflict(BUSY)
      set.intentId = current._id
    }
  }
  const ok = await tx.collection('courseEnrolments').update(enrolment._id, { set }, where.eq<CourseEnrolment>('updatedAt', enrolment.updatedAt))
  if (!ok) throw conflict(BUSY)
  return { enrolment: { ...enrolment, ...set }, completed: completes }
}
