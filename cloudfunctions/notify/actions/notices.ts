import { consentNoticesInput, noticesInput, type NoticesOutput, setNoticeInput } from '../../_shared/contracts/notify'
import { NOTICE_KINDS, type NoticeSettings, noticeSwitches } from '../../_shared/domain/notice'
import { type Action, type Ctx, defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import type { Case } from '../../_shared/domain/case'
import { where } from '../../_shared/store/port'
import type { NotifyDeps } from '../deps'
import { grantQuotas, quotaId } from '../quota'

async function noticesOf(ctx: Ctx, deps: NotifyDeps): Promise<NoticesOutput> {
  const me = ctx.caller.id
  const [settings, sub] = await Promise.all([ctx.store.collection('noticeSettings').get(me), ctx.store.collection('subscriptions').get(me)])
  const tpl = deps.noticeTemplate
  const quota = tpl ? await ctx.store.collection('subscribeQuotas').get(quotaId(ctx.keyring, me, tpl.templateId)) : null
  return {
    kinds: noticeSwitches(settings, sub?.active ?? false),
    template: tpl ? { templateId: tpl.templateId, remaining: quota?.remaining ?? 0 } : null,
  }
}

/** `notify.notices`: which progress notices I get, and the WeChat template with my consents left. */
export function makeNotices(deps: NotifyDeps): Action<typeof noticesInput, NoticesOutput> {
  return defineAction({ input: noticesInput, access: 'resident', run: (_input, ctx) => noticesOf(ctx, deps) })
}

/**
 * `notify.setNotice`: turns one kind on or off for me. Already so (turning off what is off, or
 * a kind I never had a notice of): answers my settings and writes nothing.
 */
export function makeSetNotice(deps: NotifyDeps): Action<typeof setNoticeInput, NoticesOutput> {
  return defineAction({
    input: setNoticeInput,
    access: 'resident',
    async run(input, ctx): Promise<NoticesOutput> {
      const me = ctx.caller.id
      if (input.kind === 'policy') {
        const sub = await ctx.store.collection('subscriptions').get(me)
        // Never subscribed and turning it off: already so, nothing to write.
        if (!sub) {
          if (input.on) throw validation([{ path: 'kind', message: '请先在“订阅政策提醒”里选择关心的政策' }], '请先订阅政策提醒')
          return noticesOf(ctx, deps)
        }
        if (sub.active !== input.on) await ctx.store.collection('subscriptions').update(me, { set: { active: input.on, updatedAt: ctx.now().toISOString() } })
        return noticesOf(ctx, deps)
      }
      const current = await ctx.store.collection('noticeSettings').get(me)
      const off = new Set(current?.off ?? [])
      if (off.has(input.kind) !== input.on) return noticesOf(ctx, deps)
      if (input.on) off.delete(input.kind)
      else off.add(input.kind)
      const next: NoticeSettings = { _id: me, off: NOTICE_KINDS.filter((k) => off.has(k)), updatedAt: ctx.now().toISOString() }
      await ctx.store.collection('noticeSettings').put(next)
      if (input.kind === 'case') await copySwitchToCases(ctx, !input.on)
      return noticesOf(ctx, deps)
    },
  })
}

/** Cases of one resident at most (one per community they registered in). */
const CASES_KEPT = 50

/**
 * Copies my 我的帮扶进展 switch onto my cases (`Case.caseNoticesOff`), where a staff write of
 * the case reads it instead of my settings. Each case is written under its version (bumped), so a
 * staff write racing this one either sees the new switch or fails and is retried by the worker;
 * a case another write moved meanwhile is read again (three tries).
 */
async function copySwitchToCases(ctx: Ctx, off: boolean): Promise<void> {
  const intents = ctx.store.collection('cases')
  const { items } = await intents.find({ where: where.eq<Case>('residentId', ctx.caller.id), limit: CASES_KEPT })
  for (const first of items) {
    let c: Case | null = first
    for (let tries = 0; c && (c.caseNoticesOff === true) !== off && tries < 3; tries++) {
      const set: Partial<Case> = { caseNoticesOff: off, version: c.version + 1 }
      if (await intents.update(c._id, { set }, where.eq<Case>('version', c.version))) break
      c = await intents.get(c._id)
    }
  }
}

/**
 * `notify.consentNotices` (WeChat only: the H5 build cannot ask): each acceptance of the notice
 * template in `requestSubscribeMessage` is one message WeChat lets us send me; counted like the
 * policy reminders' consents.
 */
export function makeConsentNotices(deps: NotifyDeps): Action<typeof consentNoticesInput, NoticesOutput> {
  return defineAction({
    input: consentNoticesInput,
    access: 'resident',
    async run(input, ctx): Promise<NoticesOutput> {
      const tpl = deps.noticeTemplate
      if (!tpl || input.accepted.some((t) => t !== tpl.templateId)) throw validation([{ path: 'accepted', message: '不是本应用的进展提醒模板' }])
      const me = ctx.caller.id
      const at = ctx.now().toISOString()
      await ctx.store.transaction(async (tx) => {
        await grantQuotas(tx, ctx.keyring, me, input.accepted, at)
      })
      return noticesOf(ctx, deps)
    },
  })
}
