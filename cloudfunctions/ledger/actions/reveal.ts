import { ledgerRevealInput, type RevealOutput } from '../../_shared/contracts/intent'
import { defineAction } from '../../_shared/runtime/action'
import { conflict } from '../../_shared/runtime/errors'
import { ANONYMISED_READ_ONLY, loadCase, caseStaff } from '../../_shared/application/case'

/**
 * Shows one sealed value of a case, audited as a reveal. The full ID number needs the separate
 * `intent.reveal` permission (社区负责人); the phone number, which guides need to call back,
 * needs `intent.write`.
 */
export const reveal = defineAction({
  input: ledgerRevealInput,
  ...caseStaff('intent.write'),
  audit: 'reveal',
  target: (input) => input.id,
  async run({ id, field }, ctx): Promise<RevealOutput> {
    // The full ID number also needs intent.reveal, asked once the case is known to be in scope:
    // another community's case answers 404 to a role without it too (ledger.test.ts, cross-community).
    const intent = await loadCase(ctx, id, field === 'idCard' ? 'intent.reveal' : undefined)
    if (intent.anonymisedAt) throw conflict(ANONYMISED_READ_ONLY)
    return { value: ctx.keyring.decrypt(field === 'idCard' ? intent.idCardSealed : intent.phoneSealed) }
  },
})
