import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DutyBoard, DutyScores, DutyTaskView } from '../../../_shared/contracts/duty'
import type { DutyTask } from '../../../_shared/domain/duty'
import { makeHarness, staffId } from '../../../_shared/testing/harness'
import { localPhotoFiles, savePhoto } from '../../../../server/photos'
import { localDocumentFiles, saveDocument } from '../../../../server/documents'
import { exeBytes, pdfBytes, xlsxBytes } from '../../../_shared/testing/documents'
import { makeDutyActions } from '..'
import { sendDutyReminders } from '../../remind-late'
import { fakePng } from '../../../_shared/testing/images'

const photoDir = mkdtempSync(join(tmpdir(), 'duty-photos-'))
const photoFiles = localPhotoFiles(() => photoDir)
const documentDir = mkdtempSync(join(tmpdir(), 'duty-documents-'))
const documentFiles = localDocumentFiles(() => documentDir)
const dutyActions = makeDutyActions(() => photoFiles, () => documentFiles)
const PNG = fakePng()

const STAFF = [
  { id: 'city-o', role: 'city_officer' as const, orgId: 'city' },
  { id: 'dist-o', role: 'district_officer' as const, orgId: 'dist' },
  { id: 'dist-o2', role: 'district_officer' as const, orgId: 'dist' },
  { id: 'street-r', role: 'street_reviewer' as const, orgId: 'street' },
  { id: 'comm', role: 'community_staff' as const, orgId: 'comm-a' },
]

// The harness clock: 2026-11-22 10:00 in Shanghai.
const task = (over: Record<string, unknown> = {}) => ({
  year: 2026,
  text: '落实小额担保贷款政策',
  department: '人民银行',
  deadline: '2026-12-31',
  measure: '全年发放贷款 5000 万元',
  weight: 5,
  ...over,
})

async function setup() {
  const h = await makeHarness(STAFF)
  await h.store.collection('orgs').insert({ _id: 'dist2', name: '外区', level: 'district', parentId: 'city', path: ['city', 'dist2'] })
  return h
}
const fields = (r: { body: { ok: boolean; error?: { fields?: { path: string }[] } } }) => (r.body.ok ? [] : (r.body.error?.fields ?? []).map((f) => f.path))

describe('duty (督查与目标责任考核)', () => {
  it('refuses an owner outside the scope (403) and bad fields (400 with the field), writing nothing', async () => {
    const h = await setup()
    expect((await h.call(dutyActions, staffId('dist-o'), 'save', task({ department: undefined, ownerOrgId: 'dist2' }))).status).toBe(403)
    expect((await h.call(dutyActions, staffId('dist-o'), 'save', task({ department: undefined, ownerOrgId: 'city' }))).status).toBe(403)
    expect((await h.call(dutyActions, staffId('street-r'), 'save', task())).status).toBe(403)
    const bad = await h.call(dutyActions, staffId('city-o'), 'save', task({ deadline: '2026-02-30', weight: 11 }))
    expect(bad.status).toBe(400)
    expect(fields(bad)).toEqual(expect.arrayContaining(['deadline', 'weight']))
    const notDate = await h.call(dutyActions, staffId('city-o'), 'save', task({ deadline: '下个月', weight: 0 }))
    expect(fields(notDate)).toEqual(expect.arrayContaining(['deadline', 'weight']))
    const neither = await h.call(dutyActions, staffId('city-o'), 'save', task({ department: undefined }))
    expect(fields(neither)).toEqual(['ownerOrgId'])
    expect(await h.store.collection('dutyTasks').count()).toBe(0)

    const t = await h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'save', task({ department: undefined, ownerOrgId: 'street' }))
    const pct = await h.call(dutyActions, staffId('street-r'), 'report', { id: t._id, text: '已推进', percent: 101 })
    expect(pct.status).toBe(400)
    expect(fields(pct)).toEqual(['percent'])
    // Only the owner org's staff report: the district above it may not.
    const above = await h.call(dutyActions, staffId('dist-o'), 'report', { id: t._id, text: '已推进', percent: 50 })
    expect(above.status).toBe(403)
    expect(above.body.ok ? '' : above.body.error.message).toBe('只有责任单位的工作人员能报告进展')
    expect((await h.store.collection('dutyTasks').get(t._id))?.reports).toEqual([])
  })

  it('says why an owner or an actor is refused: below my level only, the setter edits, the owner reports (403, nothing written)', async () => {
    const h = await setup()
    const message = (r: { body: { ok: boolean; error?: { message: string } } }) => (r.body.ok ? '' : r.body.error?.message)
    expect(message(await h.call(dutyActions, staffId('dist-o'), 'save', task({ department: undefined, ownerOrgId: 'dist' })))).toBe('只能给本级以下的县区、街道分解任务')
    expect(message(await h.call(dutyActions, staffId('dist-o'), 'save', task({ department: undefined, ownerOrgId: 'dist2' })))).toBe('只能给本级以下的县区、街道分解任务')
    const t = await h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'save', task({ department: undefined, ownerOrgId: 'dist' }))
    // The district owns it (reports on it) but did not set it (may not edit it).
    const edit = await h.call(dutyActions, staffId('dist-o'), 'edit', { ...task({ department: undefined, ownerOrgId: 'dist', text: '改了' }), id: t._id, version: t.version, reason: '区里想改一改' })
    expect(edit.status).toBe(403)
    expect(message(edit)).toBe('只有分解这项任务的单位能修改它')
    expect((await h.store.collection('dutyTasks').get(t._id))?.text).toBe('落实小额担保贷款政策')
    const report = await h.call(dutyActions, staffId('city-o'), 'report', { id: t._id, text: '已推进', percent: 50 })
    expect(message(report)).toBe('只有责任单位的工作人员能报告进展')
    expect((await h.call(dutyActions, staffId('dist-o'), 'report', { id: t._id, text: '已推进', percent: 50 })).status).toBe(200)
    // Outside the scope altogether: 404, the same as a task that does not exist.
    expect((await h.call(dutyActions, staffId('street-r'), 'report', { id: t._id, text: '已推进', percent: 50 })).status).toBe(404)
  })

  it('keeps dated reports as history and picks out overdue and at-risk tasks for the 督查 view', async () => {
    const h = await setup()
    const save = (over: Record<string, unknown>) => h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'save', task(over))
    const overdue = await save({ text: '过期未完成', deadline: '2026-11-01', department: undefined, ownerOrgId: 'street' })
    const risky = await save({ text: '两周内到期进度低', deadline: '2026-12-05', department: undefined, ownerOrgId: 'dist' })
    const near = await save({ text: '两周内到期进度高', deadline: '2026-12-05' })
    const far = await save({ text: '明年到期', deadline: '2026-12-30' })
    const done = await save({ text: '过期但已完成', deadline: '2026-11-10' })
    await h.ok(dutyActions, staffId('city-o'), 'report', { id: near._id, text: '基本完成', percent: 85 })
    h.setNow('2026-11-05T02:00:00.000Z')
    await h.ok(dutyActions, staffId('city-o'), 'report', { id: done._id, text: '完成', percent: 100 })
    h.setNow('2026-11-22T02:00:00.000Z')
    await h.ok(dutyActions, staffId('street-r'), 'report', { id: overdue._id, text: '已走访 3 户', percent: 30 })
    const after = await h.ok<DutyTaskView>(dutyActions, staffId('street-r'), 'report', { id: overdue._id, text: '已走访 6 户', percent: 60 })
    expect(after.reports.map((r) => [r.on, r.percent, r.byId])).toEqual([['2026-11-22', 30, 'street-r'], ['2026-11-22', 60, 'street-r']])

    const city = await h.ok<DutyBoard>(dutyActions, staffId('city-o'), 'board', { year: 2026 })
    expect(city.overdue.map((t) => t.text)).toEqual(['过期未完成'])
    expect(city.atRisk.map((t) => t.text)).toEqual(['两周内到期进度低'])
    expect(city.tasks.find((t) => t._id === far._id)?.state).toBe('on_track')
    // What 临期 is judged by comes with the board, each rule labelled as a local rule (not a document's).
    expect(city.rules.map((r) => [r.key, r.value, r.source, r.sourceLabel])).toEqual([
      ['atRiskDays', 14, 'local', '本地规则（市创建办设定，非文件要求）'],
      ['atRiskPercent', 80, 'local', '本地规则（市创建办设定，非文件要求）'],
    ])
    // A district sees its own and its streets' tasks, not the city's departments.
    const dist = await h.ok<DutyBoard>(dutyActions, staffId('dist-o'), 'board', { year: 2026 })
    expect(dist.tasks.map((t) => t._id).sort()).toEqual([overdue._id, risky._id].sort())
    expect(dist.overdue.map((t) => t._id)).toEqual([overdue._id])
  })

  it('催办 records who and when on the task and files an inbox message for the owner org’s staff', async () => {
    const h = await setup()
    const t = await h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'save', task({ deadline: '2026-11-01', department: undefined, ownerOrgId: 'dist' }))
    const r = await h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'remind', { id: t._id })
    expect(r.reminders).toEqual([{ at: '2026-11-22T02:00:00.000Z', byId: 'city-o', byName: 'city-o', orgName: '测试市', sent: 2 }])
    const inbox = await h.store.collection('inbox').find({})
    expect(inbox.items.map((m) => m.residentId).sort()).toEqual(['dist-o', 'dist-o2'])
    expect(inbox.items[0].title).toContain('已于 2026-11-01 到期')
    // Pressing again the same day records the reminder, and sends no second message.
    const again = await h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'remind', { id: t._id })
    expect(again.reminders.map((x) => x.sent)).toEqual([2, 0])
    expect(await h.store.collection('inbox').count()).toBe(2)
    expect((await h.call(dutyActions, staffId('street-r'), 'remind', { id: t._id })).status).toBe(403)
  })

  it('scores each org from its targets and tasks as Σ(weight × rate) ÷ Σweight × 100 and keeps an adjustment beside it', async () => {
    const h = await setup()
    const save = (over: Record<string, unknown>) => h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'save', task({ department: undefined, ownerOrgId: 'dist', ...over }))
    const onTime = await save({ weight: 6, deadline: '2026-11-30' })
    const late = await save({ weight: 3, deadline: '2026-11-10' })
    await save({ weight: 1, deadline: '2026-12-31' })
    await h.ok(dutyActions, staffId('dist-o'), 'report', { id: onTime._id, text: '完成', percent: 100 })
    await h.ok(dutyActions, staffId('dist-o'), 'report', { id: late._id, text: '完成（逾期）', percent: 100 })
    // Without targets: tasks alone (6 of 10 on time); the street and 外区 have neither: 无考核内容 (null), not 0.
    const s = await h.ok<DutyScores>(dutyActions, staffId('city-o'), 'scores', { year: 2026 })
    expect(s.rows.map((r) => [r.ownerName, r.weight, r.onTimeWeight, r.targetWeight, r.computed, r.adjustable])).toEqual([
      ['外区', 0, 0, 0, null, true],
      ['测试区', 10, 6, 0, 60, true],
      ['测试街道', 0, 0, 0, null, true],
    ])
    expect(s.rule).toContain('Σ(权重 × 得分率) ÷ Σ权重 × 100')
    expect(s.rules.map((r) => [r.key, r.value, r.source])).toEqual([['dutyTargetWeight', 1, 'local']])
    // Nothing to adjust where there is nothing to judge.
    expect((await h.call(dutyActions, staffId('city-o'), 'adjust', { year: 2026, ownerKey: 'street', score: 80, reason: '无任务也无目标' })).status).toBe(404)

    // Targets count too: the district's 私营企业 share (+4, none yet: 0) and the street's 未办结投诉 ≤ 0 (none: met).
    const target = (orgId: string, path: string[], index: string, value: number) =>
      h.store.collection('targets').put({ _id: `2026:${orgId}:${index}`, index: index as never, orgId, orgPath: path, year: 2026, value, source: 'local', splitFrom: null, setBy: 'city-o', setAt: '2026-01-01T00:00:00.000Z' })
    await target('dist', ['city', 'dist'], 'newEnterprises', 4)
    await target('street', ['city', 'dist', 'street'], 'complaintsUnresolved', 0)
    const t = await h.ok<DutyScores>(dutyActions, staffId('city-o'), 'scores', { year: 2026 })
    const dist = t.rows.find((r) => r.ownerKey === 'dist')!
    // (6 + 0) ÷ (10 + 1) × 100 = 54.5; the street's complaints target is inherited by nobody above it.
    expect(dist.targets.map((i) => [i.index, i.targetText, i.live, i.rate, i.points])).toEqual([['newEnterprises', '比上年净增 4', 0, 0, 0]])
    expect(dist.computed).toBe(54.5)
    // An org with targets only still gets a result.
    const street = t.rows.find((r) => r.ownerKey === 'street')!
    expect(street).toMatchObject({ tasks: 0, targetWeight: 1, targetPoints: 1, computed: 100 })
    expect(street.targets.map((i) => [i.index, i.targetText, i.live, i.rate])).toEqual([['complaintsUnresolved', '≤ 0', 0, 1]])

    // The district itself is not the level above its own result.
    expect((await h.call(dutyActions, staffId('dist-o'), 'adjust', { year: 2026, ownerKey: 'dist', score: 90, reason: '自评加分' })).status).toBe(403)
    const bad = await h.call(dutyActions, staffId('city-o'), 'adjust', { year: 2026, ownerKey: 'dist', score: 120, reason: '' })
    expect(fields(bad)).toEqual(expect.arrayContaining(['score', 'reason']))
    expect(await h.store.collection('dutyAdjustments').count()).toBe(0)
    const adj = await h.ok<DutyScores>(dutyActions, staffId('city-o'), 'adjust', { year: 2026, ownerKey: 'dist', score: 75, reason: '逾期任务因上级政策调整推迟' })
    const adjusted = adj.rows.find((r) => r.ownerKey === 'dist')!
    expect(adjusted.computed).toBe(54.5)
    expect(adjusted.adjustment).toMatchObject({ score: 75, reason: '逾期任务因上级政策调整推迟', computedAtAdjustment: 54.5, byId: 'city-o' })
    expect((await h.store.collection('dutyAdjustments').get('2026_dist'))?.ownerPath).toEqual(['city', 'dist'])
    // The street's targets-only result is adjustable by the level above too.
    expect((await h.call(dutyActions, staffId('dist-o'), 'adjust', { year: 2026, ownerKey: 'street', score: 95, reason: '投诉办理及时但口径待核' })).status).toBe(200)
    const seen = await h.ok<DutyScores>(dutyActions, staffId('dist-o'), 'scores', { year: 2026 })
    expect(seen.rows.map((r) => r.ownerKey)).toEqual(['dist', 'street'])
    expect(seen.rows[0]).toMatchObject({ computed: 54.5, adjustable: false, adjustment: { score: 75 } })
    expect(seen.rows[1]).toMatchObject({ computed: 100, adjustable: true, adjustment: { score: 95, computedAtAdjustment: 100 } })
  })

  it('keeps figures and uploaded attachments with a report; a missing upload is 400 on the attachment, nothing written', async () => {
    const h = await setup()
    const t = await h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'save', task({ department: undefined, ownerOrgId: 'street' }))
    const missing = await h.call(dutyActions, staffId('street-r'), 'report', { id: t._id, text: '已推进', percent: 40, attachments: ['local:AAAAAAAAAAAAAAAAAAAAAA.png'] })
    expect(missing.status).toBe(400)
    expect(fields(missing)).toEqual(['attachments.0'])
    const badFigure = await h.call(dutyActions, staffId('street-r'), 'report', { id: t._id, text: '已推进', percent: 40, figures: [{ label: '', value: Number.NaN }] })
    expect(fields(badFigure)).toEqual(expect.arrayContaining(['figures.0.label', 'figures.0.value']))
    expect((await h.store.collection('dutyTasks').get(t._id))?.reports).toEqual([])

    const ref = await savePhoto(PNG, 'png', () => photoDir)
    const r = await h.ok<DutyTaskView>(dutyActions, staffId('street-r'), 'report', {
      id: t._id,
      text: '已发放贷款',
      percent: 40,
      figures: [{ label: '发放贷款', value: 1200, unit: '万元' }],
      attachments: [ref],
    })
    expect(r.reports[0].figures).toEqual([{ label: '发放贷款', value: 1200, unit: '万元' }])
    expect(r.reports[0].attachments).toHaveLength(1)
    expect(r.reports[0].attachments[0].url).toMatch(/^\/?.*photo/)
    expect((await h.store.collection('dutyTasks').get(t._id))?.reports[0].attachments).toEqual([ref])
  })

  it('keeps PDF / Excel files with a progress report as { fileId, name, size, kind, mime }; an executable is 400 on files.0, nothing written', async () => {
    const h = await setup()
    const t = await h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'save', task({ department: undefined, ownerOrgId: 'street' }))
    // Saved with a .pdf extension, but its bytes are an executable: the action reads the bytes again.
    const exeRef = (await saveDocument(exeBytes(), 'pdf', () => documentDir))
    const exe = await h.call(dutyActions, staffId('street-r'), 'report', { id: t._id, text: '已推进', percent: 40, files: [{ ref: exeRef, name: '进展.pdf' }] })
    expect(exe.status).toBe(400)
    expect(fields(exe)).toEqual(['files.0'])
    const notOurs = await h.call(dutyActions, staffId('street-r'), 'report', { id: t._id, text: '已推进', percent: 40, files: [{ ref: 'https://evil.example/x.pdf', name: 'x.pdf' }] })
    expect(fields(notOurs)).toEqual(['files.0.ref'])
    expect((await h.store.collection('dutyTasks').get(t._id))?.reports).toEqual([])

    const pdf = pdfBytes()
    const xlsx = await xlsxBytes()
    const pdfRef = await saveDocument(pdf, 'pdf', () => documentDir)
    const xlsxRef = await saveDocument(xlsx, 'xlsx', () => documentDir)
    const r = await h.ok<DutyTaskView>(dutyActions, staffId('street-r'), 'report', {
      id: t._id,
      text: '已发放贷款，明细见附件',
      percent: 50,
      files: [{ ref: pdfRef, name: '贷款发放情况.pdf' }, { ref: xlsxRef, name: 'C:\\报表\\明细.xlsx' }],
    })
    expect(r.reports[0].files.map((f) => [f.name, f.size, f.kind, f.mime])).toEqual([
      ['贷款发放情况.pdf', pdf.length, 'document', 'application/pdf'],
      ['明细.xlsx', xlsx.length, 'document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ])
    expect(r.reports[0].files[0].file).toMatchObject({ url: expect.stringMatching(/^\/api\/downloads\/doc\/[A-Za-z0-9_-]{22}\.pdf\?/), fileName: '贷款发放情况.pdf' })
    expect((await h.store.collection('dutyTasks').get(t._id))?.reports[0].files).toEqual([
      { fileId: pdfRef, name: '贷款发放情况.pdf', size: pdf.length, kind: 'document', mime: 'application/pdf' },
      { fileId: xlsxRef, name: '明细.xlsx', size: xlsx.length, kind: 'document', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    ])
    // The district above sees the files on its board.
    const board = await h.ok<DutyBoard>(dutyActions, staffId('dist-o'), 'board', { year: 2026 })
    const seen = board.tasks.find((x) => x._id === t._id)
    expect(seen?.reports[0].files.map((f) => f.name)).toEqual(['贷款发放情况.pdf', '明细.xlsx'])
  })

  it('a task on a schedule whose report is late is at risk, and the daily timer reminds its owner once per missed date', async () => {
    const h = await setup()
    // Created 2026-11-22, every 2 weeks: the first report is due 2026-12-06.
    const t = await h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'save', task({ department: undefined, ownerOrgId: 'dist', deadline: '2027-03-31', year: 2026, schedule: { every: 2, unit: 'week' } }))
    expect([t.reportDue, t.reportLate, t.state]).toEqual(['2026-12-06', false, 'on_track'])
    expect(await sendDutyReminders(h.store, new Date('2026-12-06T02:00:00.000Z'))).toMatchObject({ sent: 0 })

    h.setNow('2026-12-07T02:00:00.000Z')
    const late = await h.ok<DutyBoard>(dutyActions, staffId('city-o'), 'board', { year: 2026 })
    expect(late.atRisk.map((x) => [x._id, x.reportLate, x.reportDue])).toEqual([[t._id, true, '2026-12-06']])
    const run = await sendDutyReminders(h.store, new Date('2026-12-07T01:00:00.000Z'))
    expect(run).toMatchObject({ sent: 2, tasks: 1 })
    const inbox = (await h.store.collection('inbox').find({})).items
    expect(inbox.map((m) => m.residentId).sort()).toEqual(['dist-o', 'dist-o2'])
    expect(inbox[0].title).toContain('应于 2026-12-06 报告进展')
    expect((await h.store.collection('dutyTasks').get(t._id))?.reminders.map((r) => [r.byId, r.sent])).toEqual([['timer', 2]])
    // The next day's run sends nothing new for the same missed date.
    expect(await sendDutyReminders(h.store, new Date('2026-12-08T01:00:00.000Z'))).toMatchObject({ sent: 0 })

    // A report restarts the clock: due two weeks after it, no longer at risk.
    h.setNow('2026-12-08T02:00:00.000Z')
    const reported = await h.ok<DutyTaskView>(dutyActions, staffId('dist-o'), 'report', { id: t._id, text: '已召开推进会', percent: 30 })
    expect([reported.reportDue, reported.reportLate, reported.state]).toEqual(['2026-12-22', false, 'on_track'])
    // Monthly schedules keep the day, clamped to the month's end.
    const monthly = await h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'save', task({ deadline: '2027-06-30', schedule: { every: 1, unit: 'month' } }))
    expect(monthly.reportDue).toBe('2027-01-08')
    const badSchedule = await h.call(dutyActions, staffId('city-o'), 'save', task({ schedule: { every: 0, unit: 'day' } }))
    expect(fields(badSchedule)).toEqual(expect.arrayContaining(['schedule.every', 'schedule.unit']))
  })

  it('the setting org edits a task with a reason, kept as history; others are refused and nothing changes', async () => {
    const h = await setup()
    const t = await h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'save', task({ department: undefined, ownerOrgId: 'dist' }))
    expect(t.editable).toBe(true)
    const edit = (who: string, over: Record<string, unknown>) =>
      h.call(dutyActions, staffId(who), 'edit', { id: t._id, version: t.version, text: t.text, ownerOrgId: 'dist', deadline: t.deadline, measure: t.measure, weight: t.weight, schedule: null, reason: '市领导小组会议调整', ...over })
    // The district that owns it may not edit it, nor may an org outside; no reason is 400.
    expect((await edit('dist-o', { deadline: '2027-01-31' })).status).toBe(403)
    expect((await edit('city-o', { ownerOrgId: 'dist2', deadline: '2027-01-31', reason: '' })).status).toBe(400)
    expect(fields(await edit('city-o', { deadline: '2027-01-31', reason: '' }))).toEqual(['reason'])
    expect((await edit('city-o', {})).status).toBe(400)
    expect((await h.store.collection('dutyTasks').get(t._id))?.edits).toEqual([])

    const moved = await edit('city-o', { deadline: '2027-01-31', ownerOrgId: 'street', measure: '全年发放贷款 6000 万元' })
    expect(moved.status).toBe(200)
    const stored = (await h.store.collection('dutyTasks').get(t._id)) as DutyTask
    expect([stored.deadline, stored.ownerOrgId, stored.ownerName, stored.ownerPath]).toEqual(['2027-01-31', 'street', '测试街道', ['city', 'dist', 'street']])
    expect(stored.edits).toEqual([
      {
        at: '2026-11-22T02:00:00.000Z',
        byId: 'city-o',
        byName: 'city-o',
        orgName: '测试市',
        reason: '市领导小组会议调整',
        changes: [
          { field: 'owner', from: '测试区', to: '测试街道' },
          { field: 'deadline', from: '2026-12-31', to: '2027-01-31' },
          { field: 'measure', from: '全年发放贷款 5000 万元', to: '全年发放贷款 6000 万元' },
        ],
      },
    ])
    // The stale version is a 409, not a silent overwrite.
    expect((await edit('city-o', { deadline: '2027-02-28' })).status).toBe(409)
    // The new owner's staff report now; the old owner's do not.
    expect((await h.call(dutyActions, staffId('dist-o'), 'report', { id: t._id, text: '已推进', percent: 50 })).status).toBe(403)
    expect((await h.call(dutyActions, staffId('street-r'), 'report', { id: t._id, text: '已推进', percent: 50 })).status).toBe(200)
  })

  it('a year the city closed is final: new tasks, reports, edits and adjustments answer 409 naming 市创建办, nothing written', async () => {
    const h = await setup()
    const t = await h.ok<DutyTaskView>(dutyActions, staffId('city-o'), 'save', task({ department: undefined, ownerOrgId: 'dist', deadline: '2026-11-30' }))
    await h.ok(dutyActions, staffId('dist-o'), 'report', { id: t._id, text: '完成', percent: 100 })
    await h.store.collection('targetYears').put({ _id: '2026', year: 2026, closed: true, closedBy: 'city-o', closedAt: '2026-12-01T00:00:00.000Z' })
    const before = (await h.store.collection('dutyTasks').get(t._id)) as DutyTask
    const refusals = [
      await h.call(dutyActions, staffId('city-o'), 'save', task({ department: undefined, ownerOrgId: 'dist' })),
      await h.call(dutyActions, staffId('dist-o'), 'report', { id: t._id, text: '补报', percent: 100 }),
      await h.call(dutyActions, staffId('city-o'), 'edit', { id: t._id, version: before.version, text: t.text, ownerOrgId: 'dist', deadline: '2027-01-31', measure: t.measure, weight: t.weight, schedule: null, reason: '市领导小组会议调整' }),
      await h.call(dutyActions, staffId('city-o'), 'adjust', { year: 2026, ownerKey: 'dist', score: 75, reason: '逾期因上级政策调整' }),
    ]
    for (const r of refusals) {
      expect(r.status).toBe(409)
      expect(r.body.ok ? '' : r.body.error.message).toContain('2026 年的督查任务和考核结果已关闭，不能再修改；如需修改，请联系市创建办重新开放')
    }
    expect(await h.store.collection('dutyTasks').count()).toBe(1)
    expect(await h.store.collection('dutyTasks').get(t._id)).toEqual(before)
    expect(await h.store.collection('dutyAdjustments').count()).toBe(0)
    // Reopened, the same adjustment goes through.
    await h.store.collection('targetYears').put({ _id: '2026', year: 2026, closed: false, closedBy: 'city-o', closedAt: '2026-12-02T00:00:00.000Z' })
    expect((await h.call(dutyActions, staffId('city-o'), 'adjust', { year: 2026, ownerKey: 'dist', score: 75, reason: '逾期因上级政策调整' })).status).toBe(200)
  })
})
