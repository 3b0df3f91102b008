import { preferencesInput, type PreferencesOutput } from '../../_shared/contracts/notify'
import { type Action, type Ctx, defineAction } from '../../_shared/runtime/action'
import type { NotifyDeps } from '../deps'
import { myTemplates } from '../quota'

/** My subscription, the templates to ask WeChat for and my consents left. */
export async function preferencesOf(ctx: Ctx, deps: NotifyDeps): Promise<PreferencesOutput> {
  const [sub, profile, templates] = await Promise.all([
    ctx.store.collection('subscriptions').get(ctx.caller.id),
    ctx.store.collection('profiles').get(ctx.caller.id),
    myTemplates(ctx, deps),
  ])
  return {
    subscription: sub
      ? { categories: sub.categories, targetGroups: sub.targetGroups, channel: sub.channel, active: sub.active, communityId: sub.communityId }
      : null,
    templates,
    needsCommunity: !profile?.communityId,
  }
}

/** `notify.preferences`. */
export function makePreferences(deps: NotifyDeps): Action<typeof preferencesInput, PreferencesOutput> {
  return defineAction({
    input: preferencesInput,
    access: 'resident',
    run: (_input, ctx) => preferencesOf(ctx, deps),
  })
}
