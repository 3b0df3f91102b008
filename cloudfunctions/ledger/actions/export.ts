import { caseStaff } from '../../_shared/application/case'
import { type ExportOutput, ledgerExportInput } from '../../_shared/contracts/intent'
import { type Action, defineAction } from '../../_shared/runtime/action'
import { type ExportFiles, publishExport } from '../../_shared/files/export-files'
import { exportScope, toExportRow } from '../export-job'
import { writeLedgerWorkbook } from '../../_shared/files/workbook'
import { ledgerSummary } from '../../_shared/application/ledger-summary'

/**
 * Exports the ledger under the current filter to .xlsx in one call — a summary sheet with the
 * dashboard's figures for the period, the cases, and a sheet per record kind (follow-ups,
 * ventures, benefits, loan steps, trainings): masked identifiers,
 * formula-looking text neutralised, streamed page by page into `files` (cloud storage or the
 * runtime's download folder) so memory stays flat at any size. Bounded by the function timeout
 * (50,000 rows took 24 s): the staff page uses `exportJob`, which splits large exports.
 */
export function makeExport(files: () => ExportFiles): Action<typeof ledgerExportInput, ExportOutput> {
  return defineAction({
    input: ledgerExportInput,
    ...caseStaff('intent.export'),
    audit: 'export',
    async run(input, ctx): Promise<ExportOutput> {
      const { query, today, fileName, title, org, period } = await exportScope(ctx, input)
      const summary = await ledgerSummary(ctx, org, period, today)
      const intents = ctx.store.collection('cases')
      // A scan walks the primary key (no sort over the whole result per page); intent ids
      // start with their creation time, so the rows come out oldest first.
      const { file, result: rows } = await publishExport(files(), fileName, ctx.now(), (stream) =>
        writeLedgerWorkbook(stream, intents.scan(query, 500), (i) => toExportRow(i, today), title, summary),
      )
      return { ...file, rows }
    },
  })
}
