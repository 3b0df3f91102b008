import { demoRuntime } from './inject'
import { DEMO_PASSWORD } from '../seed-data'

/**
 * A guess refused because the hashing queue is full was never checked: it must leave the
 * account's failure count and lock exactly as they were. Releasing it as a success would let an
 * attacker who floods the queue (unknown usernames take no reservation) wipe the count
 * between every four guesses and never reach the lock.
 */
const clock = new Date('2026-11-22T02:00:00Z')
const { store, login } = demoRuntime(clock, { secret: Buffer.from('s'.repeat(32)), now: () => clock, staffSignInsPerMinute: 1e9 })

describe('lockout while the hashing queue is saturated', () => {
  it('a guess refused with 429 because hashing is busy neither clears nor adds to the failure count', async () => {
    for (let i = 0; i < 4; i++) expect((await login('jinsha', `wrong-${i}`)).statusCode).toBe(401)
    // Fill the bounded hashing queue with unknown usernames (they take no reservation); once one
    // of them is refused, the queue is full for the next ~100 ms: guess then.
    let full!: () => void
    const queueFull = new Promise<void>((resolve) => (full = resolve))
    const flood = Array.from({ length: 40 }, (_, i) =>
      login(`nobody-${i}`, 'whatever1').then((r) => {
        if (r.statusCode === 429) full()
        return r
      }),
    )
    await queueFull
    const guess = await login('jinsha', 'busy-guess')
    await Promise.all(flood)
    // Refused for lack of a hashing slot: never checked, so it must not count either way.
    expect(guess.statusCode).toBe(429)
    expect((await store.collection('staff').get('st_jinsha'))?.failedLogins).toBe(4)
    // The fifth checked failure locks the account; the right password is then refused.
    expect((await login('jinsha', 'wrong-5')).statusCode).toBe(401)
    const after = await login('jinsha', DEMO_PASSWORD)
    expect(after.statusCode).toBe(423)
  })
})
