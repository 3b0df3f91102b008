import { assertYearOpen } from '../../_shared/application/targets'
import { dutySaveInput, type DutyTaskView } from '../../_shared/contracts/duty'
import { DUTY_YEAR, type DutyTask } from '../../_shared/domain/duty'
import { shanghaiDate } from '../../_shared/domain/time'
import { orgInScope } from '../../_shared/runtime/scope'
import { defineAction, type StaffCtx, staffWith } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import type { PhotoFiles } from '../../_shared/files/photo-files'
import type { DocumentFiles } from '../../_shared/files/document-files'
import { toView } from '../access'

export interface DutyOwner {
  orgId: string
  path: string[]
  key: string
  name: string
}

/**
 * The owner a task input names: a department of the caller's org, or a district/street strictly
 * inside the caller's scope (another org: 403; an unknown one or another level: 400 on the field).
 */
export async function resolveOwner(ctx: StaffCtx, input: { department?: string; ownerOrgId?: string }): Promise<DutyOwner> {
  const { caller } = ctx
  if (input.department !== undefined) {
    return { orgId: caller.org._id, path: caller.org.path, key: `${caller.org._id}:${input.department}`, name: input.department }
  }
  const org = await ctx.store.collection('orgs').get(input.ownerOrgId ?? '')
  if (!org) throw validation([{ path: 'ownerOrgId', message: '未知的责任单位' }])
  orgInScope(caller, org, '只能给本级以下的县区、街道分解任务', 'below')
  if (org.level !== 'district' && org.level !== 'street') throw validation([{ path: 'ownerOrgId', message: '责任单位应为县区或街道' }])
  return { orgId: org._id, path: org.path, key: org._id, name: org.name }
}

/** How a task stores its owner: the department named, if any, and the owner org with its path and key. */
export function ownerFields(input: { department?: string }, owner: DutyOwner): Pick<DutyTask, 'department' | 'ownerOrgId' | 'ownerPath' | 'ownerKey' | 'ownerName'> {
  return { department: input.department ?? null, ownerOrgId: owner.orgId, ownerPath: owner.path, ownerKey: owner.key, ownerName: owner.name }
}

/**
 * Records a task of the plan. The owner is a department (人社局 …: the caller's own org answers
 * for it) or a district/street strictly inside the caller's scope; another org is refused (403).
 */
export function makeSave(photos: () => PhotoFiles | null, documents: () => DocumentFiles | null = () => null) {
  return defineAction({
    input: dutySaveInput,
    ...staffWith('duty.assign', '你的角色不能分解督查任务'),
    audit: 'write',
    async run(input, ctx): Promise<DutyTaskView> {
      const { caller } = ctx
      const now = ctx.now()
      await assertYearOpen(ctx.store, input.year, DUTY_YEAR)
      const owner = await resolveOwner(ctx, input)
      const at = now.toISOString()
      const task: DutyTask = {
        _id: newId('dut'),
        year: input.year,
        text: input.text,
        ...ownerFields(input, owner),
        setterOrgId: caller.org._id,
        deadline: input.deadline,
        measure: input.measure,
        weight: input.weight,
        percent: 0,
        doneOn: null,
        reports: [],
        reminders: [],
        schedule: input.schedule ?? null,
        edits: [],
        createdAt: at,
        createdBy: caller.staff._id,
        updatedAt: at,
        version: 1,
      }
      await ctx.store.collection('dutyTasks').insert(task)
      return toView(task, caller, shanghaiDate(now), photos(), now, documents())
    },
  })
}
