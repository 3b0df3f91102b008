import { courseCodeInput, type CourseCodeOutput } from '../../_shared/contracts/training'
import { slotEnd, slotOf } from '../../_shared/domain/event'
import { COURSE_PAGE } from '../../_shared/domain/training'
import { codeImage } from '../../_shared/files/mini-codes'
import { type Action, defineAction, staffWith } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { MiniCodeInputError, type MiniCodePort } from '../../_shared/codes/port'
import { COURSE_REFUSED, loadCourseForStaff, refuseTraining, signCourseScene } from '../access'

/** A session's current check-in code (rotates every 30 seconds), made by the bound `MiniCodePort`. */
export function makeCourseCode(codes: MiniCodePort): Action<typeof courseCodeInput, CourseCodeOutput> {
  return defineAction({
    input: courseCodeInput,
    ...staffWith('service.write', COURSE_REFUSED),
    async run(input, ctx): Promise<CourseCodeOutput> {
      const course = await loadCourseForStaff(ctx, input.id)
      if (course.status === 'cancelled') throw conflict('课程已取消')
      if (!course.sessions.some((s) => s.index === input.session)) throw refuseTraining('no_session')
      const slot = slotOf(ctx.now())
      const scene = signCourseScene(ctx.keyring, { code: course.code, session: input.session, slot })
      try {
        const made = await codes.make({ scene, page: COURSE_PAGE, origin: input.origin ?? null, width: 560, keep: false })
        return { scene, url: made.url, ...codeImage(made), rotatesAt: slotEnd(slot).toISOString() }
      } catch (err) {
        if (err instanceof MiniCodeInputError) throw validation([{ path: err.field, message: err.message }], err.message)
        throw err
      }
    },
  })
}
