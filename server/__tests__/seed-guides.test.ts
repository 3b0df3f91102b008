import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { seedDemo } from '../seed'

/** A material as a resident reads it, without the guide's helpful aside in brackets. */
const bare = (m: string) => m.replace(/（[^）]*）/g, '').trim()

describe('demo 办事指南 and their policies agree', () => {
  it('the loan guide asks for exactly the materials the loan policy lists', async () => {
    const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
    await seedDemo(store, new Date('2026-12-04T02:00:00.000Z'), { forcePasswordChange: false })
    const guide = await store.collection('guides').get('gd_demo_loan')
    const policy = await store.collection('policies').get('pol_demo_guaranteed_loan')
    expect(guide?.policyIds).toContain('pol_demo_guaranteed_loan')
    expect(guide?.materials.map(bare).sort()).toEqual(policy?.materials.map(bare).sort())
    await store.close()
  })
})
