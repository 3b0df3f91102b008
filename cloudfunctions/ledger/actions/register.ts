import { type CaseView, ledgerRegisterInput } from '../../_shared/contracts/intent'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { AppError, validation } from '../../_shared/runtime/errors'
import { orgInScope } from '../../_shared/runtime/scope'
import { projectTitles, toCaseView, caseStaff } from '../../_shared/application/case'
import { checkInterests, DuplicateRegistration, intentAnswers, registerIntent, type DuplicateKind } from '../../_shared/application/registration'

const DUPLICATE: Record<DuplicateKind, { path: string; message: string }> = {
  idCard: { path: 'idCard', message: '这个身份证号在本社区已有登记，请打开已有记录继续帮扶' },
  phone: { path: 'phone', message: '这个手机号在本社区已有登记，请打开已有记录核对是不是同一个人' },
  // Not reachable: a worker's registration has no resident yet.
  resident: { path: 'phone', message: '这位居民在本社区已有登记' },
}

/**
 * 代登记: a community worker registers a walk-in or canvassed resident's intent on their behalf,
 * with the same answers as the resident form and how the resident consented. It goes through
 * the resident's own registration path (`registerIntent`), so it counts in every index exactly
 * as a self-registered case; the resident can claim it later in the app with the phone on it
 * (`intent.claimStart` / `claimConfirm`). A person already registered in the community (same
 * ID number, or the same phone) is refused with a pointer to the existing case.
 */
export const register = defineAction({
  input: ledgerRegisterInput,
  ...caseStaff('intent.write'),
  audit: 'write',
  target: (input) => input.communityId ?? null,
  async run(input, ctx): Promise<CaseView> {
    const caller = ctx.caller
    const communityId = input.communityId ?? caller.org._id
    const community = await ctx.store.collection('orgs').get(communityId)
    if (!community || community.level !== 'community') throw validation([{ path: 'communityId', message: '请选择居民所在的社区' }])
    // A worker registers residents of the communities in their own scope only.
    orgInScope(caller, community, `${community.name}不在你负责的范围内，不能为那里的居民登记`)
    const now = ctx.now()
    if (input.consent.at > shanghaiDate(now)) throw validation([{ path: 'consent.at', message: '同意日期不能晚于今天' }])
    const interests = await checkInterests(ctx, input.projectInterestIds, community)
    try {
      const intent = await registerIntent(ctx, {
        community,
        answers: intentAnswers(input, interests),
        phone: input.phone,
        idCard: input.idCard,
        residentId: '',
        sourceEventId: input.sourceEventId ?? null,
        registeredBy: {
          byId: caller.staff._id,
          byName: caller.staff.name,
          at: now.toISOString(),
          consent: input.consent,
        },
      })
      return toCaseView(intent, caller, now, await projectTitles(ctx.store, interests))
    } catch (err) {
      if (err instanceof DuplicateRegistration) {
        const d = DUPLICATE[err.kind]
        throw new AppError('CONFLICT', d.message, [{ ...d, ref: err.intentId }])
      }
      throw err
    }
  },
})
