import type { CourseCheckinOutput, CourseSaveInput, EnrolInput } from '@shared/contracts/training'
import { TRAINING_REFUSALS } from '@shared/domain/training'
import { call, errorMessage, isApiError } from '../core/cloud'
import { appOrigin } from '../core/app-origin'
import { newRequestId } from '../core/outbox'


const REFUSAL_MESSAGES = new Set<string>(Object.values(TRAINING_REFUSALS))

/** The server's reason when it refused on purpose (full, already checked in, stale code…), else the usual words. */
export function trainingErrorMessage(e: unknown): string {
  if (isApiError(e) && REFUSAL_MESSAGES.has(e.message)) return e.message
  return errorMessage(e)
}

export const listCourses = (view: 'resident' | 'manage', after: string | null) => call('training', 'list', { view, after, limit: 10 })
export const getCourse = (id: string) => call('training', 'get', { id })
export const enrolCourse = (input: EnrolInput) => call('training', 'enrol', input)
export const cancelCourse = (courseId: string) => call('training', 'cancel', { courseId })
/** A resident's scan of a session code (the scan variant always answers with the course). */
export async function scanCourseCode(scene: string): Promise<CourseCheckinOutput> {
  const out = await call('training', 'checkin', { mode: 'scan', scene, requestId: newRequestId() })
  if (!('course' in out)) throw new Error('unexpected check-in answer')
  return out
}
export const listTrainees = (courseId: string) => call('training', 'enrolments', { courseId, limit: 50 })

export function getSessionCode(id: string, session: number) {
  const origin = appOrigin()
  return call('training', 'code', origin ? { id, session, origin } : { id, session })
}
export const saveCourse = (input: CourseSaveInput) => call('training', 'save', input)
