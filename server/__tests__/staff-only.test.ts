import type { AuditEntry } from '../../cloudfunctions/_shared/domain/audit'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { dispatch } from '../../cloudfunctions/_shared/runtime/dispatch'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { where } from '../../cloudfunctions/_shared/store/port'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { FUNCTIONS } from '../functions'
import { seedDemo } from '../seed'

/**
 * Vertical escalation across the whole API: every staff-only action refuses a resident with 403
 * before doing anything, and the attempt lands in the audit log.
 */
it('refuses a resident on every staff-only action, and audits each attempt', async () => {
  const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  await seedDemo(store, new Date('2026-11-22T02:00:00Z'), { forcePasswordChange: false })
  const keyring = makeKeyring(Buffer.from('e'.repeat(32)))
  const staffOnly = Object.entries(FUNCTIONS).flatMap(([fn, actions]) =>
    Object.entries(actions)
      .filter(([, a]) => a.access === 'staff')
      .map(([name]) => [fn, name] as const),
  )
  expect(staffOnly.length).toBeGreaterThanOrEqual(20)
  for (const [fn, action] of staffOnly) {
    const { status, body } = await dispatch(FUNCTIONS[fn], { action, data: {} }, { fn, store, identity: { residentId: 'h5_intruder' }, keyring })
    expect({ call: `${fn}.${action}`, status, code: body.ok ? null : body.error.code }).toEqual({ call: `${fn}.${action}`, status: 403, code: 'FORBIDDEN' })
  }
  // Every record, however many staff-only actions there are (a page of 100 cut the list short).
  const audit = { items: [] as AuditEntry[] }
  for await (const batch of store.collection('audit').scan(where.eq<AuditEntry>('actorId', 'h5_intruder'), 100)) audit.items.push(...batch)
  expect(audit.items.map((a) => a.action).sort()).toEqual(staffOnly.map(([fn, a]) => `${fn}.${a}`).sort())
  expect(audit.items.every((a) => a.result === 'denied')).toBe(true)
  await store.close()
})
