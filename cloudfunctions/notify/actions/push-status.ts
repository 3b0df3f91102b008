import { pushStatusInput, type PushStatusOutput } from '../../_shared/contracts/notify'
import type { PolicyPush } from '../../_shared/domain/notify'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { loadPushable, toPushView } from '../access'

/** `notify.pushStatus`: the latest pushes of a policy (queued / sent / failed while it runs, and the funnel) and where it may go. */
export const pushStatus = defineAction({
  input: pushStatusInput,
  access: 'staff',
  async run(input, ctx): Promise<PushStatusOutput> {
    const { policy, targets } = await loadPushable(ctx, input.policyId)
    const { items } = await ctx.store.collection('pushes').find({
      where: where.eq<PolicyPush>('policyId', policy._id),
      orderBy: [{ field: 'createdAt', dir: 'desc' }],
      limit: 10,
    })
    const pushes = []
    for (const p of items) pushes.push(await toPushView(ctx, p))
    return { policyVersion: policy.version, targets: targets.map((t) => ({ _id: t._id, name: t.name })), pushes }
  },
})
