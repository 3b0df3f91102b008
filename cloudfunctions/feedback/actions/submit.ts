import { feedbackSubmitInput, type MyFeedbackView } from '../../_shared/contracts/feedback'
import type { FieldError } from '../../_shared/contracts/common'
import { dueDateFor, type Feedback, type FeedbackSubjectKind, photoProblem } from '../../_shared/domain/feedback'
import { defineAction, type Ctx } from '../../_shared/runtime/action'
import { applyCountedChange } from '../../_shared/runtime/counters'
import { validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { feedbackCounted, toMyView } from '../item'
import type { PhotoFiles } from '../../_shared/files/photo-files'

interface Subject {
  kind: FeedbackSubjectKind
  id: string
  title: string
  caseId: string | null
}

/** What the item is about: a published policy, an event, or the resident's own case. */
async function resolveSubject(ctx: Ctx, subject: { kind: FeedbackSubjectKind; id: string }, communityId: string): Promise<Subject> {
  const bad = (message: string) => validation([{ path: 'subject', message }], message)
  if (subject.kind === 'policy') {
    const policy = await ctx.store.collection('policies').get(subject.id)
    if (!policy || policy.status !== 'published') throw bad('这条政策不存在或已下线')
    return { ...subject, title: policy.title, caseId: null }
  }
  if (subject.kind === 'event') {
    const event = await ctx.store.collection('events').get(subject.id)
    if (!event) throw bad('这个活动不存在')
    return { ...subject, title: event.title, caseId: null }
  }
  const intent = await ctx.store.collection('cases').get(subject.id)
  if (!intent || intent.residentId !== ctx.caller.id) throw bad('找不到你的创业档案')
  if (intent.communityId !== communityId) {
    throw validation([{ path: 'communityId', message: `你的创业档案在${intent.communityName}，请选择这个社区` }])
  }
  return { ...subject, title: '我的创业档案', caseId: intent._id }
}

/** Every photo must be an upload the files port holds, of an accepted type and size. */
async function checkPhotos(files: PhotoFiles, refs: readonly string[]): Promise<string[]> {
  const unique = [...new Set(refs)]
  const fields: FieldError[] = []
  for (const [i, ref] of unique.entries()) {
    const stored = await files.inspect(ref)
    const problem = stored ? photoProblem(stored.size, stored.head) : '照片没有上传成功，请重新选择'
    if (problem) fields.push({ path: `photos.${i}`, message: `第 ${i + 1} 张照片：${problem}` })
  }
  if (fields.length) throw validation(fields, fields[0].message)
  return unique
}

/**
 * A resident sends feedback to their community. Anonymous items keep the resident's id only so
 * the answer reaches them; staff never see who sent it, and an anonymous item cannot name the
 * resident's case (that would name them).
 */
export function makeSubmit(files: () => PhotoFiles) {
  return defineAction({
    input: feedbackSubmitInput,
    access: 'resident',
    audit: 'write',
    async run(input, ctx): Promise<MyFeedbackView> {
      if (input.anonymous && input.subject?.kind === 'case') {
        throw validation([{ path: 'subject', message: '匿名反馈不能关联你的创业档案' }], '匿名反馈不能关联你的创业档案')
      }
      const community = await ctx.store.collection('orgs').get(input.communityId)
      if (!community || community.level !== 'community') throw validation([{ path: 'communityId', message: '请选择你所在的社区' }])
      const subject = input.subject ? await resolveSubject(ctx, input.subject, community._id) : null
      const photos = await checkPhotos(files(), input.photos)
      const now = ctx.now()
      const at = now.toISOString()
      const due = dueDateFor(input.kind, now)
      const item: Feedback = {
        _id: newId('fb'),
        residentId: ctx.caller.id,
        anonymous: input.anonymous,
        contactName: input.anonymous ? '' : input.contactName,
        communityId: community._id,
        communityPath: community.path,
        communityName: community.name,
        kind: input.kind,
        text: input.text,
        photos,
        subjectKind: subject?.kind ?? null,
        subjectId: subject?.id ?? null,
        subjectTitle: subject?.title ?? '',
        caseId: subject?.caseId ?? null,
        status: 'received',
        assigneeId: '',
        assigneeName: '',
        messages: [],
        events: [],
        createdAt: at,
        firstDueDate: due,
        dueDate: due,
        firstAnsweredAt: '',
        answeredAt: '',
        closedAt: '',
        closedBy: '',
        resolution: null,
        resolutionNote: '',
        rating: null,
        ratingComment: '',
        ratedAt: '',
        reopenCount: 0,
        updatedAt: at,
        version: 1,
      }
      await ctx.store.transaction(async (tx) => {
        await tx.collection('feedback').insert(item)
        await applyCountedChange(tx, null, feedbackCounted(item))
      })
      return toMyView(item, files(), now)
    },
  })
}
