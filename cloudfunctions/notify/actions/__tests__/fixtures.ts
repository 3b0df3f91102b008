import type { PolicyView } from '../../../_shared/contracts/policy'
import { type TemplateLayout, parseLayout } from '../../../_shared/domain/notify'
import type { SubscribeSendParams, SubscribeSendResult } from '../../../_shared/notifier/wechat'
import { wechatNotifier } from '../../../_shared/notifier/wechat'
import { draft, makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import type { PolicyDraftInput } from '../../../_shared/contracts/policy'
import { policyActions } from '../../../policy/actions'
import { profileActions } from '../../../profile/actions'
import type { Timer } from '../../deps'
import { notifyActions } from '..'
import type { PolicyCategory } from '../../../_shared/domain/policy'
import type { TargetGroup } from '../../../_shared/domain/target-groups'

export const TEMPLATE_ID = 'tmpl-policy-reminder-0001'
export const NOTICE_TEMPLATE_ID = 'tmpl-progress-notice-0001'
export const LAYOUT: TemplateLayout = parseLayout('thing1:title,phrase2:category,thing3:org,time4:time,thing5:note')

export const STAFF = testStaff('a-staff', 'a-lead', 'b-staff', 'district', 'reviewer')

/** A WeChat error as wx-server-sdk rejects with it. */
export function wxError(errCode: number, errMsg: string): Error & { errCode: number } {
  return Object.assign(new Error(`errCode: ${errCode} | errMsg: ${errMsg}`), { errCode })
}

/**
 * A fake of WeChat's `subscribeMessage.send` at the injected cloud-call boundary: `answer` says
 * what WeChat does for a call (to whom, which attempt for them), every call is recorded.
 */
export function fakeWechat(
  answer: (params: SubscribeSendParams, attempt: number) => 'ok' | Error = () => 'ok',
  now: () => number = Date.now,
  hold: (params: SubscribeSendParams) => Promise<void> = async () => undefined,
) {
  const calls: (SubscribeSendParams & { at: number })[] = []
  const call = async (params: SubscribeSendParams): Promise<SubscribeSendResult> => {
    calls.push({ ...params, at: now() })
    await hold(params)
    const attempt = calls.filter((c) => c.touser === params.touser).length
    const a = answer(params, attempt)
    if (a instanceof Error) throw a
    return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
  }
  return { call, calls, to: (openid: string) => calls.filter((c) => c.touser === openid) }
}

/** A clock whose sleep moves it on at once; it records every wait. */
export function fakeTimer(startIso: string): Timer & { waits: number[] } {
  let t = Date.parse(startIso)
  const waits: number[] = []
  return {
    waits,
    now: () => t,
    async sleep(ms) {
      waits.push(ms)
      t += ms
    },
  }
}

/** The harness, the notify actions over a fake WeChat, and helpers to subscribe residents and publish policies. */
export async function setup(
  opts: { answer?: Parameters<typeof fakeWechat>[0]; hold?: Parameters<typeof fakeWechat>[2]; budgetMs?: number; perSecond?: number } = {},
) {
  const h = await makeHarness(STAFF)
  const timer = fakeTimer('2026-11-22T02:00:00.000Z')
  const wechat = fakeWechat(opts.answer, timer.now, opts.hold)
  const actions = notifyActions({
    notifier: () => wechatNotifier(wechat.call),
    template: { templateId: TEMPLATE_ID, layout: LAYOUT },
    noticeTemplate: { templateId: NOTICE_TEMPLATE_ID, layout: LAYOUT },
    pace: { perSecond: opts.perSecond ?? 10, budgetMs: opts.budgetMs ?? 10 * 60_000 },
    timer,
  })
  /** A resident in `community` subscribing (in WeChat, accepting the template `accepts` times, unless `h5`). */
  const subscribe = async (
    id: string,
    community: string | null,
    topics: { categories?: PolicyCategory[]; targetGroups?: TargetGroup[] } = {},
    how: { accepts?: number; channel?: 'weapp' | 'h5'; active?: boolean } = {},
  ) => {
    if (community) await h.ok(profileActions, resident(id), 'save', { communityId: community, targetGroups: [] })
    const channel = how.channel ?? 'weapp'
    const times = how.accepts ?? 1
    for (let i = 0; i < Math.max(1, times); i++) {
      await h.ok(actions, resident(id), 'subscribe', {
        categories: topics.categories ?? [],
        targetGroups: topics.targetGroups ?? [],
        channel,
        accepted: times > 0 ? [TEMPLATE_ID] : [],
        active: how.active ?? true,
      })
    }
  }
  const publish = async (who: string, over: Partial<PolicyDraftInput> = {}) => {
    const saved = await h.ok<PolicyView>(policyActions, staffId(who), 'save', draft(over))
    return h.ok<PolicyView>(policyActions, staffId(who), 'publish', { id: saved._id })
  }
  return { h, actions, wechat, timer, subscribe, publish }
}
