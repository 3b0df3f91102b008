/**
 * Migration 2026-12-case-notice-switch-on-cases on a copy of the demo database laid out as the
 * previous version stored it (switches in `noticeSettings` only): the cases of residents who turned
 * 我的帮扶进展 off carry `caseNoticesOff`, every other case is left as it was, and a rerun is skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedDemo } from '../../../../server/seed'
import type { Case } from '../../domain/case'
import type { Collections } from '../../store/collections'
import { openSqliteStore } from '../../store/sqlite/adapter'
import { makeKeyring } from '../keyring'
import { copyNoticeSwitchesToCases, runMigrations } from '../migrations'

const NAME = '2026-12-case-notice-switch-on-cases'

describe('the case-notice switch copied onto cases', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cy-switch-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('marks the cases of residents with 我的帮扶进展 off, only those, and a rerun changes nothing', async () => {
    const store = openSqliteStore<Collections>({ path: join(dir, 'demo.sqlite'), purpose: 'test' })
    await seedDemo(store, new Date('2026-11-22T02:00:00Z'), { keyring: makeKeyring(Buffer.from('switch-migration-master-secret-001')), demoData: true, forcePasswordChange: false })
    const cases: Case[] = []
    for await (const batch of store.collection('cases').scan(undefined, 500)) cases.push(...batch)
    const residents = [...new Set(cases.map((c) => c.residentId).filter(Boolean))]
    expect(residents.length).toBeGreaterThan(3)
    // Two residents turned case notices off, one turned only site notices off (as stored before).
    const [offA, offB, siteOnly] = residents
    for (const [id, off] of [[offA, ['case']], [offB, ['site', 'case']], [siteOnly, ['site']]] as const) {
      await store.collection('noticeSettings').put({ _id: id, off: [...off], updatedAt: '2026-11-01T00:00:00.000Z' })
    }
    for (const c of cases) expect(c.caseNoticesOff).toBeUndefined()

    const report = await runMigrations(store)
    const expected = cases.filter((c) => c.residentId === offA || c.residentId === offB)
    expect(report.applied.find((m) => m.name === NAME)?.changed).toBe(expected.length)
    for (const c of cases) {
      const now = (await store.collection('cases').get(c._id)) as Case
      if (c.residentId === offA || c.residentId === offB) {
        expect([c._id, now.caseNoticesOff, now.version]).toEqual([c._id, true, c.version + 1])
      } else {
        expect([c._id, now.caseNoticesOff, now.version]).toEqual([c._id, undefined, c.version])
      }
    }
    expect((await runMigrations(store)).skipped).toContain(NAME)
    expect(await copyNoticeSwitchesToCases(store)).toBe(0)
    await store.close()
  })
})
