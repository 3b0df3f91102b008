import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import ExcelJS from 'exceljs'
import { localExportFiles, localExportParts } from '../../../../server/downloads'
import { seedDemoCases } from '../../../../server/seed-cases'
import type { ExportJobResult, ExportOutput } from '../../../_shared/contracts/intent'
import type { JobView } from '../../../_shared/contracts/job'
import type { AuditEntry } from '../../../_shared/domain/audit'
import { advanceJob, type Budget } from '../../../_shared/runtime/jobs'
import { makeHarness, staffId, TEST_ORGS } from '../../../_shared/testing/harness'
import { where } from '../../../_shared/store/port'
import type { ExportParts } from '../../../_shared/files/export-files'
import { makeExportJob } from '../../export-job'
import { makeLedgerActions } from '..'

const PART = 5

/** The demo cases of two communities; the staff of 甲社区 export theirs (a few parts of 5). */
async function world(budget: Budget, parts?: (dir: string) => ExportParts) {
  const h = await makeHarness([
    { id: 'a-staff', role: 'community_staff', orgId: 'comm-a' },
    { id: 'b-staff', role: 'community_staff', orgId: 'comm-b' },
  ])
  await seedDemoCases(h.store, h.keyring, new Date('2026-11-20T02:00:00.000Z'), TEST_ORGS)
  const dir = mkdtempSync(join(tmpdir(), 'export-job-'))
  const p = parts ? parts(dir) : localExportParts(() => dir)
  const ledger = makeLedgerActions(() => localExportFiles(() => join(dir, 'one-call')), { parts: () => p, budget, partRows: PART })
  return { h, dir, ledger, parts: p }
}

/** The case rows of a workbook (below the title and header rows). */
async function rowsOf(path: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const rows: unknown[][] = []
  wb.getWorksheet('帮扶台帐')?.eachRow((row, n) => {
    if (n > 2) rows.push((row.values as unknown[]).slice(1))
  })
  return rows
}

const fileOf = (dir: string, url: string | undefined) => {
  if (!url?.startsWith('/api/downloads/')) throw new Error(`expected a runtime download link, got ${url}`)
  return join(dir, basename(url.split('?')[0]))
}

async function partRows(dir: string, result: ExportJobResult | undefined): Promise<unknown[][]> {
  const out: unknown[][] = []
  for (const p of result?.parts ?? []) out.push(...(await rowsOf(fileOf(dir, p.url))))
  return out
}

it('an export interrupted after every part gives the same rows as one uninterrupted job and as the one-call export', async () => {
  const once = await world({ ms: 60_000, chunks: 1_000 })
  const whole = await once.h.ok<JobView<ExportJobResult>>(once.ledger, staffId('a-staff'), 'exportJob', {})
  expect(whole.state).toBe('done')
  const reference = await once.h.ok<ExportOutput>(once.ledger, staffId('a-staff'), 'export', {})
  const referenceRows = await rowsOf(fileOf(join(once.dir, 'one-call'), reference.url))
  expect(referenceRows.length).toBeGreaterThan(2 * PART)
  expect(await partRows(once.dir, whole.result)).toEqual(referenceRows)

  const step = await world({ ms: 60_000, chunks: 1 })
  let view = await step.h.ok<JobView<ExportJobResult>>(step.ledger, staffId('a-staff'), 'exportJob', {})
  const progress = [`${view.done}/${view.total}`]
  while (view.state === 'running') {
    view = await step.h.ok<JobView<ExportJobResult>>(step.ledger, staffId('a-staff'), 'continueJob', { id: view._id })
    progress.push(`${view.done}/${view.total}`)
  }
  const n = referenceRows.length
  expect(progress[0]).toBe(`${PART}/${n}`)
  expect(progress[progress.length - 1]).toBe(`${n}/${n}`)
  expect(view.result?.rows).toBe(n)
  expect(view.result?.parts.map((p) => p.fileName)).toEqual(whole.result?.parts.map((p) => p.fileName))
  expect(view.result?.parts[0].fileName).toBe('帮扶台帐-甲社区-2026-11-22-第1部分.xlsx')
  expect(await partRows(step.dir, view.result)).toEqual(referenceRows)
  // Reopening the page finds the finished job with fresh links.
  const again = await step.h.ok<JobView<ExportJobResult>>(step.ledger, staffId('a-staff'), 'job', { id: view._id })
  expect(again.result?.parts).toHaveLength(view.result?.parts.length ?? -1)
})

it('a part that fails after writing is redone under the same name: no duplicate rows, no stray file', async () => {
  let failures = 0
  const w = await world({ ms: 60_000, chunks: 1 }, (dir) => {
    const real = localExportParts(() => dir)
    return {
      link: real.link,
      async open(key, now) {
        const part = await real.open(key, now)
        return {
          ...part,
          async save() {
            const ref = await part.save()
            // The second part is written and kept, then the call dies before the job is saved.
            if (failures === 0 && readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length === 2) {
              failures++
              throw new Error('killed after the upload')
            }
            return ref
          },
        }
      },
    }
  })
  let view = await w.h.ok<JobView<ExportJobResult>>(w.ledger, staffId('a-staff'), 'exportJob', {})
  expect(view.done).toBe(PART)
  // continueJob reports the job still running after the crash; the next call redoes the part.
  view = await w.h.ok<JobView<ExportJobResult>>(w.ledger, staffId('a-staff'), 'continueJob', { id: view._id })
  expect(failures).toBe(1)
  expect(view.state).toBe('running')
  expect(view.done).toBe(PART)
  const def = makeExportJob(() => w.parts, PART)
  const done = await advanceJob(w.h.store, def, view._id, { ms: 60_000, chunks: 1_000 })
  expect(done?.state).toBe('done')
  view = await w.h.ok<JobView<ExportJobResult>>(w.ledger, staffId('a-staff'), 'job', { id: view._id })
  const rows = await partRows(w.dir, view.result)
  const names = rows.map((r) => JSON.stringify(r))
  expect(new Set(names).size).toBe(names.length)
  expect(rows).toHaveLength(view.result?.rows ?? -1)
  expect(view.result?.rows).toBe(await w.h.store.collection('cases').count(where.eq('communityId', 'comm-a')))
  expect(readdirSync(w.dir).filter((f) => f.endsWith('.xlsx'))).toHaveLength(view.result?.parts.length ?? -1)
})

it("another community's staff get 404 for an export job, audited; its starter continues it", async () => {
  const w = await world({ ms: 60_000, chunks: 1 })
  const view = await w.h.ok<JobView<ExportJobResult>>(w.ledger, staffId('a-staff'), 'exportJob', {})
  expect((await w.h.call(w.ledger, staffId('b-staff'), 'continueJob', { id: view._id })).status).toBe(404)
  const denied = await w.h.store.collection('audit').find({ where: where.and<AuditEntry>(where.eq('actorId', 'b-staff'), where.eq('result', 'denied')), limit: 5 })
  expect(denied.items.map((a) => [a.target, a.code])).toEqual([[view._id, 'NOT_FOUND']])
  const next = await w.h.ok<JobView<ExportJobResult>>(w.ledger, staffId('a-staff'), 'continueJob', { id: view._id })
  expect(next.done).toBe(2 * PART)
  const started = await w.h.store.collection('audit').find({ where: where.and<AuditEntry>(where.eq('actorId', 'a-staff'), where.eq('kind', 'export')), limit: 5 })
  expect(started.items).toHaveLength(1)
})
