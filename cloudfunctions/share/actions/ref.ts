import { shareRefInput, type ShareRefOutput } from '../../_shared/contracts/share'
import { defineAction } from '../../_shared/runtime/action'
import { shareRefOf } from '../items'

/** My referral id, added to every link and poster code I share. */
export const ref = defineAction({
  input: shareRefInput,
  access: 'resident',
  async run(_input, ctx): Promise<ShareRefOutput> {
    return { ref: shareRefOf(ctx.keyring, ctx.caller.id) }
  },
})
