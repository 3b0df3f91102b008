import * as v from 'valibot'
import type { IntentExport, MyDataExport, SignupExport } from '../../_shared/contracts/profile'
import type { AuditEntry } from '../../_shared/domain/audit'
import type { EventSignup } from '../../_shared/domain/event'
import type { InboxMessage } from '../../_shared/domain/inbox'
import type { Intent } from '../../_shared/domain/intent'
import { defineAction, type Ctx } from '../../_shared/runtime/action'
import { exportReminders } from '../../notify/forget'
import { forbidden } from '../../_shared/runtime/errors'
import type { Keyring } from '../../_shared/runtime/keyring'
import { type BaseDoc, type Collection, type Filter, where } from '../../_shared/store/port'

/** What the export says about data it does not (or cannot) contain. */
export const EXPORT_NOTES = [
  '这是我们保存的关于你的全部数据：所在社区和人群、创业意向登记和帮扶记录、活动报名、消息，以及你自己的操作记录。',
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

function intentExport(i: Intent, keyring: Keyring): IntentExport {
  return {
    _id: i._id,
    communityId: i.communityId,
    communityName: i.communityName,
    name: i.name,
    phone: open(keyring, i.phoneSealed),
    idCard: open(keyring, i.idCardSealed),
    gender: i.gender,
    ageBand: i.ageBand,
    education: i.education,
    household: i.household,
    targetGroups: i.targetGroups,
    familySituation: i.familySituation,
    skillLevel: i.skillLevel,
    certificates: i.certificates,
    industry: i.industry,
    projectDescription: i.projectDescription,
    projectPhase: i.projectPhase,
    needs: i.needs,
    fundingAmount: i.fundingAmount,
    contactTime: i.contactTime,
    projectInterestIds: i.projectInterestIds,
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
    if (caller.kind !== 'resident') throw forbidden('仅限居民使用')
    const me = caller.id
    const profile = await store.collection('profiles').get(me)
    const community = profile?.communityId ? await store.collection('orgs').get(profile.communityId) : null
    const intents = await all(store.collection('intents'), where.eq<Intent>('residentId', me))
    const signups = await all(store.collection('event_signups'), where.eq<EventSignup>('residentId', me))
    const inbox = await all(store.collection('inbox'), where.eq<InboxMessage>('residentId', me))
    const activity = await all(store.collection('audit'), where.eq<AuditEntry>('actorId', me))
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
        .map((m) => ({ kind: m.kind, title: m.title, body: m.body, createdAt: m.createdAt, readAt: m.readAt })),
      reminders: await exportReminders(ctx, me),
      activity: activity.sort((a, b) => a.at.localeCompare(b.at)).map((a) => ({ at: a.at, action: a.action, result: a.result })),
    }
  },
})
