import { normaliseInviteCode } from '../../_shared/domain/invitation'
import { type StaffMember, staffContributions } from '../../_shared/domain/staff'
import { bindInput, type BoundAccount } from '../../_shared/contracts/org'
import { defineAction } from '../../_shared/runtime/action'
import { applyCountedChange } from '../../_shared/runtime/counters'
import { AppError, conflict, validation } from '../../_shared/runtime/errors'
import { newId } from '../../_shared/runtime/ids'
import { hashPassword } from '../../_shared/runtime/password'
import { where } from '../../_shared/store/port'
import type { Invitation } from '../../_shared/domain/invitation'

const INVALID = '邀请码无效、已使用或已过期，请向管理员重新获取'

/**
 * Redeems an invitation: the caller's own identity (their WeChat OPENID; in the browser build
 * their session) becomes a staff account with the invited role. In the browser build the
 * invitee also chooses a username and password to sign in with.
 */
export const bind = defineAction({
  input: bindInput,
  access: 'resident',
  audit: 'write',
  async run(input, ctx): Promise<BoundAccount> {
    const browser = ctx.caller.id.startsWith('h5_')
    if (browser && (!input.username || !input.password)) {
      const fields = []
      if (!input.username) fields.push({ path: 'username', message: '请设置登录账号' })
      if (!input.password) fields.push({ path: 'password', message: '请设置密码' })
      throw validation(fields)
    }
    const id = ctx.keyring.keyedHash('invite', normaliseInviteCode(input.code))
    const already = await ctx.store
      .collection('staff')
      .find({ where: where.and<StaffMember>(where.eq('openid', ctx.caller.id), where.eq('active', true)), limit: 1 })
    if (already.items.length) throw conflict('这个微信已经绑定了工作人员账号')
    const passwordHash = input.password ? await hashPassword(input.password) : null
    const now = ctx.now().toISOString()
    return ctx.store.transaction(async (tx) => {
      const invitation = await tx.collection('invitations').get(id)
      if (!invitation || invitation.usedAt || invitation.revokedAt || invitation.expiresAt <= now) {
        throw new AppError('NOT_FOUND', INVALID, [{ path: 'code', message: INVALID }])
      }
      const staffId = input.username ? `st_${input.username}` : newId('st')
      const used = await tx
        .collection('invitations')
        .update(id, { set: { usedAt: now, usedBy: staffId } }, where.eq<Invitation>('usedAt', null))
      if (!used) throw new AppError('NOT_FOUND', INVALID, [{ path: 'code', message: INVALID }])
      const org = await tx.collection('orgs').get(invitation.orgId)
      const staff: StaffMember = {
        _id: staffId,
        name: input.name,
        role: invitation.role,
        orgId: invitation.orgId,
        openid: ctx.caller.id,
        username: input.username ?? null,
        passwordHash,
        active: true,
        createdAt: now,
        mustChangePassword: false,
        failedLogins: 0,
        lockedUntil: null,
        writtenBy: 'server',
      }
      try {
        await tx.collection('staff').insert(staff)
      } catch {
        throw new AppError('CONFLICT', '这个账号已被使用，请换一个', [{ path: 'username', message: '这个账号已被使用' }])
      }
      await applyCountedChange(tx, null, { orgId: staff.orgId, contributions: staffContributions(staff) })
      return { staffId, role: staff.role, orgName: org?.name ?? '', username: staff.username }
    })
  },
})
