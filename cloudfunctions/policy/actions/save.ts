import type { Policy } from '../../_shared/domain/policy'
import { policyDraftSchema, type PolicyView } from '../../_shared/contracts/policy'
import { defineAction, staffSave } from '../../_shared/runtime/action'
import { conflict } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { syncSearchEntry } from '../../_shared/application/search-index'
import { loadEditable, toView } from '../access'
import { ownedByCaller, saveOwnedEdit } from '../../_shared/application/owned-records'

/**
 * Creates a draft, or edits a policy the caller's org owns. Edits name the version they
 * started from; a stale version is refused (409) instead of silently overwriting a colleague.
 */
export const save = defineAction({
  input: policyDraftSchema,
  ...staffSave('policy.write', '你的角色不能修改政策'),
  async run(input, ctx): Promise<PolicyView> {
    const { store, caller } = ctx
    const at = ctx.now().toISOString()
    const { id, version, ...fields } = input
    const policies = store.collection('policies')
    if (!id) {
      const policy: Policy = {
        _id: newId('pol'),
        ...ownedByCaller(caller, at),
        ...fields,
        status: 'draft',
        publishedAt: '',
      }
      await policies.insert(policy)
      return toView(policy, caller, ctx.now())
    }
    const current = await loadEditable(ctx, id)
    if (current.version !== version) throw conflict('内容已被他人修改，请刷新后再改')
    const saved = await saveOwnedEdit(policies, current, fields, { caller, at, stale: '内容已被他人修改，请刷新后再改' })
    // An edit of a published policy (new dates, wording) shows in search at once.
    if (saved.status === 'published') await syncSearchEntry(store, 'policy', saved, at)
    return toView(saved, caller, ctx.now())
  },
})
