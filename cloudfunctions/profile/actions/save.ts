import { profileSaveInput, type Me } from '../../_shared/contracts/profile'
import { defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import { describeMe } from '../me'

/** Sets my community and the groups I belong to; both drive which policies fit me. */
export const save = defineAction({
  input: profileSaveInput,
  access: 'any',
  async run(input, ctx): Promise<Me> {
    if (input.communityId) {
      const org = await ctx.store.collection('orgs').get(input.communityId)
      if (!org || org.level !== 'community') throw validation([{ path: 'communityId', message: '请选择一个社区(村)' }])
    }
    const at = ctx.now().toISOString()
    await ctx.store.transaction(async (tx) => {
      const before = await tx.collection('profiles').get(ctx.caller.id)
      // A profile from before the history existed: its community counts from the beginning.
      let history = before?.communityHistory ?? (before?.communityId ? [{ communityId: before.communityId, since: '' }] : [])
      if (input.communityId && input.communityId !== (before?.communityId ?? null)) {
        history = [...history, { communityId: input.communityId, since: at }]
      }
      await tx.collection('profiles').put({
        _id: ctx.caller.id,
        communityId: input.communityId,
        targetGroups: [...new Set(input.targetGroups)],
        updatedAt: at,
        ...(history.length ? { communityHistory: history } : {}),
      })
      // Policy reminders follow the resident to their new community (pushes target communities).
      await tx.collection('subscriptions').update(ctx.caller.id, { set: { communityId: input.communityId, updatedAt: at } })
    })
    return describeMe(ctx)
  },
})
