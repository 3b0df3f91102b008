import type { ActionMap } from '../../_shared/runtime/action'
import { answer } from './answer'
import { census } from './census'
import { close } from './close'
import type { ExportFiles } from '../../_shared/files/export-files'
import { makeExportSurvey } from './export'
import { get } from './get'
import { list } from './list'
import { open } from './open'
import { publish } from './publish'
import { results } from './results'
import { save } from './save'

/** The `survey` function's actions; `files` is where the export is written (cloud storage on CloudBase, the runtime's downloads locally). */
export function makeSurveyActions(files: () => ExportFiles) {
  return { open, list, get, answer, results, save, publish, close, export: makeExportSurvey(files), census } satisfies ActionMap
}
