/**
 * Migration 2026-12-case-enjoyed-on on a copy of the demo database laid out as the previous version
 * stored it (cases without `enjoyedOn`): every case gets the day of its first eligible benefit, or
 * '' with none, under a bumped version; a rerun is skipped and changes nothing; a case the old code
 * wrote during a deploy is mended by the next run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedDemo } from '../../../../server/seed'
import type { Case } from '../../domain/case'
import type { Collections } from '../../store/collections'
import { openSqliteStore } from '../../store/sqlite/adapter'
import { where } from '../../store/port'
import { makeKeyring } from '../keyring'
import { runMigrations, setEnjoyedOn } from '../migrations'

const NAME = '2026-12-case-enjoyed-on'

describe("each case's first eligible benefit day", () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cy-enjoyed-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('is set on every case from its benefits, and a rerun changes nothing', async () => {
    const store = openSqliteStore<Collections>({ path: join(dir, 'demo.sqlite'), purpose: 'test' })
    await seedDemo(store, new Date('2026-11-22T02:00:00Z'), { keyring: makeKeyring(Buffer.from('enjoyed-migration-master-secret-01')), demoData: true, forcePasswordChange: false })
    // As the previous version stored them: no `enjoyedOn`, and the migration not recorded.
    const before: Case[] = []
    for await (const batch of store.collection('cases').scan(undefined, 500)) before.push(...batch)
    for (const c of before) {
      const { enjoyedOn: _dropped, ...old } = c
      await store.collection('cases').put(old as Case)
    }
    await store.collection('migrations').remove(NAME)
    const started = before.filter((c) => c.startedAt)
    // The demo has entrepreneurs with an eligible benefit, with only an override, and with none.
    expect(started.some((c) => c.benefits.some((b) => b.eligible))).toBe(true)
    expect(started.some((c) => c.benefits.length > 0 && !c.benefits.some((b) => b.eligible))).toBe(true)
    expect(started.some((c) => c.benefits.length === 0)).toBe(true)
    // Without the field, nobody is on 应享未享.
    expect(await store.collection('cases').count(where.eq<Case>('enjoyedOn', ''))).toBe(0)

    const report = await runMigrations(store)
    expect(report.applied.find((m) => m.name === NAME)?.changed).toBe(before.length)
    for (const c of before) {
      const now = (await store.collection('cases').get(c._id)) as Case
      const eligible = c.benefits.filter((b) => b.eligible).map((b) => b.date).sort()
      expect([c._id, now.enjoyedOn, now.version]).toEqual([c._id, eligible[0] ?? '', c.version + 1])
      // Nothing else moved.
      expect({ ...now, enjoyedOn: undefined, version: 0 }).toEqual({ ...c, enjoyedOn: undefined, version: 0 })
    }
    expect(await store.collection('cases').count(where.and<Case>(where.eq('enjoyedOn', ''), where.gte('startedAt', '0')))).toBe(started.filter((c) => !c.benefits.some((b) => b.eligible)).length)
    expect((await runMigrations(store)).skipped).toContain(NAME)
    expect(await setEnjoyedOn(store)).toBe(0)

    // A case written by the previous code during a deploy (a benefit added, `enjoyedOn` left as it
    // was): the next start or set-up mends it.
    const stale = (await store.collection('cases').get(started.find((c) => c.benefits.some((b) => b.eligible))!._id)) as Case
    await store.collection('cases').update(stale._id, { set: { enjoyedOn: '' } })
    expect((await runMigrations(store)).applied).toEqual([{ name: NAME, changed: 1 }])
    expect(((await store.collection('cases').get(stale._id)) as Case).enjoyedOn).toBe(stale.enjoyedOn)
    await store.close()
  })
})
