import { randomInt } from 'node:crypto'
import type { AuditEntry } from '../../cloudfunctions/_shared/domain/audit'
import { newId } from '../../cloudfunctions/_shared/runtime/ids'
import { INVITE_ALPHABET, INVITE_LENGTH, type Invitation } from '../../cloudfunctions/_shared/domain/invitation'
import type { Org } from '../../cloudfunctions/_shared/domain/org'
import { pagePath } from '../../cloudfunctions/_shared/domain/pages'
import type { StaffMember } from '../../cloudfunctions/_shared/domain/staff'
import type { Keyring } from '../../cloudfunctions/_shared/runtime/keyring'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { type Store, where } from '../../cloudfunctions/_shared/store/port'

export const FIRST_ADMIN_VALID_MS = 24 * 3600_000
/** Who issued it, in the audit and on the invitation (no staff member exists yet). */
export const SETUP_ISSUER = 'cloud-admin'

export interface FirstAdminInvite {
  code: string
  /** Mini-program path with the code, for a QR or a 小程序路径 link. */
  path: string
  expiresAt: string
  org: Org
  orgCreated: boolean
}

export class FirstAdminRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FirstAdminRefused'
  }
}

/**
 * Issues the one-time invitation that makes the first administrator: the root (city) org is
 * created if the environment has none, named `cityName`; an administrator who is already bound
 * means this is not the first one, and the command refuses unless `again` (a lost phone, a
 * departed administrator) is given. Only the code's keyed hash is stored, as `org.invite` does,
 * so the code is shown once.
 */
export async function issueFirstAdminInvite(
  store: Store<Collections>,
  keyring: Keyring,
  options: { cityName: string | null; label: string; now: Date; again?: boolean },
): Promise<FirstAdminInvite> {
  const roots = (await store.collection('orgs').find({ where: where.eq<Org>('parentId', null), limit: 2 })).items
  if (roots.length > 1) throw new FirstAdminRefused(`环境里有 ${roots.length} 个顶层单位，无法确定第一位管理员属于哪一个：请先在控制台核对 orgs 集合`)
  let org = roots[0]
  let orgCreated = false
  if (!org) {
    const name = options.cityName?.trim()
    if (!name) throw new FirstAdminRefused('环境里还没有单位：用 --city <市名> 说明第一位管理员所在的市（例：--city 攀枝花市）')
    if (name.length > 30) throw new FirstAdminRefused('--city 太长（最多 30 个字）')
    org = { _id: 'city', name, level: 'city', parentId: null, path: ['city'] }
    orgCreated = true
  } else if (options.cityName && options.cityName.trim() !== org.name) {
    throw new FirstAdminRefused(`环境里的市是「${org.name}」，与 --city ${options.cityName} 不同：去掉 --city 或改正它`)
  }
  // Bound = an active administrator with a WeChat (demo placeholders have none).
  const admins = (await store.collection('staff').find({ where: where.and<StaffMember>(where.eq('role', 'admin'), where.eq('active', true)), limit: 50 })).items
  if (admins.some((a) => a.openid) && !options.again) {
    throw new FirstAdminRefused('已经有系统管理员绑定了微信：请由其在小程序“团队”页邀请；确需再发（如管理员换人、手机丢失）加 --again')
  }
  const code = Array.from({ length: INVITE_LENGTH }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('')
  const invitation: Invitation = {
    _id: keyring.keyedHash('invite', code),
    role: 'admin',
    orgId: org._id,
    orgPath: org.path,
    label: options.label,
    createdBy: SETUP_ISSUER,
    createdAt: options.now.toISOString(),
    expiresAt: new Date(options.now.getTime() + FIRST_ADMIN_VALID_MS).toISOString(),
    usedAt: null,
    usedBy: null,
    revokedAt: null,
  }
  const entry: AuditEntry = {
    _id: newId('au'),
    at: invitation.createdAt,
    kind: 'write',
    action: 'cloud-admin.invite',
    actorId: SETUP_ISSUER,
    actorName: '部署人员（npm run cloud:admin）',
    actorRole: 'admin',
    orgId: org._id,
    orgPath: org.path,
    target: invitation._id,
    result: 'ok',
    code: null,
  }
  // The org (when new), the invitation and its audit record land together or not at all.
  const root = org
  await store.transaction(async (tx) => {
    if (orgCreated) await tx.collection('orgs').insert(root)
    await tx.collection('invitations').insert(invitation)
    await tx.collection('audit').insert(entry)
  })
  // Where the invitee redeems it: the staff bind page, with the code filled in.
  return { code, path: pagePath('staffBind', { code }), expiresAt: invitation.expiresAt, org, orgCreated }
}
