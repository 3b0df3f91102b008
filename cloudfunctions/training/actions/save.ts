import { courseSaveInput, type CourseView } from '../../_shared/contracts/training'
import { type Course, courseIdOf } from '../../_shared/domain/training'
import { defineAction, staffSave } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { checkPolicies } from '../../_shared/application/policy-links'
import { newCode } from '../../_shared/codes/scene'
import { syncSearchEntry } from '../../_shared/application/search-index'
import { loadCourseForStaff, toCourseView } from '../access'
import { ownedByCaller, saveOwnedEdit } from '../../_shared/application/owned-records'

/**
 * Adds a course to the caller's org (published at once) or edits one of their subtree, naming the
 * version it started from. Places already taken cannot be cut below the enrolled count.
 */
export const save = defineAction({
  input: courseSaveInput,
  ...staffSave('service.write', '你的角色不能管理培训课程'),
  async run(input, ctx): Promise<CourseView> {
    const { caller } = ctx
    const at = ctx.now().toISOString()
    const { id, version, sessions, ...fields } = input
    const indexed = [...sessions].sort((a, b) => (a.startAt < b.startAt ? -1 : 1)).map((s, index) => ({ index, ...s }))
    if (!id) {
      if (fields.policyId) await checkPolicies(ctx, [fields.policyId], caller.org.path)
      const code = newCode()
      const course: Course = {
        _id: courseIdOf(code),
        code,
        ...ownedByCaller(caller, at),
        ...fields,
        sessions: indexed,
        status: 'published',
        enrolledCount: 0,
        completedCount: 0,
      }
      await ctx.store.collection('courses').insert(course)
      await syncSearchEntry(ctx.store, 'course', course, at)
      return toCourseView(ctx, course, null)
    }
    const current = await loadCourseForStaff(ctx, id)
    if (fields.policyId) await checkPolicies(ctx, [fields.policyId], current.orgPath)
    if (current.version !== version) throw conflict('课程已被他人修改，请刷新后再改')
    if (fields.capacity < current.enrolledCount) throw validation([{ path: 'capacity', message: `已有 ${current.enrolledCount} 人报名，名额不能更少` }])
    const saved = await saveOwnedEdit(ctx.store.collection('courses'), current, { ...fields, sessions: indexed }, { caller, at, stale: '课程已被他人修改，请刷新后再改' })
    await syncSearchEntry(ctx.store, 'course', saved, at)
    return toCourseView(ctx, saved, null)
  },
})
