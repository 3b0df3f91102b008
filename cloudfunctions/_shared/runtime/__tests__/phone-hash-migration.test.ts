/**
 * Cases written before `phoneHash` existed get it from their sealed phone: a copy of the demo
 * database laid out as the previous version stored it (no `phoneHash`) comes out with every
 * held case's hash equal to what a new registration would compute, nothing else changed; a run
 * without the keys leaves it for later (not recorded), and a second run changes nothing.
 */
import { phoneHashOf } from '../../application/case'
import type { Case } from '../../domain/case'
import { runMigrations } from '../migrations'
import { demoCopy } from '../../testing/demo-copy'

const NAME = '2026-12-intent-phone-hash'

describe('migration: intents get their phone hash', () => {
  const demo = demoCopy('phone-hash')

  it('fills phoneHash on every held case of a demo database from the previous version', async () => {
    const { store, keyring } = await demo.seed()
    const all = async () => {
      const out: Case[] = []
      for await (const b of store.collection('cases').scan(undefined, 500)) out.push(...b)
      return out.sort((a, b) => a._id.localeCompare(b._id))
    }
    const seeded = await all()
    expect(seeded.length).toBeGreaterThan(50)
    // As the previous version stored them: no phoneHash field at all.
    for (const i of seeded) {
      const { _id, phoneHash: _h, ...rest } = i
      await store.collection('cases').put({ _id, ...rest } as Case)
    }
    expect((await all()).some((i) => i.phoneHash !== undefined)).toBe(false)

    // Without the keys: left for later, not recorded.
    const withoutKeys = await runMigrations(store)
    expect(withoutKeys.skipped).toContain(NAME)
    expect(await store.collection('migrations').get(NAME)).toBeNull()

    const report = await runMigrations(store, () => new Date(), keyring)
    expect(report.applied).toEqual([{ name: NAME, changed: seeded.length }])
    const after = await all()
    for (const [k, i] of after.entries()) {
      expect(i.phoneHash).toBe(phoneHashOf({ keyring }, i.communityId, keyring.decrypt(i.phoneSealed)))
      expect(i.phoneHash).toBe(seeded[k].phoneHash)
      expect({ ...i, phoneHash: undefined }).toEqual({ ...seeded[k], phoneHash: undefined })
    }
    expect((await runMigrations(store, () => new Date(), keyring)).skipped).toContain(NAME)
  }, 60_000)
})
