import type { Writable } from 'node:stream'
import type ExcelJS from 'exceljs'
import { loadExcelJS } from '../_shared/files/lazy-libs'
import type { EvaluationApplication } from '../_shared/domain/evaluation'
import { type DocSection, formSections, historySection, reportSections } from '../_shared/domain/evaluation-form'
import { neutralise } from '../_shared/files/workbook'

/** Sheet names, in order (tests read the file back by them). */
export const SHEETS = { form: '申报表', report: '自评报告' } as const

function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, title: string, sections: DocSection[]): void {
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  ws.columns = [{ width: 30 }, { width: 70 }]
  const head = ws.addRow([neutralise(title)])
  head.font = { bold: true, size: 14 }
  head.commit()
  for (const s of sections) {
    const t = ws.addRow([neutralise(s.title)])
    t.font = { bold: true }
    t.commit()
    for (const [label, value] of s.rows) {
      const r = ws.addRow([neutralise(label), neutralise(value)])
      r.alignment = { wrapText: true, vertical: 'top' }
      r.commit()
    }
  }
  ws.commit()
}

/**
 * Writes the application form and the self-evaluation report (with the history of the chain) as
 * two sheets of one .xlsx: the same rows the printable pages show. Community text that looks
 * like a formula stays text.
 */
export async function writeApplicationWorkbook(stream: Writable, app: EvaluationApplication): Promise<void> {
  const { stream: xlsxStream } = await loadExcelJS()
  const wb = new xlsxStream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  wb.creator = '创业社区'
  addSheet(wb, SHEETS.form, `${app.communityName} ${app.year} 年度创业型社区申报表`, formSections(app))
  addSheet(wb, SHEETS.report, `${app.communityName} ${app.year} 年度创建创业型社区自评报告`, [...reportSections(app), historySection(app)])
  await wb.commit()
}
