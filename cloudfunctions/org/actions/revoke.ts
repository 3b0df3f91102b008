import { mayManageRole } from '../../_shared/domain/roles'
import { revokeInput, type StaffView } from '../../_shared/contracts/org'
import { staffContributions } from '../../_shared/domain/staff'
import { defineAction } from '../../_shared/runtime/action'
import { applyCountedChange } from '../../_shared/runtime/counters'
import { forbidden, missingOrOutOfScope } from '../../_shared/runtime/errors'
import { toStaffView } from '../scope'

/** Deactivates a junior staff account in scope; it is refused on its very next call. */
export const revoke = defineAction({
  input: revokeInput,
  access: 'staff',
  permission: 'staff.manage',
  audit: 'write',
  target: (input) => input.staffId,
  async run({ staffId }, ctx): Promise<StaffView> {
    const caller = ctx.caller
    const target = await ctx.store.collection('staff').get(staffId)
    const org = target ? await ctx.store.collection('orgs').get(target.orgId) : null
    if (!target || !org || !org.path.includes(caller.org._id)) throw missingOrOutOfScope(target, '账号不存在或不在你的管理范围内')
    // Business rules, not access: nobody revokes themselves, and only accounts junior to their own.
    if (target._id === caller.staff._id) throw forbidden('不能停用自己的账号')
    if (!mayManageRole(caller.staff.role, target.role)) throw forbidden('只能停用比自己级别低的账号')
    const at = ctx.now().toISOString()
    const after = { ...target, active: false, revokedAt: at }
    await ctx.store.transaction(async (tx) => {
      const current = await tx.collection('staff').get(staffId)
      if (!current?.active) return
      await tx.collection('staff').update(staffId, { set: { active: false, revokedAt: at }, inc: { tokenVersion: 1 } })
      await applyCountedChange(
        tx,
        { orgId: current.orgId, contributions: staffContributions(current) },
        { orgId: current.orgId, contributions: staffContributions({ ...current, active: false, revokedAt: at }) },
      )
    })
    return toStaffView(after, org.name, false)
  },
})
