import { type ExportOutput, ledgerExportInput } from '../../_shared/contracts/intent'
import type { Intent } from '../../_shared/domain/intent'
import { shanghaiDate } from '../../_shared/domain/time'
import { type Action, defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { staffCaller, toLedgerRow } from '../../intent/case'
import type { ExportFiles } from '../export-files'
import { ledgerFilters, scopeFilter } from '../scope'
import { type ExportRow, writeLedgerWorkbook } from '../workbook'

/**
 * Exports the ledger under the current filter to .xlsx: masked identifiers, formula-looking
 * text neutralised, streamed page by page into `files` (cloud storage or the runtime's download
 * folder) so memory stays flat at any size. Audited as an export.
 */
export function makeExport(files: () => ExportFiles): Action<typeof ledgerExportInput, ExportOutput> {
  return defineAction({
    input: ledgerExportInput,
    access: 'staff',
    audit: 'export',
    async run(input, ctx): Promise<ExportOutput> {
      const caller = staffCaller(ctx, 'intent.export')
      const now = ctx.now()
      const today = shanghaiDate(now)
      const { filter, community } = await scopeFilter(ctx, caller, input.communityId)
      const query = where.and<Intent>(filter, ...ledgerFilters(input, today))
      const scopeName = community?.name ?? caller.org.name
      const fileName = `帮扶台帐-${scopeName}-${today}.xlsx`
      const intents = ctx.store.collection('intents')
      // A scan walks the primary key (no sort over the whole result per page); intent ids
      // start with their creation time, so the rows come out oldest first.
      async function* pages(): AsyncIterable<ExportRow[]> {
        for await (const batch of intents.scan(query, 500)) {
          yield batch.map((i) => ({ ...toLedgerRow(i, today), familySituation: i.familySituation, projectDescription: i.projectDescription }))
        }
      }
      const target = await files().open(fileName, now)
      let rows: number
      try {
        const finished = new Promise<void>((resolve, reject) => {
          target.stream.once('finish', resolve)
          target.stream.once('error', reject)
        })
        rows = await writeLedgerWorkbook(target.stream, pages(), `${scopeName} 创业帮扶台帐（导出于 ${today}，${caller.staff.name}）`)
        await finished
      } catch (err) {
        await target.discard()
        throw err
      }
      const { url, expiresAt } = await target.publish()
      return { url, fileName, rows, expiresAt }
    },
  })
}
