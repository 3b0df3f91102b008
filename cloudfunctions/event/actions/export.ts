import { type ExportFiles, publishExport } from '../../_shared/files/export-files'
import { loadExcelJS } from '../../_shared/files/lazy-libs'
import { exportInput, type ExportOutput } from '../../_shared/contracts/event'
import { type EventSignup, SIGNUP_STATUS_LABELS } from '../../_shared/domain/event'
import { shanghaiDate } from '../../_shared/domain/time'
import { type Action, defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { loadForStaff } from '../access'

/** A cell a spreadsheet would run as a formula is neutralised (DESIGN "Data protection"). */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** Shanghai wall-clock time of an ISO instant, `YYYY-MM-DD HH:mm`. */
function local(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  return `${shanghaiDate(new Date(iso))} ${d.toISOString().slice(11, 16)}`
}

/**
 * The attendee list as an .xlsx file, phones masked, every cell as text, handed over like every
 * download (`FileRef`: a cloud file id on CloudBase, a link locally). Audited as an export.
 */
export const makeExportAttendees = (files: () => ExportFiles): Action<typeof exportInput, ExportOutput> =>
  defineAction({
  input: exportInput,
  access: 'staff',
  permission: 'event.export',
  refusal: '你的角色不能进行这个操作',
  audit: 'export',
  target: (input) => input.eventId,
  async run({ eventId }, ctx): Promise<ExportOutput> {
    const event = await loadForStaff(ctx, eventId)
    const rows: EventSignup[] = []
    for await (const batch of ctx.store.collection('eventSignups').scan(where.eq<EventSignup>('eventId', eventId), 500)) rows.push(...batch)
    rows.sort((a, b) => a.seq - b.seq)

    const ExcelJS = await loadExcelJS()
    const book = new ExcelJS.Workbook()
    book.created = ctx.now()
    const sheet = book.addWorksheet('报名名单')
    sheet.columns = [
      { header: '序号', key: 'n', width: 8 },
      { header: '姓名', key: 'name', width: 14 },
      { header: '手机号', key: 'phone', width: 16 },
      { header: '状态', key: 'status', width: 10 },
      { header: '报名方式', key: 'via', width: 10 },
      { header: '报名时间', key: 'at', width: 18 },
      { header: '签到时间', key: 'checkedIn', width: 18 },
      { header: '签到方式', key: 'by', width: 12 },
    ]
    rows.forEach((s, i) => {
      sheet.addRow({
        n: String(i + 1),
        name: safeCell(s.name),
        phone: s.phoneMasked,
        status: SIGNUP_STATUS_LABELS[s.status],
        via: s.via === 'walk_in' ? '现场报名' : '线上报名',
        at: local(s.createdAt),
        checkedIn: local(s.checkedInAt),
        by: s.checkedInBy === null ? '' : s.checkedInBy === 'scan' ? '扫码' : '工作人员代签',
      })
    })
    sheet.getRow(1).font = { bold: true }
    sheet.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@')))
    const date = shanghaiDate(new Date(event.startAt))
    const fileName = `${date}-${event.title.replace(/[\\/:*?"<>|]/g, '')}-报名名单.xlsx`
    const { file } = await publishExport(files(), fileName, ctx.now(), (stream) => book.xlsx.write(stream))
    return { ...file, rows: rows.length }
  },
})
