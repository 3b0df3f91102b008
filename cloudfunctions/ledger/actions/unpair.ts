import { type PairingView, unpairInput } from '../../_shared/contracts/intent'
import { pairingId } from '../../_shared/domain/pairing'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { AppError, validation } from '../../_shared/runtime/errors'
import { PAIRING_WRITE, pairingView } from './pairing-shared'

/** The leader ends their pairing with a reason and date; the record stays (who, when, why). */
export const unpair = defineAction({
  input: unpairInput,
  ...PAIRING_WRITE,
  async run(input, ctx): Promise<PairingView> {
    const caller = ctx.caller
    if (input.unpairedOn > shanghaiDate(ctx.now())) throw validation([{ path: 'unpairedOn', message: '结束日期不能晚于今天' }])
    return ctx.store.transaction(async (tx) => {
      const current = await tx.collection('pairings').get(pairingId(input.caseId, caller.staff._id))
      if (!current?.active) throw new AppError('NOT_FOUND', '你没有在挂帮这位创业者', [{ path: 'caseId', message: '你没有在挂帮这位创业者' }])
      if (input.unpairedOn < current.pairedOn) throw validation([{ path: 'unpairedOn', message: `结束日期不能早于挂帮日期 ${current.pairedOn}` }])
      const set = { active: false, unpairedOn: input.unpairedOn, unpairReason: input.reason, unpairedBy: caller.staff._id, updatedAt: ctx.now().toISOString() }
      await tx.collection('pairings').update(current._id, { set })
      return pairingView({ ...current, ...set }, caller.staff._id)
    })
  },
})
