import { JUDGING_RULES } from '../../_shared/domain/judging'
import { type DutyBoard, dutyYearInput } from '../../_shared/contracts/duty'
import type { Org } from '../../_shared/domain/org'
import { can } from '../../_shared/domain/roles'
import { shanghaiDate } from '../../_shared/domain/time'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import type { PhotoFiles } from '../../_shared/files/photo-files'
import type { DocumentFiles } from '../../_shared/files/document-files'
import { tasksInScope, toView } from '../access'

/**
 * The 督查 view: the year's tasks whose owner is in the caller's scope (the city: all; a district:
 * its own and its streets'), with the overdue (deadline passed, below 100 %) and the at-risk
 * (deadline within 14 days, below 80 %, or a scheduled report late) picked out. Owners (staff who only report) see theirs.
 */
export function makeBoard(photos: () => PhotoFiles | null, documents: () => DocumentFiles | null = () => null) {
  return defineAction({
    input: dutyYearInput,
    ...staffWith('duty.report', '你的角色不能查看督查任务'),
    async run({ year }, ctx): Promise<DutyBoard> {
      const { caller } = ctx
      const today = shanghaiDate(ctx.now())
      const now = ctx.now()
      const tasks = await Promise.all((await tasksInScope(ctx, year, caller.org._id)).map((t) => toView(t, caller, today, photos(), now, documents())))
      const owners: { _id: string; name: string }[] = []
      for await (const batch of ctx.store.collection('orgs').scan(where.has<Org>('path', caller.org._id), 500)) {
        for (const o of batch) if (o._id !== caller.org._id && (o.level === 'district' || o.level === 'street')) owners.push({ _id: o._id, name: o.name })
      }
      return {
        today,
        overdue: tasks.filter((t) => t.state === 'overdue'),
        atRisk: tasks.filter((t) => t.state === 'at_risk'),
        tasks,
        owners: owners.sort((a, b) => a.name.localeCompare(b.name)),
        canAssign: can(caller.staff.role, 'duty.assign'),
        rules: [JUDGING_RULES.atRiskDays, JUDGING_RULES.atRiskPercent],
      }
    },
  })
}
