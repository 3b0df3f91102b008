import { type CaseView, ledgerVentureInput } from '../../_shared/contracts/intent'
import { type Case, stageRank, type Venture, VENTURE_KIND_LABELS } from '../../_shared/domain/case'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, notFound, validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { CASE_WRITE, changeCase, dayInstant, stageEntry } from '../../_shared/application/case'
import { caseNotices } from '../../_shared/application/notices'

const MAX_VENTURES = 20

/**
 * Records a venture the resident started (an enterprise or 个体工商户), or edits one. Counters
 * move by the difference between the venture's old and new contribution (jobs and operating
 * ventures at the registration date, one fewer operating at the closure date). The first
 * venture counts once toward `started` and moves the case to 已创业.
 */
export const recordVenture = defineAction({
  input: ledgerVentureInput,
  ...CASE_WRITE,
  async run(input, ctx): Promise<CaseView> {
    const caller = ctx.caller
    const today = shanghaiDate(ctx.now())
    if (input.registrationDate > today) throw validation([{ path: 'registrationDate', message: '登记日期不能晚于今天' }])
    if (input.closureDate > today) throw validation([{ path: 'closureDate', message: '关闭日期不能晚于今天' }])
    return changeCase(ctx, input.id, (c, at) => {
      const existing = input.ventureId ? c.ventures.find((v) => v.id === input.ventureId) : undefined
      if (input.ventureId && !existing) throw notFound('这条创办记录不存在')
      if (!existing && c.ventures.length >= MAX_VENTURES) throw conflict('创办记录已达上限')
      const venture: Venture = {
        id: existing?.id ?? newId('ven'),
        name: input.name,
        kind: input.kind,
        registrationDate: input.registrationDate,
        jobsCreated: input.jobsCreated,
        status: input.status,
        closureDate: input.closureDate,
        updatedAt: at,
        byName: caller.staff.name,
      }
      const next: Case = {
        ...c,
        ventures: existing ? c.ventures.map((v) => (v.id === existing.id ? venture : v)) : [...c.ventures, venture],
      }
      if (!c.startedAt) next.startedAt = dayInstant(venture.registrationDate).toISOString()
      if (c.stage !== 'closed' && stageRank(c.stage) < stageRank('started')) {
        next.stage = 'started'
        next.stageHistory = [...c.stageHistory, stageEntry('started', at, caller.staff, `创办${VENTURE_KIND_LABELS[venture.kind]}“${venture.name}”`)]
      }
      return next
    }, caseNotices)
  },
})
