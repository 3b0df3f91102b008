/**
 * Targets became data (issue 21): a copy of the demo database as the previous version stored it
 * (no `targets` or `targetYears` table) gets the seeds' targets for its city from the migration
 * `npm start` and cloud:setup run, each with its source; the dashboard then judges against them;
 * a second run, and a run after an office changed a target, change nothing.
 */
import Database from 'better-sqlite3'
import type { DashboardOutput } from '../../contracts/indices'
import { TARGET_SEEDS } from '../../domain/target-seeds'
import type { TargetRecord } from '../../domain/target'
import { dispatch } from '../dispatch'
import { runMigrations } from '../migrations'
import { indicesActions } from '../../../indices/actions'
import { demoCopy } from '../../testing/demo-copy'

const NAME = '2026-12-targets-seeded'

describe('seeding the default targets into an existing database', () => {
  const demo = demoCopy('targets')

  it('writes every seed target for the city with its source, once, and never overwrites an office’s own', async () => {
    const now = new Date('2026-11-22T02:00:00.000Z')
    const { store, keyring } = await demo.seed({ now })
    await store.close()
    // The previous version's file: no target tables at all.
    const raw = new Database(demo.path)
    raw.exec('DROP TABLE IF EXISTS "targets"; DROP TABLE IF EXISTS "targetYears"')
    raw.close()

    const reopened = demo.reopen()
    expect(await reopened.collection('targets').count()).toBe(0)
    const first = await runMigrations(reopened, () => now)
    expect(first.applied).toContainEqual({ name: NAME, changed: TARGET_SEEDS.length })
    const stored: TargetRecord[] = (await reopened.collection('targets').find({ limit: 100 })).items
    expect(stored.map((t) => [t.index, t.orgId, t.year, t.value, t.source]).sort()).toEqual(TARGET_SEEDS.map((t) => [t.index, 'city', 2010, t.value, t.source]).sort())

    // The district dashboard reads them: 创业活动指数 against seed 001's 15%, service satisfaction marked local.
    const { body } = await dispatch(indicesActions, { action: 'dashboard', data: { period: '2026' } }, { store: reopened, identity: { staffId: 'st_dongqu' }, keyring, now: () => now })
    expect(body.ok).toBe(true)
    const dash = (body as { data: DashboardOutput }).data
    expect(dash.indices.find((i) => i.key === 'activity')?.target).toMatchObject({ text: '≥ 15%', source: 'seed-001' })
    expect(dash.indices.find((i) => i.key === 'satisfactionService')?.target?.source).toBe('local')

    // Nothing more on a second run; an office's change survives a third.
    const second = await runMigrations(reopened, () => now)
    expect(second.applied).toEqual([])
    expect(second.skipped).toContain(NAME)
    await reopened.collection('targets').update('2010:city:activity', { set: { value: 0.2, source: 'local' } })
    await runMigrations(reopened, () => now)
    expect(await reopened.collection('targets').get('2010:city:activity')).toMatchObject({ value: 0.2, source: 'local' })
    await reopened.close()
  })
})
