import { randomInt } from 'node:crypto'
import { INVITE_ALPHABET, INVITE_LENGTH, type Invitation } from '../../_shared/domain/invitation'
import { ROLE_LABELS, ROLE_LEVEL } from '../../_shared/domain/roles'
import { inviteInput, type IssuedInvitation } from '../../_shared/contracts/org'
import { defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import { orgInScope } from '../scope'

/**
 * Issues a single-use invitation for a role at an org in the caller's scope, for a role junior
 * to the caller's own. The code is shown once; only its keyed hash is stored.
 */
export const invite = defineAction({
  input: inviteInput,
  access: 'staff',
  permission: 'staff.manage',
  // One invites only roles junior to one's own (any role for an admin).
  rules: [{ on: 'the invited `role`', access: 'staff', manages: (input) => input.role, refusalFor: (input) => `你不能邀请「${ROLE_LABELS[input.role]}」` }],
  audit: 'write',
  target: (input) => input.orgId,
  async run(input, ctx): Promise<IssuedInvitation> {
    const caller = ctx.caller
    const org = await orgInScope(ctx, input.orgId)
    if (ROLE_LEVEL[input.role] !== org.level) {
      throw validation([{ path: 'orgId', message: `「${ROLE_LABELS[input.role]}」应属于${org.level === 'community' ? '其他层级' : '对应层级'}的单位` }])
    }
    const code = Array.from({ length: INVITE_LENGTH }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('')
    const now = ctx.now()
    const invitation: Invitation = {
      _id: ctx.keyring.keyedHash('invite', code),
      role: input.role,
      orgId: org._id,
      orgPath: org.path,
      label: input.label,
      createdBy: caller.staff._id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    }
    await ctx.store.collection('invitations').insert(invitation)
    return { code, expiresAt: invitation.expiresAt, role: input.role, orgName: org.name }
  },
})
