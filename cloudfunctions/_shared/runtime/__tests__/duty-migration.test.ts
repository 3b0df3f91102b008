/**
 * Issue 21's 督查 gaps: tasks stored before had no reporting schedule, no edit history, and reports
 * without figures or attachments. The migration gives them the empty ones (no schedule: never
 * late), a rerun changes nothing, and on a copy of the demo database it applies once.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedDemo } from '../../../../server/seed'
import type { DutyTask } from '../../domain/duty'
import type { Collections } from '../../store/collections'
import { openSqliteStore } from '../../store/sqlite/adapter'
import { migrateDutyTasks, runMigrations } from '../migrations'

const NAME = '2026-12-duty-schedule-figures-edits'

describe('the duty schedule / figures / edits migration', () => {
  it('fills what old tasks lack, keeps what they have, and a rerun changes nothing (on a copy of the demo database)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cy-duty-mig-'))
    try {
      const store = openSqliteStore<Collections>({ path: join(dir, 'demo.sqlite'), purpose: 'test' })
      await seedDemo(store, new Date('2026-12-04T02:00:00.000Z'), { forcePasswordChange: false })
      // Two demo tasks as the previous version stored them.
      for (const id of ['dut_demo_gsj', 'dut_demo_fgj']) {
        const t = (await store.collection('dutyTasks').get(id)) as DutyTask
        const { schedule: _s, edits: _e, ...old } = t
        await store.collection('dutyTasks').put({ ...old, reports: t.reports.map(({ figures: _f, attachments: _a, ...r }) => r) } as unknown as DutyTask)
      }
      const before = (await store.collection('dutyTasks').get('dut_demo_gsj')) as unknown as Record<string, unknown>
      expect(before.schedule).toBeUndefined()
      const report = await runMigrations(store)
      expect(report.applied).toContainEqual({ name: NAME, changed: 2 })
      const gsj = (await store.collection('dutyTasks').get('dut_demo_gsj')) as DutyTask
      expect([gsj.schedule, gsj.edits]).toEqual([null, []])
      expect(gsj.reports.map((r) => [r.percent, r.figures, r.attachments])).toEqual([
        [40, [], []],
        [70, [], []],
      ])
      // A task already in the new shape is untouched.
      const rmyh = (await store.collection('dutyTasks').get('dut_demo_rmyh')) as DutyTask
      expect(rmyh.schedule).toEqual({ every: 2, unit: 'week' })
      expect(rmyh.reports[0].figures).toEqual([{ label: '已发放小额担保贷款', value: 1260, unit: '万元' }])
      expect(await migrateDutyTasks(store)).toBe(0)
      expect((await runMigrations(store)).skipped).toContain(NAME)
      await store.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
