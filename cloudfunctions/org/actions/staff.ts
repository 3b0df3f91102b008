import { mayManageRole } from '../../_shared/domain/roles'
import type { StaffMember } from '../../_shared/domain/staff'
import { staffListInput, type StaffList } from '../../_shared/contracts/org'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { namedOrOwnOrg, orgsWithin, toStaffView } from '../scope'

/** Staff accounts in the caller's scope (or a sub-org of it), without secrets. */
export const staff = defineAction({
  input: staffListInput,
  access: 'staff',
  permission: 'staff.manage',
  async run(input, ctx): Promise<StaffList> {
    const caller = ctx.caller
    const root = await namedOrOwnOrg(ctx, input.orgId)
    const orgs = await orgsWithin(ctx, root._id)
    const names = new Map(orgs.map((o) => [o._id, o.name]))
    // By unit, then name; a page at a time (a city's staff run to hundreds).
    const page = await ctx.store.collection('staff').find({
      where: where.in<StaffMember>('orgId', [...names.keys()]),
      orderBy: [
        { field: 'orgId', dir: 'asc' },
        { field: 'name', dir: 'asc' },
      ],
      limit: input.limit,
      after: input.after ?? null,
    })
    return {
      items: page.items.map((s) =>
        toStaffView(s, names.get(s.orgId) ?? '', s._id !== caller.staff._id && s.active && mayManageRole(caller.staff.role, s.role)),
      ),
      next: page.next,
    }
  },
})
