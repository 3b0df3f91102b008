import { documentsInput, type DocumentsOutput } from '../../_shared/contracts/evaluation'
import { type Action, defineAction } from '../../_shared/runtime/action'
import { type ExportFiles, publishExport } from '../../_shared/files/export-files'
import { loadApplication, evaluationStaff } from '../application'
import { writeApplicationWorkbook } from '../workbook'

/**
 * The application form and self-evaluation report as one .xlsx, written through the export-files
 * port (cloud storage on CloudBase, the runtime's download folder locally) and returned as a
 * `FileRef` (a cloud file id on CloudBase, a temporary link locally). Anyone in scope who may read evaluations may download; audited as an export.
 */
export function makeDocuments(files: () => ExportFiles): Action<typeof documentsInput, DocumentsOutput> {
  return defineAction({
    input: documentsInput,
    ...evaluationStaff('evaluation.read'),
    audit: 'export',
    target: (input) => input.id,
    async run({ id }, ctx): Promise<DocumentsOutput> {
      const caller = ctx.caller
      const app = await loadApplication(ctx, caller, id)
      const fileName = `创业型社区申报-${app.communityName}-${app.year}.xlsx`
      const { file } = await publishExport(files(), fileName, ctx.now(), (stream) => writeApplicationWorkbook(stream, app))
      return file
    },
  })
}
