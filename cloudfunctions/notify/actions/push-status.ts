import { type FeatureConfig, pushStatusInput, type PushStatusOutput } from '../../_shared/contracts/notify'
import type { PolicyPush } from '../../_shared/domain/notify'
import { type Action, defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { loadPushable, PUSH_PERMISSION, toPushView } from '../access'
import type { NotifyDeps } from '../deps'

/** The template's state in words: read from the function's configuration at load, never from the request. */
export function templateStatus(deps: Pick<NotifyDeps, 'template'>): FeatureConfig {
  if (deps.template) return { configured: true, label: '已配置', note: '' }
  return {
    configured: false,
    label: '未配置',
    note: '订阅消息模板未配置：推送只进入站内消息，居民打开小程序才能看到。请系统管理员在微信公众平台“订阅消息”里选用政策提醒模板，把模板编号填入云函数 notify 的环境变量 SUBSCRIBE_TEMPLATE_POLICY，重新部署后即可同时发微信消息。',
  }
}

/**
 * `notify.pushStatus`: the latest pushes of a policy (queued / sent / failed while it runs, and
 * the funnel), where it may go, and whether WeChat messages are configured at all.
 */
export function makePushStatus(deps: Pick<NotifyDeps, 'template'>): Action<typeof pushStatusInput, PushStatusOutput> {
  return defineAction({
    input: pushStatusInput,
    access: 'staff',
    ...PUSH_PERMISSION,
    async run(input, ctx): Promise<PushStatusOutput> {
      const { policy, targets } = await loadPushable(ctx, input.policyId)
      const { items } = await ctx.store.collection('pushes').find({
        where: where.eq<PolicyPush>('policyId', policy._id),
        orderBy: [{ field: 'createdAt', dir: 'desc' }],
        limit: 10,
      })
      const pushes = []
      for (const p of items) pushes.push(toPushView(p))
      return { subscribeTemplate: templateStatus(deps), policyVersion: policy.version, targets: targets.map((t) => ({ _id: t._id, name: t.name })), pushes }
    },
  })
}
