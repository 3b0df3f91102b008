import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Writable } from 'node:stream'
import type ExcelJS from 'exceljs'
import { loadExcelJS } from './lazy-libs'
import type { LedgerRow } from '../contracts/intent'
import type { SummaryRow } from '../application/ledger-summary'
import {
  FOLLOW_UP_KIND_LABELS,
  type FollowUpKind,
  type Case,
  VENTURE_KIND_LABELS,
  VENTURE_STATUS_LABELS,
  AGE_BAND_LABELS,
  CONTACT_TIME_LABELS,
  EDUCATION_LABELS,
  GENDER_LABELS,
  HOUSEHOLD_LABELS,
  INDUSTRY_LABELS,
  CASE_STAGE_LABELS,
  CASE_STATUS_LABELS,
  NEED_LABELS,
} from '../domain/case'
import { BENEFIT_KIND_LABELS, fenToYuan, LOAN_STEP_LABELS, loanStep } from '../domain/money'
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
  { header: '阶段', width: 10, value: (r) => CASE_STAGE_LABELS[r.stage] },
  { header: '状态', width: 8, value: (r) => CASE_STATUS_LABELS[r.status] },
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

type Cell = string | number

/** A sheet besides the cases: its name, columns and the rows one case gives it. */
interface DetailSheet {
  name: string
  columns: { header: string; width: number; text?: boolean }[]
  rows: (i: Case) => Cell[][]
}

/** The problem a follow-up worked on, as seed 000 names them (项目、资金、场地、证照). */
const PROBLEM_OF: Partial<Record<FollowUpKind, string>> = { project: '项目', loan: '资金', site: '场地', licence: '证照' }

const who = (i: Case): Cell[] => [i.name, i.idCardMasked, i.communityName]
const WHO_COLUMNS = [
  { header: '姓名', width: 10 },
  { header: '身份证号', width: 22, text: true },
  { header: '社区', width: 12 },
]

/** The inspector's sheets (查看台帐): one per record kind, one row per record, masked identifiers. */
export const DETAIL_SHEETS: DetailSheet[] = [
  {
    name: '跟踪服务',
    columns: [...WHO_COLUMNS, { header: '日期', width: 12 }, { header: '工作人员', width: 12 }, { header: '问题类别', width: 8 }, { header: '方式', width: 12 }, { header: '做了什么', width: 40 }, { header: '结果', width: 24 }, { header: '下次回访', width: 12 }],
    rows: (i) => i.followUps.map((f) => [...who(i), f.date, f.byName, PROBLEM_OF[f.kind] ?? '', FOLLOW_UP_KIND_LABELS[f.kind], f.note, f.outcome, f.nextFollowUpDate]),
  },
  {
    name: '创办实体',
    columns: [...WHO_COLUMNS, { header: '名称', width: 20 }, { header: '类型', width: 10 }, { header: '登记日期', width: 12 }, { header: '带动就业', width: 8 }, { header: '状态', width: 8 }, { header: '关闭日期', width: 12 }],
    rows: (i) => i.ventures.map((v) => [...who(i), v.name, VENTURE_KIND_LABELS[v.kind], v.registrationDate, v.jobsCreated, VENTURE_STATUS_LABELS[v.status], v.closureDate]),
  },
  {
    name: '享受政策',
    columns: [...WHO_COLUMNS, { header: '人群', width: 14 }, { header: '政策', width: 24 }, { header: '类别', width: 14 }, { header: '金额(元)', width: 12 }, { header: '批准日期', width: 12 }, { header: '审批单位', width: 18 }, { header: '文号', width: 20, text: true }, { header: '符合条件', width: 8 }, { header: '特批原因', width: 20 }, { header: '来自贷款', width: 8 }, { header: '修改次数', width: 8 }],
    rows: (i) =>
      i.benefits.map((b) => [
        ...who(i), i.targetGroups.map((g) => TARGET_GROUP_LABELS[g]).join('、'), b.policyTitle, BENEFIT_KIND_LABELS[b.kind], fenToYuan(b.amountFen), b.date, b.approvedBy, b.documentNo,
        b.eligible ? '是' : '否', b.overrideReason, b.loanId ? '是' : '', b.history.length,
      ]),
  },
  {
    name: '贷款环节',
    columns: [...WHO_COLUMNS, { header: '贷款政策', width: 20 }, { header: '当前环节', width: 10 }, { header: '环节', width: 10 }, { header: '期次', width: 6 }, { header: '日期', width: 12 }, { header: '办理单位', width: 18 }, { header: '金额(元)', width: 12 }, { header: '文号', width: 20, text: true }, { header: '到期还款', width: 12 }, { header: '下次贴息', width: 12 }],
    rows: (i) =>
      (i.loans ?? []).flatMap((l) =>
        l.steps.map((st) => [...who(i), l.policyTitle, LOAN_STEP_LABELS[loanStep(l)], LOAN_STEP_LABELS[st.step], st.period || '', st.date, st.actor, fenToYuan(st.amountFen), st.documentNo, st.repayDue, st.interestDue]),
      ),
  },
  {
    name: '创业培训',
    columns: [...WHO_COLUMNS, { header: '结业日期', width: 12 }, { header: '记为已培训', width: 12 }, { header: '培训记录', width: 40 }, { header: '培训补贴(元)', width: 12 }],
    rows: (i) => {
      const notes = i.followUps.filter((f) => f.kind === 'training').map((f) => `${f.date} ${f.note}`)
      if (!i.courseCompletedAt && !i.trainedAt && !notes.length) return []
      const subsidy = i.benefits.filter((b) => b.kind === 'training_subsidy').reduce((n, b) => n + b.amountFen, 0)
      const day = (iso: string | undefined) => (iso ? shanghaiDate(new Date(iso)) : '')
      return [[...who(i), day(i.courseCompletedAt), day(i.trainedAt), notes.join('；'), fenToYuan(subsidy)]]
    },
  },
]

function header(ws: ExcelJS.Worksheet, title: string, headers: string[]): void {
  const titleRow = ws.addRow([neutralise(title)])
  titleRow.font = { bold: true, size: 13 }
  titleRow.commit()
  const head = ws.addRow(headers)
  head.font = { bold: true }
  head.commit()
}

const cell = (v: Cell) => (typeof v === 'string' ? neutralise(v) : v)

/** Appends a line, waiting when the file stream asks to (memory stays flat). */
async function spill(out: WriteStream, line: string): Promise<void> {
  if (!out.write(line)) await once(out, 'drain')
}

/**
 * Streams the ledger into an .xlsx: a summary sheet (the dashboard's figures for the period,
 * when given), the cases, then one sheet per record kind an inspector reads (follow-ups,
 * ventures, benefits, loan steps, trainings). exceljs' streaming writer must finish one sheet
 * before it starts the next, so the cases are read once: their rows go to the cases sheet as they
 * come, and the other sheets' rows are spilled to temporary files (one JSON line per row) and
 * replayed after it. Memory stays flat however many there are. Identifiers are masked text;
 * formula-looking text is neutralised. Returns the number of cases.
 */
export async function writeLedgerWorkbook(
  stream: Writable,
  cases: AsyncIterable<Case[]>,
  toRow: (i: Case) => ExportRow,
  title: string,
  summary?: { periodName: string; rows: SummaryRow[] },
): Promise<number> {
  const ExcelJS = await loadExcelJS()
  const dir = mkdtempSync(join(tmpdir(), 'ledger-sheets-'))
  const spills = DETAIL_SHEETS.map((_, k) => createWriteStream(join(dir, `${k}.jsonl`)))
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
    wb.creator = '创业社区'
    if (summary) {
      const ws = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 2 }] })
      ws.columns = [{ width: 22 }, { width: 30 }, { width: 12 }, { width: 14 }, { width: 16 }]
      header(ws, `${title} · ${summary.periodName}汇总（与指标看板同一口径）`, ['类别', '项目', '人次/分子', '金额(元)/分母', '值'])
      for (const r of summary.rows) ws.addRow([r.section, r.item, r.a, r.b ?? '', r.value].map((v) => cell(v))).commit()
      ws.commit()
    }
    const ws = wb.addWorksheet('帮扶台帐', { views: [{ state: 'frozen', ySplit: 2 }] })
    ws.columns = COLUMNS.map((c, i) => ({ key: `c${i}`, width: c.width, style: c.header === '身份证号' || c.header === '手机号' ? { numFmt: '@' } : {} }))
    header(ws, title, EXPORT_HEADERS)
    let n = 0
    for await (const batch of cases) {
      for (const i of batch) {
        const r = toRow(i)
        ws.addRow(COLUMNS.map((c) => cell(c.value(r)))).commit()
        n++
        for (const [k, sheet] of DETAIL_SHEETS.entries()) for (const row of sheet.rows(i)) await spill(spills[k], `${JSON.stringify(row)}\n`)
      }
    }
    ws.commit()
    for (const out of spills) {
      out.end()
      await once(out, 'finish')
    }
    for (const [k, sheet] of DETAIL_SHEETS.entries()) {
      const dws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 2 }] })
      dws.columns = sheet.columns.map((c, j) => ({ key: `c${j}`, width: c.width, style: c.text ? { numFmt: '@' } : {} }))
      header(dws, title, sheet.columns.map((c) => c.header))
      const lines = createInterface({ input: createReadStream(join(dir, `${k}.jsonl`), 'utf8'), crlfDelay: Infinity })
      for await (const line of lines) if (line) dws.addRow((JSON.parse(line) as Cell[]).map(cell)).commit()
      dws.commit()
    }
    await wb.commit()
    return n
  } finally {
    for (const out of spills) out.destroy()
    rmSync(dir, { recursive: true, force: true })
  }
}
