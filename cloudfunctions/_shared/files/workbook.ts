import type { Writable } from 'node:stream'
import { loadExcelJS } from './lazy-libs'
import type { LedgerRow } from '../contracts/intent'
import {
  AGE_BAND_LABELS,
  CONTACT_TIME_LABELS,
  EDUCATION_LABELS,
  GENDER_LABELS,
  HOUSEHOLD_LABELS,
  INDUSTRY_LABELS,
  INTENT_STAGE_LABELS,
  INTENT_STATUS_LABELS,
  NEED_LABELS,
} from '../domain/intent'
import { TARGET_GROUP_LABELS } from '../domain/target-groups'
import { shanghaiDate } from '../domain/time'

/** A ledger row plus the free text the export carries. */
export type ExportRow = LedgerRow & { familySituation: string; projectDescription: string }

/**
 * Cells a spreadsheet would run as a formula (`= + - @`, tab, CR) get a leading apostrophe, so
 * a name like `=HYPERLINK(...)` stays text (DESIGN.md "Data protection").
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

const COLUMNS: { header: string; width: number; value: (r: ExportRow) => string | number }[] = [
  { header: '姓名', width: 10, value: (r) => r.name },
  { header: '性别', width: 6, value: (r) => GENDER_LABELS[r.gender] },
  { header: '年龄段', width: 12, value: (r) => AGE_BAND_LABELS[r.ageBand] },
  { header: '手机号', width: 14, value: (r) => r.phoneMasked },
  { header: '身份证号', width: 22, value: (r) => r.idCardMasked },
  { header: '社区', width: 12, value: (r) => r.communityName },
  { header: '文化程度', width: 10, value: (r) => EDUCATION_LABELS[r.education] },
  { header: '户口', width: 10, value: (r) => HOUSEHOLD_LABELS[r.household] },
  { header: '人群', width: 18, value: (r) => r.targetGroups.map((g) => TARGET_GROUP_LABELS[g]).join('、') },
  { header: '家庭情况', width: 30, value: (r) => r.familySituation },
  { header: '意向行业', width: 12, value: (r) => INDUSTRY_LABELS[r.industry] },
  { header: '项目设想', width: 40, value: (r) => r.projectDescription },
  { header: '需要的帮助', width: 20, value: (r) => r.needs.map((n) => NEED_LABELS[n]).join('、') },
  { header: '资金缺口(元)', width: 12, value: (r) => r.fundingAmount ?? '' },
  { header: '方便联系', width: 12, value: (r) => CONTACT_TIME_LABELS[r.contactTime] },
  { header: '阶段', width: 10, value: (r) => INTENT_STAGE_LABELS[r.stage] },
  { header: '状态', width: 8, value: (r) => INTENT_STATUS_LABELS[r.status] },
  { header: '登记日期', width: 12, value: (r) => shanghaiDate(new Date(r.createdAt)) },
  { header: '首次指导', width: 12, value: (r) => (r.guidedAt ? shanghaiDate(new Date(r.guidedAt)) : '') },
  { header: '跟进次数', width: 8, value: (r) => r.followUpCount },
  { header: '下次回访', width: 12, value: (r) => r.nextFollowUpDate },
  { header: '回访逾期', width: 8, value: (r) => (r.overdue ? '是' : '') },
  { header: '创办数', width: 8, value: (r) => r.ventureCount },
  { header: '带动就业', width: 8, value: (r) => r.jobsCreated },
  { header: '享受政策次数', width: 10, value: (r) => r.benefitCount },
]

/** The header row, in column order (tests read the file back against it). */
export const EXPORT_HEADERS = COLUMNS.map((c) => c.header)

/**
 * Streams the ledger into an .xlsx: rows are committed as they arrive, so memory stays flat
 * however many there are. Identifiers are masked text (the ID column is formatted as text).
 */
export async function writeLedgerWorkbook(stream: Writable, batches: AsyncIterable<ExportRow[]>, title: string): Promise<number> {
  const ExcelJS = await loadExcelJS()
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
  wb.creator = '创业社区'
  const ws = wb.addWorksheet('帮扶台帐', { views: [{ state: 'frozen', ySplit: 2 }] })
  ws.columns = COLUMNS.map((c, i) => ({ key: `c${i}`, width: c.width, style: c.header === '身份证号' || c.header === '手机号' ? { numFmt: '@' } : {} }))
  const titleRow = ws.addRow([neutralise(title)])
  titleRow.font = { bold: true, size: 13 }
  titleRow.commit()
  const head = ws.addRow(EXPORT_HEADERS)
  head.font = { bold: true }
  head.commit()
  let n = 0
  for await (const batch of batches) {
    for (const r of batch) {
      ws.addRow(COLUMNS.map((c) => {
        const v = c.value(r)
        return typeof v === 'string' ? neutralise(v) : v
      })).commit()
      n++
    }
  }
  ws.commit()
  await wb.commit()
  return n
}
