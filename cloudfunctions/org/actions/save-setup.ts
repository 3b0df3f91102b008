import { type OrgSetup, setupChecks } from '../../_shared/domain/org-setup'
import { shanghaiDate } from '../../_shared/domain/time'
import { saveSetupInput, type SetupView } from '../../_shared/contracts/org'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'

/**
 * The caller's community records its 组织体系 (whole record, like a form). `version` is the one the
 * form was opened with: a save over a newer one is 409, so two workers do not overwrite each other.
 */
export const saveSetup = defineAction({
  input: saveSetupInput,
  access: 'staff',
  permission: 'setup.write',
  audit: 'write',
  async run(input, ctx): Promise<SetupView> {
    const caller = ctx.caller
    const org = caller.org
    if (org.level !== 'community') throw validation([{ path: 'orgId', message: '组织体系由社区登记' }])
    const year = Number(shanghaiDate(ctx.now()).slice(0, 4))
    const fields = {
      groupName: input.groupName,
      members: input.members,
      partners: input.partners,
      liaisons: input.liaisons,
      computers: input.computers,
      printers: input.printers,
      plan: input.plan,
      publicity: input.publicity,
      updatedAt: ctx.now().toISOString(),
      updatedBy: caller.staff._id,
      updatedByName: caller.staff.name,
    }
    const saved = await ctx.store.transaction(async (tx) => {
      const current = await tx.collection('orgSetups').get(org._id)
      const version = current?.version ?? 0
      if (version !== input.version) throw conflict('组织体系刚被同事修改过，请刷新后再改')
      const next: OrgSetup = { _id: org._id, orgId: org._id, orgPath: org.path, ...fields, version: version + 1 }
      await tx.collection('orgSetups').put(next)
      return next
    })
    return { org: { _id: org._id, name: org.name }, setup: saved, checks: setupChecks(saved, year), year, canEdit: true }
  },
})
