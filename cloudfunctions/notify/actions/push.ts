import { pushInput, type PushView } from '../../_shared/contracts/notify'
import { type PolicyPush, pushIdOf } from '../../_shared/domain/notify'
import { type Action, defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { loadPushable, PUSH_PERMISSION, toPushView } from '../access'
import type { NotifyDeps } from '../deps'
import { drain, enqueue } from '../sender'

/**
 * `notify.push`: files a published policy for the subscribed residents of the chosen
 * communities (and groups) who match, each in their inbox, then sends WeChat messages until
 * done or the call's time budget runs out. Pushing the same policy version again, by anyone,
 * is the same push: it resumes sending and reaches only residents not yet filed.
 */
export function makePush(deps: NotifyDeps): Action<typeof pushInput, PushView> {
  return defineAction({
    input: pushInput,
    access: 'staff',
    ...PUSH_PERMISSION,
    audit: 'write',
    target: (input) => input.policyId,
    async run(input, ctx): Promise<PushView> {
      const { policy, targets } = await loadPushable(ctx, input.policyId)
      if (policy.status !== 'published') throw conflict('只能推送已发布的政策，请先发布')
      const allowed = new Set(targets.map((t) => t._id))
      const outside = input.communityIds.findIndex((id) => !allowed.has(id))
      if (outside >= 0) throw validation([{ path: `communityIds.${outside}`, message: '不在你的管辖范围内，或看不到这条政策' }])
      const target = { communityIds: [...new Set(input.communityIds)], targetGroups: [...new Set(input.targetGroups)] }
      const at = ctx.now().toISOString()
      const id = pushIdOf(policy._id, policy.version)
      const caller = ctx.caller.staff
      const push = await ctx.store.transaction(async (tx) => {
        const existing = await tx.collection('pushes').get(id)
        if (existing) {
          // A wider target joins the same push; an empty group list means everyone.
          const communityIds = [...new Set([...existing.communityIds, ...target.communityIds])]
          const targetGroups = existing.targetGroups.length && target.targetGroups.length ? [...new Set([...existing.targetGroups, ...target.targetGroups])] : []
          await tx.collection('pushes').update(id, { set: { communityIds, targetGroups, updatedAt: at, finishedAt: '' } })
          return { ...existing, communityIds, targetGroups }
        }
        const created: PolicyPush = {
          _id: id,
          policyId: policy._id,
          policyVersion: policy.version,
          policyTitle: policy.title,
          category: policy.category,
          orgPath: policy.orgPath,
          communityIds: target.communityIds,
          targetGroups: target.targetGroups,
          templateId: deps.template?.templateId ?? null,
          queued: 0,
          sent: 0,
          failed: 0,
          failedNoQuota: 0,
          failedRefused: 0,
          opened: 0,
          createdAt: at,
          createdBy: ctx.caller.id,
          createdByName: caller.name,
          updatedAt: at,
          finishedAt: '',
        }
        await tx.collection('pushes').insert(created)
        return created
      })
      const earlier = await ctx.store.collection('pushes').find({ where: where.and(where.eq('policyId', policy._id), where.lt('policyVersion', policy.version)), limit: 1 })
      await enqueue(ctx, push, policy, target, earlier.items.length > 0)
      await drain(ctx, deps, push, policy)
      const latest = await ctx.store.collection('pushes').get(id)
      return toPushView(latest ?? push)
    },
  })
}
