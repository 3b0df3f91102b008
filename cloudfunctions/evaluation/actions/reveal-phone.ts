import { revealPhoneInput } from '../../_shared/contracts/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, missingOrOutOfScope } from '../../_shared/runtime/errors'
import { loadApplication, evaluationStaff } from '../application'

/** A sampled resident's full phone number for the follow-up call; audited as a reveal, like `ledger.reveal`. */
export const revealPhone = defineAction({
  input: revealPhoneInput,
  ...evaluationStaff('evaluation.spotcheck'),
  audit: 'reveal',
  target: (input) => input.intentId,
  async run({ id, intentId }, ctx) {
    const caller = ctx.caller
    const app = await loadApplication(ctx, caller, id)
    if (!app.sample?.intentIds.includes(intentId)) throw missingOrOutOfScope(intentId, '这位居民不在抽样名单里')
    const intent = await ctx.store.collection('cases').get(intentId)
    if (!intent || intent.communityId !== app.communityId) throw missingOrOutOfScope(intent, '这位居民的档案已不存在')
    if (intent.anonymisedAt) throw conflict('这位居民的个人信息已删除')
    return { value: ctx.keyring.decrypt(intent.phoneSealed) }
  },
})
