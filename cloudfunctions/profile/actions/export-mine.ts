import { intentAnswers } from '../../_shared/application/case'
import * as v from 'valibot'
import type { IntentExport, MyDataExport, SignupExport } from '../../_shared/contracts/profile'
import type { AuditEntry } from '../../_shared/domain/audit'
import type { EventSignup } from '../../_shared/domain/event'
import type { Feedback } from '../../_shared/domain/feedback'
import type { InboxMessage } from '../../_shared/domain/inbox'
import type { MentorRequest, SiteApplication } from '../../_shared/domain/service'
import type { CourseEnrolment } from '../../_shared/domain/training'
import type { Case } from '../../_shared/domain/case'
import { defineAction, type Ctx } from '../../_shared/runtime/action'
import { exportNotices, exportReminders } from '../../_shared/application/forget-reminders'
import type { Keyring } from '../../_shared/runtime/keyring'
import { type BaseDoc, type Collection, type Filter, where } from '../../_shared/store/port'

/** What the export says about data it does not (or cannot) contain. */
export const EXPORT_NOTES = [
  '这是我们保存的关于你的全部数据：所在社区和人群、创业意向登记和帮扶记录、活动报名、消息和消息提醒开关，以及你自己的操作记录。',
  '登记里的手机号和身份证号是你本人的，这里完整显示；文件里没有其他人的信息，请妥善保管这个文件。',
  '问卷答案匿名保存，不含你的身份，所以无法导出，也无法按人删除。',
  '操作记录（何时提交、撤回、导出、删除）按规定只增不改，至少保存 180 天，删除数据时不会一并删除。',
]

export async function all<T extends BaseDoc>(col: Collection<T>, filter: Filter<T>): Promise<T[]> {
  const out: T[] = []
  for await (const batch of col.scan(filter, 100)) out.push(...batch)
  return out
}

/** Decrypts one of the caller's own sealed values; '' when none is held. */
function open(keyring: Keyring, sealed: string): string {
  return sealed ? keyring.decrypt(sealed) : ''
}

function intentExport(i: Case, keyring: Keyring): IntentExport {
  return {
    _id: i._id,
    communityId: i.communityId,
    communityName: i.communityName,
    ...intentAnswers(i),
    phone: open(keyring, i.phoneSealed),
    idCard: open(keyring, i.idCardSealed),
    consentVersion: i.consentVersion,
    consentAt: i.consentAt,
    status: i.status,
    stage: i.stage,
    stageHistory: i.stageHistory.map(({ byId: _byId, ...s }) => s),
    followUps: i.followUps.map(({ byId: _byId, ...f }) => f),
    ventures: i.ventures,
    benefits: i.benefits,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    acceptedAt: i.acceptedAt,
    withdrawnAt: i.withdrawnAt,
  }
}

async function signupExports(ctx: Ctx, signups: EventSignup[]): Promise<SignupExport[]> {
  const out: SignupExport[] = []
  for (const s of signups) {
    const event = await ctx.store.collection('events').get(s.eventId)
    out.push({
      eventId: s.eventId,
      eventTitle: event?.title ?? '（活动已删除）',
      eventStartAt: event?.startAt ?? null,
      eventPlace: event?.place ?? '',
      status: s.status,
      name: s.name,
      phone: open(ctx.keyring, s.phoneSealed),
      via: s.via,
      createdAt: s.createdAt,
      checkedInAt: s.checkedInAt,
      cancelledAt: s.cancelledAt,
    })
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/**
 * 导出我的数据: everything held about the caller as one JSON document. Identity comes from the
 * server only; the input is empty, so nobody can ask for someone else's data.
 */
export const exportMine = defineAction({
  input: v.object({}),
  access: 'resident',
  audit: 'export',
  async run(_input, ctx): Promise<MyDataExport> {
    const { caller, store, keyring } = ctx
    const me = caller.id
    const profile = await store.collection('profiles').get(me)
    const community = profile?.communityId ? await store.collection('orgs').get(profile.communityId) : null
    const intents = await all(store.collection('cases'), where.eq<Case>('residentId', me))
    const signups = await all(store.collection('eventSignups'), where.eq<EventSignup>('residentId', me))
    const inbox = await all(store.collection('inbox'), where.eq<InboxMessage>('residentId', me))
    const activity = await all(store.collection('audit'), where.eq<AuditEntry>('actorId', me))
    const feedback = await all(store.collection('feedback'), where.eq<Feedback>('residentId', me))
    const enrolments = await all(store.collection('courseEnrolments'), where.eq<CourseEnrolment>('residentId', me))
    const mentorRequests = await all(store.collection('mentorRequests'), where.eq<MentorRequest>('residentId', me))
    const siteApplications = await all(store.collection('siteApplications'), where.eq<SiteApplication>('residentId', me))
    const newestFirst = <T extends { createdAt: string }>(xs: T[]) => xs.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    return {
      format: 'chuangye-my-data/1',
      exportedAt: ctx.now().toISOString(),
      notes: EXPORT_NOTES,
      profile: profile
        ? { communityId: profile.communityId, communityName: community?.name ?? null, targetGroups: profile.targetGroups, updatedAt: profile.updatedAt }
        : null,
      intents: intents.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((i) => intentExport(i, keyring)),
      eventSignups: await signupExports(ctx, signups),
      inbox: inbox
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((m) => ({ kind: m.kind, title: m.title, body: m.body, link: m.link, createdAt: m.createdAt, readAt: m.readAt })),
      notices: await exportNotices(ctx, me),
      reminders: await exportReminders(ctx, me),
      feedback: newestFirst(feedback).map((f) => ({
        kind: f.kind,
        anonymous: f.anonymous,
        contactName: f.contactName,
        communityName: f.communityName,
        text: f.text,
        photos: f.photos.length,
        subjectTitle: f.subjectTitle,
        status: f.status,
        // Staff-internal notes are the community's working papers, not data about the resident's request.
        replies: f.messages.flatMap((m) => (m.kind === 'note' ? [] : [{ kind: m.kind, text: m.text, at: m.at, byName: m.byName }])),
        rating: f.rating,
        ratingComment: f.ratingComment,
        createdAt: f.createdAt,
        closedAt: f.closedAt,
      })),
      courseEnrolments: newestFirst(enrolments).map((e) => ({
        courseId: e.courseId,
        name: e.name,
        phoneMasked: e.phoneMasked,
        attendedSessions: e.attended,
        status: e.status,
        certificateNo: e.certificateNo,
        completedAt: e.completedAt,
        createdAt: e.createdAt,
      })),
      mentorRequests: newestFirst(mentorRequests).map((r) => ({ mentorName: r.mentorName, topic: r.topic, preferredTime: r.preferredTime, status: r.status, createdAt: r.createdAt })),
      siteApplications: newestFirst(siteApplications).map((a) => ({ siteName: a.siteName, name: a.name, note: a.note, status: a.status, reply: a.reply, createdAt: a.createdAt })),
      activity: activity.sort((a, b) => a.at.localeCompare(b.at)).map((a) => ({ at: a.at, action: a.action, result: a.result })),
    }
  },
})
