import { subscribeInput, type PreferencesOutput } from '../../_shared/contracts/notify'
import type { Subscription } from '../../_shared/domain/notify'
import { type Action, defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import type { NotifyDeps } from '../deps'
import { grantQuotas } from '../quota'
import { preferencesOf } from './preferences'

/**
 * `notify.subscribe`: records my topics (and community, from my profile) and adds one consent per
 * configured template I just accepted in WeChat. The H5 build sends no acceptances: its
 * subscription has no quota and reaches me in the in-app inbox.
 */
export function makeSubscribe(deps: NotifyDeps): Action<typeof subscribeInput, PreferencesOutput> {
  return defineAction({
    input: subscribeInput,
    access: 'resident',
    async run(input, ctx): Promise<PreferencesOutput> {
      const me = ctx.caller.id
      const at = ctx.now().toISOString()
      const profile = await ctx.store.collection('profiles').get(me)
      if (input.active && !profile?.communityId) {
        throw validation([{ path: 'communityId', message: '请先在“我的情况”里选择所在社区' }], '请先选择所在社区')
      }
      const configured = deps.template?.templateId
      const unknown = input.accepted.filter((t) => t !== configured)
      if (unknown.length) throw validation([{ path: 'accepted', message: '不是本应用的提醒模板' }])
      // Each acceptance is one message WeChat lets us send; only WeChat subscriptions count them.
      const accepted = input.channel === 'weapp' ? input.accepted : []
      await ctx.store.transaction(async (tx) => {
        const before = await tx.collection('subscriptions').get(me)
        const sub: Subscription = {
          _id: me,
          residentId: me,
          communityId: profile?.communityId ?? null,
          categories: [...new Set(input.categories)],
          targetGroups: [...new Set(input.targetGroups)],
          channel: input.channel,
          active: input.active,
          createdAt: before?.createdAt ?? at,
          updatedAt: at,
        }
        await tx.collection('subscriptions').put(sub)
        await grantQuotas(tx, ctx.keyring, me, accepted, at)
      })
      return preferencesOf(ctx, deps)
    },
  })
}
