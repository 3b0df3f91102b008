import { type StaffMember, staffContributions } from '../cloudfunctions/_shared/domain/staff'
import { applyCountedChange } from '../cloudfunctions/_shared/runtime/counters'
import type { Policy } from '../cloudfunctions/_shared/domain/policy'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { Store } from '../cloudfunctions/_shared/store/port'
import type { Keyring } from '../cloudfunctions/_shared/runtime/keyring'
import { rebuildSearchIndex } from '../cloudfunctions/_shared/application/search-index'
import { hashPassword } from './auth'
import { seedDemoCases } from './seed-cases'
import { seedDemoEvents } from './seed-events'
import { seedDemoSurveys } from './seed-surveys'
import { seedDemoProjects } from './seed-projects'
import { seedDemoServices } from './seed-services'
import { DEMO_ACCOUNTS, DEMO_ORGS, DEMO_PASSWORD, DEMO_POLICIES } from './seed-data'

/**
 * Seeds the demo org tree, staff accounts and policies into an empty store, in one
 * transaction. Returns false (and writes nothing) when the store already holds orgs.
 */
export async function seedDemo(
  store: Store<Collections>,
  now: Date,
  /** Seeded passwords must be changed at first sign-in (off only for browser-test runtimes). */
  options: { forcePasswordChange?: boolean; keyring?: Keyring; demoData?: boolean; passwords?: boolean } = {},
): Promise<boolean> {
  if ((await store.collection('orgs').count()) > 0) return false
  // scrypt is deliberately slow: hash once, outside the transaction, and share the demo hash.
  // A cloud deployment (`cloud:admin --demo`) gets the demo people without any password: staff
  // there sign in only by binding their WeChat to an invitation.
  const withPasswords = options.passwords ?? true
  const hash = withPasswords ? await hashPassword(DEMO_PASSWORD) : null
  const at = now.toISOString()
  const byId = new Map(DEMO_ORGS.map((o) => [o._id, o]))
  await store.transaction(async (tx) => {
    for (const org of DEMO_ORGS) await tx.collection('orgs').insert(org)
    // Without demo data: the org tree and the admin, who invites everyone else.
    const demo = options.demoData ?? true
    for (const a of DEMO_ACCOUNTS.filter((x) => demo || x.username === 'admin')) {
      const member: StaffMember = {
        _id: `st_${a.username}`,
        name: a.name,
        role: a.role,
        orgId: a.orgId,
        openid: null,
        username: withPasswords ? a.username : null,
        passwordHash: hash,
        active: true,
        createdAt: at,
        mustChangePassword: options.forcePasswordChange ?? true,
        failedLogins: 0,
        lockedUntil: null,
        writtenBy: 'server',
      }
      await tx.collection('staff').insert(member)
      await applyCountedChange(tx, null, { orgId: member.orgId, contributions: staffContributions(member) })
    }
    if (!demo) return
    let i = 0
    for (const p of DEMO_POLICIES) {
      const org = byId.get(p.orgId)
      if (!org) throw new Error(`seed policy ${p.key} names unknown org ${p.orgId}`)
      // Stagger publish times so the list has a stable, meaningful order.
      const stamp = new Date(now.getTime() - (DEMO_POLICIES.length - i++) * 3600_000).toISOString()
      const { key, ...fields } = p
      const policy: Policy = {
        _id: `pol_demo_${key.replace(/[^A-Za-z0-9]/g, '_')}`,
        ...fields,
        orgPath: org.path,
        orgName: org.name,
        createdAt: stamp,
        updatedAt: stamp,
        publishedAt: p.status === 'published' ? stamp : '',
        updatedBy: 'st_admin',
        version: 1,
      }
      await tx.collection('policies').insert(policy)
    }
    await seedDemoSurveys(tx, now)
    await seedDemoEvents(tx, now)
    await seedDemoProjects(tx, now)
    await seedDemoServices(tx, now, DEMO_ORGS)
  })
  // The demo items were written straight to the store: index them as their save actions would.
  if (options.demoData ?? true) await rebuildSearchIndex(store, at)
  // Demo cases seal phone and ID numbers, so they need the runtime's keys.
  if (options.keyring && (options.demoData ?? true)) await seedDemoCases(store, options.keyring, now, DEMO_ORGS)
  return true
}
