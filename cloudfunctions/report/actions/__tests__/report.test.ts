/**
 * Upward reporting and 表彰 (issue 21 items 6–7): a 简报 goes to the sender's parent only (403
 * with the field otherwise, nothing written), opening it records the read receipt the sender
 * sees, a receiver comments, forwards upward and marks 好经验, which every community can then
 * read; the workbench counts unread 简报 with the list's query. 表彰: citations checked (400 with
 * the field), subjects in scope (403), a published list answers 409 naming who can reopen it,
 * consent recorded before a story shows it, 先进集体 linked to its 命名/授牌.
 */
import type { HonorCandidates, HonorList, HonorView, ReportLine, ReportView } from '../../../_shared/contracts/report'
import type { WorkbenchSummary } from '../../../_shared/contracts/workbench'
import type { EvaluationApplication } from '../../../_shared/domain/evaluation'
import type { Case } from '../../../_shared/domain/case'
import { makeHarness, staffId, testStaff } from '../../../_shared/testing/harness'
import { workbenchActions } from '../../../workbench/actions'
import { makeReportActions } from '..'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { localDocumentFiles, registerDocumentRoutes, saveDocument } from '../../../../server/documents'
import { docxBytes, exeBytes, pdfBytes } from '../../../_shared/testing/documents'
import { anonymiseCase } from '../../../_shared/application/anonymise'
import { ANONYMISED_NAME, CASE_STAGE_LABELS } from '../../../_shared/domain/case'
import { serviceActions } from '../../../service/actions'
import type { Story } from '../../../_shared/domain/service'
import type { StoryView } from '../../../_shared/contracts/service'

const actions = makeReportActions(() => null)
const documentDir = mkdtempSync(join(tmpdir(), 'report-documents-'))
const documents = localDocumentFiles(() => documentDir)
const withDocuments = makeReportActions(() => null, () => documents)

const STAFF = testStaff('a-staff', 'b-staff', 'reviewer', 'district', 'city-officer')

const brief = { kind: 'brief', title: '甲社区创业夜市开张', body: '本月组织 12 户创业者在社区广场开设夜市，带动就业 20 人。', toOrgId: 'street' }

type Page = { items: ReportLine[]; next: string | null; unread: number }

describe('report: 简报 upward', () => {
  it('goes to the parent only: another org is 403 on toOrgId and nothing is written', async () => {
    const h = await makeHarness(STAFF)
    for (const toOrgId of ['dist', 'comm-b', 'city']) {
      const res = await h.call(actions, staffId('a-staff'), 'send', { ...brief, toOrgId })
      expect(res.status).toBe(403)
      expect(!res.body.ok && res.body.error.fields?.[0]?.path).toBe('toOrgId')
    }
    const bad = await h.call(actions, staffId('a-staff'), 'send', { ...brief, title: '' })
    expect(bad.status).toBe(400)
    expect(!bad.body.ok && bad.body.error.fields?.[0]?.path).toBe('title')
    const photo = await h.call(actions, staffId('a-staff'), 'send', { ...brief, photos: ['local:AAAAAAAAAAAAAAAAAAAAAA.jpg'] })
    expect(photo.status).toBe(400)
    expect(!photo.body.ok && photo.body.error.fields?.[0]?.path).toBe('photos.0')
    expect(await h.store.collection('reports').count()).toBe(0)
    expect(await h.store.collection('inbox').count()).toBe(0)
    // A 认定报告 is a district's, about a year.
    const cert = await h.call(actions, staffId('district'), 'send', { kind: 'certification', title: '2026 年认定情况', body: '本区 2026 年认定创业型社区 1 个。', toOrgId: 'city' })
    expect(cert.status).toBe(400)
    expect(!cert.body.ok && cert.body.error.fields?.[0]?.path).toBe('year')
    const notDistrict = await h.call(actions, staffId('reviewer'), 'send', { kind: 'certification', title: '认定', body: '街道不能报认定报告的。', toOrgId: 'dist', year: 2026 })
    expect(notDistrict.status).toBe(400)
    // The city has no level above.
    expect((await h.call(actions, staffId('city-officer'), 'send', { ...brief, toOrgId: 'city' })).status).toBe(403)
  })

  it('is read by the street (receipt shown to the sender), commented, marked 好经验 and read by another community', async () => {
    const h = await makeHarness(STAFF)
    const sent = await h.ok<ReportView>(actions, staffId('a-staff'), 'send', brief)
    expect(sent.hops).toEqual([expect.objectContaining({ orgName: '测试街道', readAt: null })])
    // The street's reviewer is told through the staff inbox.
    const notices = await h.store.collection('inbox').find({})
    expect(notices.items.map((m) => [m.residentId, m.kind, m.sourceId])).toEqual([['reviewer', 'report', sent.id]])
    // Unread on the street's workbench, counted by the list's own query.
    const wb = await h.ok<WorkbenchSummary>(workbenchActions, staffId('reviewer'), 'summary', {})
    expect(wb.items.find((i) => i.key === 'unreadReports')?.count).toBe(1)
    const unread = await h.ok<Page>(actions, staffId('reviewer'), 'list', { box: 'inbox', unread: true })
    expect(unread.items.map((i) => i.id)).toEqual([sent.id])
    // The sender has not been read yet; another community cannot open it.
    expect((await h.ok<Page>(actions, staffId('a-staff'), 'list', { box: 'sent' })).items[0].readAt).toBeNull()
    expect((await h.call(actions, staffId('b-staff'), 'get', { id: sent.id })).status).toBe(404)

    h.setNow('2026-11-22T03:00:00.000Z')
    const read = await h.ok<ReportView>(actions, staffId('reviewer'), 'get', { id: sent.id })
    expect(read.hops[0]).toMatchObject({ readAt: '2026-11-22T03:00:00.000Z', readByName: 'reviewer' })
    expect(read.can).toEqual({ comment: true, forward: true, markGood: true })
    const senderSees = await h.ok<Page>(actions, staffId('a-staff'), 'list', { box: 'sent' })
    expect(senderSees.items[0].readAt).toBe('2026-11-22T03:00:00.000Z')
    expect((await h.ok<WorkbenchSummary>(workbenchActions, staffId('reviewer'), 'summary', {})).items.find((i) => i.key === 'unreadReports')?.count).toBe(0)
    // The sender opening its own report records nothing.
    h.setNow('2026-11-22T04:00:00.000Z')
    expect((await h.ok<ReportView>(actions, staffId('a-staff'), 'get', { id: sent.id })).hops[0].readAt).toBe('2026-11-22T03:00:00.000Z')

    // Only a receiver comments or marks it; a community cannot.
    expect((await h.call(actions, staffId('a-staff'), 'comment', { id: sent.id, text: '自己批注' })).status).toBe(403)
    const commented = await h.ok<ReportView>(actions, staffId('reviewer'), 'comment', { id: sent.id, text: '做法很好，请继续' })
    expect(commented.comments.map((c) => [c.orgName, c.text])).toEqual([['测试街道', '做法很好，请继续']])
    expect((await h.call(actions, staffId('reviewer'), 'comment', { id: sent.id, text: 'x'.repeat(501) })).status).toBe(400)

    expect((await h.ok<Page>(actions, staffId('b-staff'), 'list', { box: 'good' })).items).toEqual([])
    const good = await h.ok<ReportView>(actions, staffId('reviewer'), 'markGood', { id: sent.id, note: '各社区可借鉴' })
    expect(good.goodBy).toMatchObject({ orgName: '测试街道', note: '各社区可借鉴' })
    expect((await h.call(actions, staffId('reviewer'), 'markGood', { id: sent.id })).status).toBe(409)
    const shared = await h.ok<Page>(actions, staffId('b-staff'), 'list', { box: 'good' })
    expect(shared.items.map((i) => i.title)).toEqual(['甲社区创业夜市开张'])
    const opened = await h.ok<ReportView>(actions, staffId('b-staff'), 'get', { id: sent.id })
    expect(opened.can).toEqual({ comment: false, forward: false, markGood: false })
    // Another community reading a 好经验 leaves no receipt.
    expect(opened.hops).toHaveLength(1)

    // Forward: to the street's parent, once; the district is told and its receipt is separate.
    const fwd = await h.ok<ReportView>(actions, staffId('reviewer'), 'forward', { id: sent.id })
    expect(fwd.hops.map((x) => [x.orgName, x.readAt])).toEqual([
      ['测试街道', '2026-11-22T03:00:00.000Z'],
      ['测试区', null],
    ])
    expect((await h.call(actions, staffId('reviewer'), 'forward', { id: sent.id })).status).toBe(409)
    expect((await h.store.collection('inbox').find({})).items.map((m) => m.residentId).sort()).toEqual(['district', 'reviewer'])
    const dist = await h.ok<ReportView>(actions, staffId('district'), 'get', { id: sent.id })
    expect(dist.hops[1]).toMatchObject({ readByName: 'district' })
    // The inbox list needs the receiving permission.
    expect((await h.call(actions, staffId('a-staff'), 'list', { box: 'inbox' })).status).toBe(403)
  })

  it('a district’s 认定报告 of a year goes to the city', async () => {
    const h = await makeHarness(STAFF)
    const r = await h.ok<ReportView>(actions, staffId('district'), 'send', { kind: 'certification', title: '测试区 2026 年认定情况', body: '本区 2026 年认定创业型社区 1 个：甲社区。', toOrgId: 'city', year: 2026 })
    expect(r).toMatchObject({ kindLabel: '认定报告', year: 2026, fromOrgName: '测试区' })
    const city = await h.ok<Page>(actions, staffId('city-officer'), 'list', { box: 'inbox', unread: true })
    expect(city.items.map((i) => i.id)).toEqual([r.id])
  })
})

describe('report: document attachments', () => {
  it('a 简报 carries a PDF beside its text; the street opens it with its name and type; a refused file is 400 on files.0, nothing sent', async () => {
    const h = await makeHarness(STAFF)
    const exeRef = await saveDocument(exeBytes(), 'pdf', () => documentDir)
    const exe = await h.call(withDocuments, staffId('a-staff'), 'send', { ...brief, files: [{ ref: exeRef, name: '夜市方案.pdf' }] })
    expect(exe.status).toBe(400)
    expect(!exe.body.ok && exe.body.error.fields?.map((f) => f.path)).toEqual(['files.0'])
    const gone = await h.call(withDocuments, staffId('a-staff'), 'send', { ...brief, files: [{ ref: 'local:AAAAAAAAAAAAAAAAAAAAAA.pdf', name: 'x.pdf' }] })
    expect(!gone.body.ok && gone.body.error.fields?.map((f) => f.path)).toEqual(['files.0'])
    const noName = await h.call(withDocuments, staffId('a-staff'), 'send', { ...brief, files: [{ ref: exeRef, name: '' }] })
    expect(!noName.body.ok && noName.body.error.fields?.map((f) => f.path)).toEqual(['files.0.name'])
    const many = await h.call(withDocuments, staffId('a-staff'), 'send', { ...brief, files: Array.from({ length: 6 }, () => ({ ref: exeRef, name: 'a.pdf' })) })
    expect(!many.body.ok && many.body.error.fields?.map((f) => f.path)).toEqual(['files'])
    expect(await h.store.collection('reports').count()).toBe(0)
    expect(await h.store.collection('inbox').count()).toBe(0)

    const pdf = pdfBytes()
    const ref = await saveDocument(pdf, 'pdf', () => documentDir)
    const sent = await h.ok<ReportView>(withDocuments, staffId('a-staff'), 'send', { ...brief, files: [{ ref, name: '夜市方案.pdf' }] })
    expect(sent.files.map((f) => [f.name, f.size, f.kind, f.mime])).toEqual([['夜市方案.pdf', pdf.length, 'document', 'application/pdf']])
    expect((await h.store.collection('reports').get(sent.id))?.files).toEqual([{ fileId: ref, name: '夜市方案.pdf', size: pdf.length, kind: 'document', mime: 'application/pdf' }])
    const line = (await h.ok<Page>(withDocuments, staffId('a-staff'), 'list', { box: 'sent' })).items[0]
    expect(line.fileCount).toBe(1)

    // The street (the receiver) gets a link that serves the file under its name; another community is refused the report and so never gets one.
    const read = await h.ok<ReportView>(withDocuments, staffId('reviewer'), 'get', { id: sent.id })
    const app = Fastify()
    // The runtime's route on the same clock as the action that minted the link.
    registerDocumentRoutes(app, { secret: Buffer.alloc(32, 1), now: () => new Date('2026-11-22T02:00:00.000Z'), dir: () => documentDir, staffMayUpload: async () => false })
    const got = await app.inject({ method: 'GET', url: read.files[0].file.url ?? '' })
    expect(got.statusCode).toBe(200)
    expect(got.headers['content-type']).toBe('application/pdf')
    expect(got.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('夜市方案.pdf')}`)
    expect(got.rawPayload.equals(pdf)).toBe(true)
    const outsider = await h.call(withDocuments, staffId('b-staff'), 'get', { id: sent.id })
    expect(outsider.status).toBe(404)
    expect(outsider.body.ok).toBe(false)
  })

  it('a district’s 认定报告 goes to the city with its Word file', async () => {
    const h = await makeHarness(STAFF)
    const docx = await docxBytes()
    const ref = await saveDocument(docx, 'docx', () => documentDir)
    const r = await h.ok<ReportView>(withDocuments, staffId('district'), 'send', {
      kind: 'certification',
      title: '测试区 2026 年认定情况',
      body: '本区 2026 年认定创业型社区 1 个：甲社区，报告见附件。',
      toOrgId: 'city',
      year: 2026,
      files: [{ ref, name: '认定报告.docx' }],
    })
    const city = await h.ok<ReportView>(withDocuments, staffId('city-officer'), 'get', { id: r.id })
    expect(city.files.map((f) => [f.name, f.mime])).toEqual([['认定报告.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']])
  })
})

describe('report: 表彰', () => {
  async function setup() {
    const h = await makeHarness(STAFF)
    await h.store.collection('orgs').insert({ _id: 'dist-2', name: '另一区', level: 'district', parentId: 'city', path: ['city', 'dist-2'] })
    await h.store.collection('orgs').insert({ _id: 'comm-x', name: '外区社区', level: 'community', parentId: 'dist-2', path: ['city', 'dist-2', 'comm-x'] })
    const intent = (id: string, community: string, path: string[], name: string) => ({ _id: id, name, residentId: '', communityId: community, communityPath: path, communityName: community === 'comm-a' ? '甲社区' : '外区社区', idCardHash: `h-${id}`, stageHistory: [], followUps: [], ventures: [], benefits: [], version: 1 }) as unknown as Case
    await h.store.collection('cases').insert(intent('case-a', 'comm-a', ['city', 'dist', 'street', 'comm-a'], '张三'))
    await h.store.collection('cases').insert(intent('case-x', 'comm-x', ['city', 'dist-2', 'comm-x'], '李四'))
    await h.store.collection('evaluations').insert({ _id: 'comm-a:2026', award: { date: '2026-11-20', documentNo: '测区创发〔2026〕3号', certificate: null, byName: 'city-officer', at: '2026-11-20T00:00:00Z' }, revocation: null } as unknown as EvaluationApplication)
    return h
  }
  const citation = '在社区开设夜市，带动 20 名失业人员就业。'

  it('names in scope with a citation checked, links the collective to its 命名/授牌, and lists per year', async () => {
    const h = await setup()
    const empty = await h.call(actions, staffId('district'), 'honorSave', { year: 2026, kind: 'entrepreneur', subjectId: 'case-a', citation: '' })
    expect(empty.status).toBe(400)
    expect(!empty.body.ok && empty.body.error.fields?.[0]?.path).toBe('citation')
    const long = await h.call(actions, staffId('district'), 'honorSave', { year: 2026, kind: 'entrepreneur', subjectId: 'case-a', citation: '好'.repeat(301) })
    expect(long.status).toBe(400)
    expect(!long.body.ok && long.body.error.fields?.[0]?.path).toBe('citation')
    const outside = await h.call(actions, staffId('district'), 'honorSave', { year: 2026, kind: 'entrepreneur', subjectId: 'case-x', citation })
    expect(outside.status).toBe(403)
    expect(!outside.body.ok && outside.body.error.fields?.[0]?.path).toBe('subjectId')
    expect((await h.call(actions, staffId('reviewer'), 'honorSave', { year: 2026, kind: 'worker', subjectId: 'a-staff', citation })).status).toBe(403)
    expect(await h.store.collection('honors').count()).toBe(0)

    const person = await h.ok<HonorView>(actions, staffId('district'), 'honorSave', { year: 2026, kind: 'entrepreneur', subjectId: 'case-a', citation })
    expect(person).toMatchObject({ subjectName: '张三', subjectOrgName: '甲社区', consent: null })
    const coll = await h.ok<HonorView>(actions, staffId('district'), 'honorSave', { year: 2026, kind: 'collective', subjectId: 'comm-a', citation: '创业帮扶台帐完整，帮扶有力。' })
    expect(coll.award).toEqual({ applicationId: 'comm-a:2026', date: '2026-11-20', documentNo: '测区创发〔2026〕3号' })
    await h.ok(actions, staffId('city-officer'), 'honorSave', { year: 2026, kind: 'worker', subjectId: 'a-staff', citation: '一对一指导创业者 40 人次。' })
    expect((await h.call(actions, staffId('district'), 'honorSave', { year: 2026, kind: 'entrepreneur', subjectId: 'case-a', citation })).status).toBe(409)

    // A community in the district sees the city's and its district's; another district only the city's.
    const seen = await h.ok<HonorList>(actions, staffId('b-staff'), 'honors', { year: 2026 })
    expect(seen.items.map((i) => [i.byOrgName, i.kindLabel, i.subjectName])).toEqual([
      ['测试市', '先进工作者', 'a-staff'],
      ['测试区', '优秀创业人员', '张三'],
      ['测试区', '先进集体', '甲社区'],
    ])
    await h.store.collection('staff').insert({ _id: 'd2', name: 'd2', role: 'district_officer', orgId: 'dist-2', openid: 'wx-d2', username: 'd2', passwordHash: null, active: true, createdAt: '2026-01-01T00:00:00.000Z', writtenBy: 'server' })
    expect((await h.ok<HonorList>(actions, staffId('d2'), 'honors', { year: 2026 })).items.map((i) => i.subjectName)).toEqual(['a-staff'])
    expect((await h.ok<HonorList>(actions, staffId('b-staff'), 'honors', { year: 2025 })).items).toEqual([])
  })

  it('candidates: the office finds only who it may name (started cases, orgs and staff below it), by name', async () => {
    const h = await setup()
    const intent = (id: string, name: string, stage: string, status = 'accepted') =>
      ({ _id: id, name, stage, status, residentId: '', communityId: 'comm-a', communityPath: ['city', 'dist', 'street', 'comm-a'], communityName: '甲社区', idCardHash: `h-${id}`, createdAt: `2026-11-0${id.length % 9}T00:00:00Z`, stageHistory: [], followUps: [], ventures: [], benefits: [], version: 1 }) as unknown as Case
    await h.store.collection('cases').insert(intent('case-s', '王五', 'started'))
    await h.store.collection('cases').insert(intent('case-op', '王六', 'operating'))
    await h.store.collection('cases').insert(intent('case-reg', '王七', 'registered'))
    await h.store.collection('cases').insert(intent('case-w', '王八', 'operating', 'withdrawn'))
    await h.store.collection('cases').insert({ ...intent('case-out', '王九', 'operating'), communityId: 'comm-x', communityPath: ['city', 'dist-2', 'comm-x'] } as Case)
    const ent = await h.ok<HonorCandidates>(actions, staffId('district'), 'honorCandidates', { kind: 'entrepreneur', keyword: '王' })
    expect(ent.items.map((c) => [c.id, c.orgName, c.note]).sort()).toEqual([
      ['case-op', '甲社区', CASE_STAGE_LABELS.operating],
      ['case-s', '甲社区', CASE_STAGE_LABELS.started],
    ])
    expect((await h.ok<HonorCandidates>(actions, staffId('district'), 'honorCandidates', { kind: 'entrepreneur', keyword: '王六' })).items.map((c) => c.id)).toEqual(['case-op'])
    const orgs = await h.ok<HonorCandidates>(actions, staffId('district'), 'honorCandidates', { kind: 'collective' })
    expect(orgs.items.map((c) => c.id).sort()).toEqual(['comm-a', 'comm-b', 'street'])
    const staff = await h.ok<HonorCandidates>(actions, staffId('district'), 'honorCandidates', { kind: 'worker', keyword: 'staff' })
    expect(staff.items.map((c) => c.id).sort()).toEqual(['a-staff', 'b-staff'])
    // Every candidate is accepted by honorSave.
    for (const c of [...ent.items.map((x) => ['entrepreneur', x.id]), ['collective', orgs.items[0].id], ['worker', staff.items[0].id]]) {
      expect((await h.call(actions, staffId('district'), 'honorSave', { year: 2026, kind: c[0], subjectId: c[1], citation })).status).toBe(200)
    }
    expect((await h.call(actions, staffId('reviewer'), 'honorCandidates', { kind: 'worker' })).status).toBe(403)
    expect((await h.call(actions, staffId('district'), 'honorCandidates', { kind: 'hero' })).status).toBe(400)
  })

  it('a published list answers 409 saying the city can reopen it; only the city reopens', async () => {
    const h = await setup()
    const person = await h.ok<HonorView>(actions, staffId('district'), 'honorSave', { year: 2026, kind: 'entrepreneur', subjectId: 'case-a', citation })
    await h.ok(actions, staffId('district'), 'honorClose', { year: 2026, closed: true })
    const edit = await h.call(actions, staffId('district'), 'honorSave', { id: person.id, year: 2026, kind: 'entrepreneur', subjectId: 'case-a', citation: '改过的事迹，带动就业 30 人。' })
    expect(edit.status).toBe(409)
    expect(!edit.body.ok && edit.body.error.message).toMatch(/请联系市创建办重新开放/)
    const add = await h.call(actions, staffId('district'), 'honorSave', { year: 2026, kind: 'worker', subjectId: 'a-staff', citation })
    expect(add.status).toBe(409)
    expect((await h.call(actions, staffId('district'), 'honorClose', { year: 2026, closed: false })).status).toBe(403)
    await h.ok(actions, staffId('city-officer'), 'honorClose', { year: 2026, orgId: 'dist', closed: false })
    const edited = await h.ok<HonorView>(actions, staffId('district'), 'honorSave', { id: person.id, year: 2026, kind: 'entrepreneur', subjectId: 'case-a', citation: '改过的事迹，带动就业 30 人。' })
    expect(edited.citation).toBe('改过的事迹，带动就业 30 人。')
  })

  it('consent is recorded with how and by whom before it can show on a story', async () => {
    const h = await setup()
    const person = await h.ok<HonorView>(actions, staffId('district'), 'honorSave', { year: 2026, kind: 'entrepreneur', subjectId: 'case-a', citation })
    const noHow = await h.call(actions, staffId('district'), 'honorConsent', { id: person.id, consent: true })
    expect(noHow.status).toBe(400)
    expect((await h.call(actions, staffId('city-officer'), 'honorConsent', { id: person.id, consent: true, how: '电话确认' })).status).toBe(403)
    h.setNow('2026-11-23T01:00:00.000Z')
    const ok = await h.ok<HonorView>(actions, staffId('district'), 'honorConsent', { id: person.id, consent: true, how: '电话确认' })
    expect(ok.consent).toEqual({ how: '电话确认', at: '2026-11-23T01:00:00.000Z', recordedByName: 'district' })
    expect((await h.store.collection('honors').get(person.id))?.consent?.how).toBe('电话确认')
  })

  it('a story shows the 表彰 linked to it only while the resident consents', async () => {
    const h = await setup()
    const story = { _id: 'sty-a', orgId: 'comm-a', orgPath: ['city', 'dist', 'street', 'comm-a'], orgName: '甲社区', title: '夜市起家', person: '张先生', business: '小吃', summary: '从夜市起步', body: '从夜市摊位起步开出门店。', policyIds: [], helpUsed: [], consent: { how: '书面同意', at: '2026-10-01', recordedByName: 'a-staff' }, publishedAt: '2026-10-02T00:00:00Z', createdAt: '2026-10-02T00:00:00Z', updatedAt: '2026-10-02T00:00:00Z', updatedBy: 'a-staff', version: 1 } as Story
    await h.store.collection('stories').insert(story)
    expect((await h.call(actions, staffId('district'), 'honorSave', { year: 2026, kind: 'entrepreneur', subjectId: 'case-a', citation, storyId: 'sty-none' })).status).toBe(400)
    const person = await h.ok<HonorView>(actions, staffId('district'), 'honorSave', { year: 2026, kind: 'entrepreneur', subjectId: 'case-a', citation, storyId: 'sty-a' })
    const read = () => h.ok<StoryView>(serviceActions, staffId('a-staff'), 'story', { id: 'sty-a' })
    expect((await read()).honors).toEqual([])
    await h.ok(actions, staffId('district'), 'honorConsent', { id: person.id, consent: true, how: '电话确认' })
    expect((await read()).honors).toEqual([{ year: 2026, kindLabel: '优秀创业人员', byOrgName: '测试区', citation }])
    await h.ok(actions, staffId('district'), 'honorConsent', { id: person.id, consent: false })
    expect((await read()).honors).toEqual([])
  })

  it('a case anonymised (the resident deleted their data) takes the name, citation and consent off its 表彰', async () => {
    const h = await setup()
    const person = await h.ok<HonorView>(actions, staffId('district'), 'honorSave', { year: 2026, kind: 'entrepreneur', subjectId: 'case-a', citation })
    await h.ok(actions, staffId('district'), 'honorConsent', { id: person.id, consent: true, how: '电话确认' })
    expect(await anonymiseCase(h, 'case-a', '2026-11-24T00:00:00.000Z', () => true)).toBe(true)
    const list = await h.ok<HonorList>(actions, staffId('district'), 'honors', { year: 2026 })
    expect(list.items.map((i) => [i.subjectName, i.citation, i.consent])).toEqual([[ANONYMISED_NAME, ANONYMISED_NAME, null]])
  })
})
