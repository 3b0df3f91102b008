import { pairInput, type PairingView } from '../../_shared/contracts/intent'
import { addDays } from '../../_shared/application/work-queues'
import { type LeaderPairing, PAIRING_FOLLOW_UP_DAYS, pairingId } from '../../_shared/domain/pairing'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { AppError, conflict, validation } from '../../_shared/runtime/errors'
import { PAIRING_WRITE, pairingView } from './pairing-shared'

/**
 * 领导干部联系挂帮: the caller — a street, district or city leader — takes an entrepreneur's case
 * for 重点扶持, with the reason and the date. Only a case of a community inside the leader's own
 * org (403 on `caseId` otherwise, nothing written); a second pairing of the same leader is 409.
 */
export const pair = defineAction({
  input: pairInput,
  ...PAIRING_WRITE,
  async run(input, ctx): Promise<PairingView> {
    const caller = ctx.caller
    const today = shanghaiDate(ctx.now())
    if (input.pairedOn > today) throw validation([{ path: 'pairedOn', message: '挂帮日期不能晚于今天' }])
    const c = await ctx.store.collection('cases').get(input.caseId)
    if (!c) throw new AppError('NOT_FOUND', '这条登记不存在', [{ path: 'caseId', message: '这条登记不存在' }])
    if (!c.communityPath.includes(caller.org._id)) {
      throw new AppError('FORBIDDEN', '只能挂帮本辖区的创业者', [{ path: 'caseId', message: '这位创业者不在你的辖区' }])
    }
    if (c.anonymisedAt) throw conflict('这条记录的个人信息已删除，不能挂帮')
    const id = pairingId(c._id, caller.staff._id)
    const at = ctx.now().toISOString()
    return ctx.store.transaction(async (tx) => {
      const current = await tx.collection('pairings').get(id)
      if (current?.active) throw conflict(`你已经在挂帮这位创业者（${current.pairedOn} 起）`)
      const doc: LeaderPairing = {
        _id: id,
        caseId: c._id,
        communityId: c.communityId,
        orgPath: c.communityPath,
        leaderId: caller.staff._id,
        leaderName: caller.staff.name,
        leaderOrgId: caller.org._id,
        leaderOrgName: caller.org.name,
        active: true,
        reason: input.reason,
        pairedOn: input.pairedOn,
        pairedBy: caller.staff._id,
        unpairedOn: '',
        unpairReason: '',
        unpairedBy: '',
        lastFollowUpOn: '',
        dueOn: addDays(input.pairedOn, PAIRING_FOLLOW_UP_DAYS),
        updatedAt: at,
      }
      await tx.collection('pairings').put(doc)
      return pairingView(doc, caller.staff._id)
    })
  },
})
