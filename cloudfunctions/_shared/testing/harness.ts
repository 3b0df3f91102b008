import type { PolicyDraftInput } from '../contracts/policy'
import type { Org } from '../domain/org'
import type { StaffRole } from '../domain/roles'
import { type StaffMember, staffContributions } from '../domain/staff'
import { applyCountedChange } from '../runtime/counters'
import type { ActionMap } from '../runtime/action'
import type { Identity } from '../runtime/caller'
import { dispatch } from '../runtime/dispatch'
import { makeKeyring } from '../runtime/keyring'
import type { Reply } from '../runtime/errors'
import type { Collections } from '../store/collections'
import { openSqliteStore } from '../store/sqlite/adapter'
import type { Store } from '../store/port'

/** A small org tree for action tests: city → district → street → two communities. */
export const TEST_ORGS: Org[] = [
  { _id: 'city', name: '测试市', level: 'city', parentId: null, path: ['city'] },
  { _id: 'dist', name: '测试区', level: 'district', parentId: 'city', path: ['city', 'dist'] },
  { _id: 'street', name: '测试街道', level: 'street', parentId: 'dist', path: ['city', 'dist', 'street'] },
  { _id: 'comm-a', name: '甲社区', level: 'community', parentId: 'street', path: ['city', 'dist', 'street', 'comm-a'] },
  { _id: 'comm-b', name: '乙社区', level: 'community', parentId: 'street', path: ['city', 'dist', 'street', 'comm-b'] },
]

/** The test staff by id: their role and org in the test org tree (a test names those it needs: `testStaff`). */
const TEST_STAFF: Record<string, { role: StaffRole; orgId: string }> = {
  admin: { role: 'admin', orgId: 'city' },
  'city-officer': { role: 'city_officer', orgId: 'city' },
  city: { role: 'city_officer', orgId: 'city' },
  district: { role: 'district_officer', orgId: 'dist' },
  reviewer: { role: 'street_reviewer', orgId: 'street' },
  'a-staff': { role: 'community_staff', orgId: 'comm-a' },
  'a-lead': { role: 'community_lead', orgId: 'comm-a' },
  'b-staff': { role: 'community_staff', orgId: 'comm-b' },
  'b-lead': { role: 'community_lead', orgId: 'comm-b' },
  'c-staff': { role: 'community_staff', orgId: 'comm-c' },
}

/** The named test staff, in this order, for `makeHarness`. */
export function testStaff(...ids: (keyof typeof TEST_STAFF & string)[]): { id: string; role: StaffRole; orgId: string }[] {
  return ids.map((id) => {
    const known = TEST_STAFF[id]
    if (!known) throw new Error(`no test staff member ${id}`)
    return { id, ...known }
  })
}

/** The stored record of one test staff member (signs in by WeChat as `wx-<id>`, no password). */
export function testStaffMember(s: { id: string; role: StaffRole; orgId: string }): StaffMember {
  return {
    _id: s.id,
    name: s.id,
    role: s.role,
    orgId: s.orgId,
    openid: `wx-${s.id}`,
    username: s.id,
    passwordHash: null,
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    writtenBy: 'server',
  }
}

/** An in-memory test store with the test org tree and one staff member per `staff` entry. */
export async function makeHarness(staff: { id: string; role: StaffRole; orgId: string }[] = []) {
  const store: Store<Collections> = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  for (const org of TEST_ORGS) await store.collection('orgs').insert(org)
  for (const s of staff) {
    const member = testStaffMember(s)
    await store.transaction(async (tx) => {
      await tx.collection('staff').insert(member)
      await applyCountedChange(tx, null, { orgId: member.orgId, contributions: staffContributions(member) })
    })
  }
  let clock = new Date('2026-11-22T02:00:00.000Z')
  const keyring = makeKeyring(Buffer.from('test-master-secret-test-master-secret'))
  return {
    store,
    keyring,
    setNow(iso: string) {
      clock = new Date(iso)
    },
    /** Calls an action the way both transports do, returning the wire reply. */
    async call<T = unknown>(actions: ActionMap, identity: Identity | null, action: string, data: unknown) {
      const { status, body } = await dispatch(actions, { action, data }, { store, identity, keyring, now: () => clock })
      return { status, body: body as Reply<T> }
    },
    /** Like `call`, but fails the test unless the action succeeded. */
    async ok<T = unknown>(actions: ActionMap, identity: Identity | null, action: string, data: unknown): Promise<T> {
      const { status, body } = await dispatch(actions, { action, data }, { store, identity, keyring, now: () => clock })
      if (!body.ok) throw new Error(`${action} failed with ${status}: ${JSON.stringify(body.error)}`)
      return body.data as T
    },
  }
}

export const resident = (id: string): Identity => ({ residentId: id })
export const staffId = (id: string): Identity => ({ staffId: id })

/** A complete, valid policy draft. */
export function draft(over: Partial<PolicyDraftInput> = {}): PolicyDraftInput {
  return {
    title: '高校毕业生一次性创业补贴',
    category: 'startup_subsidy',
    summary: '首次创业并正常经营 6 个月的可以申请',
    benefit: '一次性补贴 5000 元',
    targetGroups: ['graduate'],
    eligibility: ['首次创业'],
    materials: ['身份证', '营业执照'],
    process: ['社区受理', '街道审核'],
    contact: { department: '区就业服务中心', phone: '0812-3335123', address: '人民路 1 号' },
    validFrom: '2026-01-01',
    validTo: null,
    ...over,
  }
}
