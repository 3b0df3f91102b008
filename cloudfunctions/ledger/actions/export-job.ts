import { caseStaff } from '../../_shared/application/case'
import { fileRef } from '../../_shared/contracts/file'
import type { ExportJobResult } from '../../_shared/contracts/intent'
import { ledgerExportInput } from '../../_shared/contracts/intent'
import type { JobView } from '../../_shared/contracts/job'
import type { Job } from '../../_shared/domain/job'
import { type Action, type Ctx, defineAction } from '../../_shared/runtime/action'
import { advanceJob, type Budget, type StoredJobDef, startJob, viewOf } from '../../_shared/runtime/jobs'
import type { ExportParts } from '../../_shared/files/export-files'
import { type ExportParams, exportScope, PART_ROWS, type StoredExport } from '../export-job'

/** A finished export as the client gets it: each part as a file (cloud file id, or a link made now). */
export function presentExport(parts: () => ExportParts) {
  return async (job: Job, ctx: Ctx): Promise<ExportJobResult> => {
    const stored = job.result as StoredExport
    const now = ctx.now()
    const links = []
    for (const p of stored.parts) links.push({ ...fileRef({ ...(await parts().link(p.ref, p.fileName, now)), fileName: p.fileName }), rows: p.rows })
    return { fileName: stored.fileName, rows: stored.rows, parts: links }
  }
}

/**
 * `ledger.exportJob`: exports the ledger under the current filter as a job, and runs its first
 * call's worth. The scope and filter are checked and fixed now; the page goes on with
 * `continueJob` and shows "已完成 x / y". Audited as an export when started.
 */
export function makeExportJobAction(def: StoredJobDef, parts: () => ExportParts, budget: Budget, partRows: number = PART_ROWS): Action<typeof ledgerExportInput, JobView<ExportJobResult>> {
  const present = presentExport(parts)
  return defineAction({
    input: ledgerExportInput,
    ...caseStaff('intent.export'),
    audit: 'export',
    async run(input, ctx): Promise<JobView<ExportJobResult>> {
      const scope = await exportScope(ctx, input)
      const total = await ctx.store.collection('cases').count(scope.query)
      const params: ExportParams = { query: scope.query, today: scope.today, fileName: scope.fileName, title: scope.title, split: total > partRows, orgId: scope.org._id, period: scope.period }
      const job = await startJob(ctx.store, 'ledgerExport', {
        orgId: scope.caller.staff.orgId,
        startedBy: scope.caller.id,
        params,
        acc: { rows: 0, parts: [] },
        total,
        now: ctx.now(),
      })
      const after = (await advanceJob(ctx.store, def, job._id, budget)) ?? job
      return viewOf(after, () => present(after, ctx))
    },
  })
}
