import { setupChecks } from '../../_shared/domain/org-setup'
import { can } from '../../_shared/domain/roles'
import { shanghaiDate } from '../../_shared/domain/time'
import { setupInput, type SetupView } from '../../_shared/contracts/org'
import { defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import { namedOrOwnOrg } from '../scope'

/**
 * A community's 组织体系 with this year's checklist verdicts: the caller's own community, or (for
 * the levels above) one in their scope. One read for the record.
 */
export const setup = defineAction({
  input: setupInput,
  access: 'staff',
  permission: 'evaluation.read',
  async run(input, ctx): Promise<SetupView> {
    const caller = ctx.caller
    const org = await namedOrOwnOrg(ctx, input.orgId)
    if (org.level !== 'community') throw validation([{ path: 'orgId', message: '组织体系按社区登记，请选择一个社区' }])
    const year = Number(shanghaiDate(ctx.now()).slice(0, 4))
    const record = await ctx.store.collection('orgSetups').get(org._id)
    return {
      org: { _id: org._id, name: org.name },
      setup: record,
      checks: setupChecks(record, year),
      year,
      canEdit: org._id === caller.org._id && can(caller.staff.role, 'setup.write'),
    }
  },
})
