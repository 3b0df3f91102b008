import type ExcelJS from 'exceljs'
import { loadExcelJS } from '../_shared/files/lazy-libs'
import {
  LEVEL_LABELS,
  type Level,
  levelLabel,
  questionLevels,
  LOW_CONFIDENCE_N,
  periodLabel,
  type SatisfactionIndex,
  type Survey,
  SURVEY_KIND_LABELS,
  SURVEY_STATE_LABELS,
  type SurveyResponse,
  type SurveyState,
} from '../_shared/domain/survey'

/** Text that a spreadsheet could read as a formula is prefixed with an apostrophe (DESIGN "Exports"). */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9F0FD' } }

function header(sheet: ExcelJS.Worksheet, values: string[]): void {
  const row = sheet.addRow(values)
  row.font = { bold: true }
  row.eachCell((c) => {
    c.fill = HEADER_FILL
  })
}

/** The first rows of a survey workbook's 汇总 sheet: what survey, where, when and in what state. */
function surveyHead(survey: Survey, state: SurveyState): [string, string][] {
  return [
    ['问卷', safeText(survey.title)],
    ['范围', survey.orgName],
    ['类型', SURVEY_KIND_LABELS[survey.kind]],
    ['季度', periodLabel(survey.period)],
    ['填写时间', `${survey.opensOn} 至 ${survey.closesOn}`],
    ['状态', SURVEY_STATE_LABELS[state]],
  ]
}

/**
 * The survey's workbook: 汇总 (index, dimensions), 各题分布 (counts per level), 答卷明细 (one
 * row per response, no identity, in keyed-hash order) and 意见 (free text).
 */
export async function surveyWorkbook(
  survey: Survey,
  state: SurveyState,
  index: SatisfactionIndex,
  responses: readonly SurveyResponse[],
): Promise<Buffer> {
  if (survey.kind === 'census') return censusWorkbook(survey, state, responses)
  const { Workbook } = await loadExcelJS()
  const wb = new Workbook()
  wb.creator = '创业社区'
  wb.created = new Date(0)

  const summary = wb.addWorksheet('汇总')
  summary.columns = [{ width: 22 }, { width: 44 }, { width: 14 }, { width: 14 }]
  const info: [string, string | number | null][] = [...surveyHead(survey, state), ['有效答卷（份）', index.n]]
  for (const [k, v] of info) summary.addRow([k, v])
  const composite = summary.addRow(['综合满意度指数（0–100）', index.composite === null ? '—' : round1(index.composite)])
  composite.getCell(2).numFmt = '0.0'
  const rate = summary.addRow(['满意率（满意及以上）', index.satisfactionRate === null ? '—' : index.satisfactionRate])
  rate.getCell(2).numFmt = '0.0%'
  if (index.lowConfidence) summary.addRow(['提示', `答卷少于 ${LOW_CONFIDENCE_N} 份，结果仅供参考`])
  summary.addRow([])
  header(summary, ['维度', '得分（0–100）', '权重', '回答数'])
  for (const d of index.dimensions) {
    const row = summary.addRow([d.label, d.score === null ? '—' : round1(d.score), d.weight, d.answers])
    row.getCell(2).numFmt = '0.0'
  }

  const dist = wb.addWorksheet('各题分布')
  dist.columns = [{ width: 6 }, { width: 48 }, { width: 14 }, ...[5, 4, 3, 2, 1].map(() => ({ width: 11 })), { width: 9 }, { width: 10 }, { width: 10 }]
  header(dist, ['题号', '题目', '维度', ...([5, 4, 3, 2, 1] as Level[]).map((l) => LEVEL_LABELS[l]), '回答数', '平均分', '满意率'])
  const dimLabel = new Map(survey.dimensions.map((d) => [d.key, d.label]))
  index.questions.forEach((q, i) => {
    const row = dist.addRow([
      i + 1,
      safeText(q.text),
      dimLabel.get(q.dimension) ?? q.dimension,
      q.counts[4],
      q.counts[3],
      q.counts[2],
      q.counts[1],
      q.counts[0],
      q.n,
      q.score === null ? '—' : round1(q.score),
      q.satisfactionRate === null ? '—' : q.satisfactionRate,
    ])
    row.getCell(10).numFmt = '0.0'
    row.getCell(11).numFmt = '0.0%'
  })

  const raw = wb.addWorksheet('答卷明细')
  raw.columns = [{ width: 8 }, ...survey.questions.map(() => ({ width: 12 })), { width: 60 }]
  header(raw, ['序号', ...survey.questions.map((_, i) => `第${i + 1}题`), '意见'])
  const qIndex = new Map(survey.questions.map((q, i) => [q.id, i + 1]))
  responses.forEach((r, i) => {
    raw.addRow([
      i + 1,
      ...r.levels.map((l) => LEVEL_LABELS[l]),
      safeText(r.comments.map((c) => `第${qIndex.get(c.question) ?? '?'}题：${c.text}`).join('；')),
    ])
  })

  commentsSheet(wb, survey, responses, qIndex)

  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * The 市民创业状况调查's workbook: no satisfaction index or 满意 scale. 汇总 (n and each part's
 * headline share, as the public page computes them), 各题分布 (every question's answers by part —
 * 创业状况 / 创业意愿 / 困难 / 需求 — with count and share), 答卷明细 (each response's answers in
 * words, no identity) and 意见 when a question had a comment box.
 */
async function censusWorkbook(survey: Survey, state: SurveyState, responses: readonly SurveyResponse[]): Promise<Buffer> {
  const { Workbook } = await loadExcelJS()
  const wb = new Workbook()
  wb.creator = '创业社区'
  wb.created = new Date(0)
  const dimLabel = new Map(survey.dimensions.map((d) => [d.key, d.label]))
  // counts[question][level]: how many answered that level.
  const counts = survey.questions.map(() => new Map<Level, number>())
  const answered = survey.questions.map(() => 0)
  for (const r of responses) {
    r.levels.forEach((l, i) => {
      if (!counts[i]) return
      counts[i].set(l, (counts[i].get(l) ?? 0) + 1)
      answered[i]++
    })
  }
  const n = responses.length
  const share = (num: number, den: number) => (den ? num / den : '—')
  // Headlines as on the public page: the first two answers of s1 (正在创业或筹备) and of s2 (一年内打算创业).
  const firstTwo = (i: number) => (counts[i]?.get(5) ?? 0) + (counts[i]?.get(4) ?? 0)

  const summary = wb.addWorksheet('汇总')
  summary.columns = [{ width: 24 }, { width: 44 }]
  const info: [string, string | number][] = [...surveyHead(survey, state), ['有效答卷（份）', n]]
  for (const [k, v] of info) summary.addRow([k, v])
  const engaged = summary.addRow(['正在创业或筹备（占答卷）', share(firstTwo(0), answered[0])])
  engaged.getCell(2).numFmt = '0.0%'
  const intending = summary.addRow(['一年内打算创业（占答卷）', share(firstTwo(1), answered[1])])
  intending.getCell(2).numFmt = '0.0%'

  const dist = wb.addWorksheet('各题分布')
  dist.columns = [{ width: 6 }, { width: 10 }, { width: 44 }, { width: 32 }, { width: 9 }, { width: 10 }]
  header(dist, ['题号', '部分', '题目', '回答', '人数', '占比'])
  survey.questions.forEach((q, i) => {
    for (const level of questionLevels(q)) {
      const count = counts[i].get(level) ?? 0
      const row = dist.addRow([i + 1, dimLabel.get(q.dimension) ?? q.dimension, safeText(q.text), safeText(levelLabel(q, level)), count, share(count, answered[i])])
      row.getCell(6).numFmt = '0.0%'
    }
  })

  const raw = wb.addWorksheet('答卷明细')
  raw.columns = [{ width: 8 }, ...survey.questions.map(() => ({ width: 24 }))]
  header(raw, ['序号', ...survey.questions.map((q, i) => `第${i + 1}题（${dimLabel.get(q.dimension) ?? q.dimension}）`)])
  responses.forEach((r, i) => {
    raw.addRow([i + 1, ...r.levels.map((l, k) => safeText(survey.questions[k] ? levelLabel(survey.questions[k], l) : String(l)))])
  })

  if (responses.some((r) => r.comments.length)) commentsSheet(wb, survey, responses, new Map(survey.questions.map((q, i) => [q.id, i + 1])))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** The 意见 sheet: each free-text comment with its question number and text (formula-safe). */
function commentsSheet(wb: ExcelJS.Workbook, survey: { questions: readonly { text: string }[] }, responses: readonly { comments: readonly { question: string; text: string }[] }[], qIndex: ReadonlyMap<string, number>): void {
  const comments = wb.addWorksheet('意见')
  comments.columns = [{ width: 8 }, { width: 44 }, { width: 60 }]
  header(comments, ['题号', '题目', '意见'])
  for (const r of responses) {
    for (const c of r.comments) {
      const n = qIndex.get(c.question) ?? 0
      comments.addRow([n, safeText(survey.questions[n - 1]?.text ?? ''), safeText(c.text)])
    }
  }
}

function round1(x: number): number {
  return Math.round(x * 10) / 10
}
