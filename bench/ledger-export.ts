/**
 * Ledger export at scale, in its own process so its memory is its own: seeds N cases
 * (default 50,000) into a file-backed store, exports them through the real `ledger.export`
 * action and the local runtime's file sink, and prints one JSON line: time, file size, RSS
 * before, peak RSS sampled while exporting, and the kernel's max RSS of the whole process.
 * Spawned by bench/run.ts; also runnable alone: npx tsx bench/ledger-export.ts [rows] [full]
 * With `full`, every case carries what an inspector's ledger holds (issue 22): three follow-ups,
 * a venture, two benefits, and on every fifth case a loan through 放款 and two 贴息 (two more
 * benefits), so the follow-up, venture, benefit and loan sheets are as large as the cases sheet.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExportOutput } from '../cloudfunctions/_shared/contracts/intent'
import { CONSENT_VERSION, type Case, maskIdCard, maskPhone } from '../cloudfunctions/_shared/domain/case'
import { dispatch } from '../cloudfunctions/_shared/runtime/dispatch'
import { makeKeyring } from '../cloudfunctions/_shared/runtime/keyring'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../cloudfunctions/_shared/store/sqlite/adapter'
import { TEST_ORGS } from '../cloudfunctions/_shared/testing/harness'
import { makeLedgerActions } from '../cloudfunctions/ledger/actions'
import { localExportFiles } from '../server/downloads'

export interface LedgerExportResult {
  rows: number
  seedMs: number
  exportMs: number
  fileBytes: number
  rssBefore: number
  rssPeak: number
  maxRss: number
}

/** The records of a worked case: follow-ups on 项目/资金/场地, a venture, benefits, a loan on every fifth. */
function withLedgerRecords(doc: Case, i: number, day: string): void {
  const by = { byId: 'a-staff', byName: '指导员', at: `${day}T02:00:00.000Z` }
  doc.followUps = (['project', 'loan', 'site'] as const).map((kind, k) => ({
    id: `fu${i}_${k}`, kind, date: day, note: '上门了解经营情况，讲解创业担保贷款和场租补贴的申请条件', outcome: '已准备材料', visibleToResident: true, nextFollowUpDate: '', projectId: null, projectTitle: null, ...by,
  }))
  doc.ventures = [{ id: `v${i}`, name: `居民${i}早餐店`, kind: 'individual', registrationDate: day, jobsCreated: 2, status: 'operating', closureDate: '', updatedAt: by.at, byName: '指导员' }]
  const benefit = (id: string, kind: Case['benefits'][number]['kind'], amountFen: number, loanId: string | null) => ({
    id, policyId: 'pol_startup', policyTitle: '返乡创业一次性补贴', kind, amountFen, date: day, approvedBy: '区人社局', documentNo: `东人社发〔2026〕${i}号`, note: '',
    eligible: true, overrideReason: '', loanId, at: by.at, byName: '指导员', history: [],
  })
  doc.benefits = [benefit(`b${i}_1`, 'startup_subsidy', 500_000, null), benefit(`b${i}_2`, 'rent_subsidy', 300_000, null)]
  if (i % 5 === 0) {
    const steps = (['applied', 'recommended', 'guarantee_reviewed', 'bank_approved', 'disbursed', 'interest', 'interest'] as const).map((step, k) => ({
      step, date: day, actor: '农商银行', amountFen: step === 'interest' ? 91_250 : 10_000_000, documentNo: `贷〔2026〕${i}-${k}`, period: step === 'interest' ? k - 4 : 0,
      repayDue: '', interestDue: '', note: '', at: by.at, byName: '指导员',
    }))
    doc.loans = [{ id: `loan${i}`, policyId: 'pol_loan', policyTitle: '创业担保贷款', capFen: 30_000_000, eligible: true, overrideReason: '', steps, createdAt: by.at }]
    doc.benefits.push(benefit(`b${i}_3`, 'guaranteed_loan', 10_000_000, `loan${i}`), benefit(`b${i}_4`, 'interest_subsidy', 91_250, `loan${i}`))
  }
  doc.benefitCount = doc.benefits.length
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 50_000)
  const full = process.argv[3] === 'full'
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-ledger-'))
  const store = openSqliteStore<Collections>({ path: join(dir, 'measure.db'), purpose: 'test' })
  const keyring = makeKeyring(Buffer.from('measure-secret-measure-secret-measure-secret'))
  for (const org of TEST_ORGS) await store.collection('orgs').insert(org)
  await store.collection('staff').insert({
    _id: 'a-staff', name: '指导员', role: 'community_staff', orgId: 'comm-a', openid: null, username: 'a', passwordHash: null, active: true, createdAt: '2026-01-01T00:00:00Z',
  })
  const seedStart = performance.now()
  const community = TEST_ORGS[3]
  const phoneSealed = keyring.encrypt('13812345678')
  for (let start = 0; start < rows; start += 1000) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(rows, start + 1000); i++) {
        const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()
        const id = `510402199001${String(i).padStart(6, '0')}`
        const doc: Case = {
          _id: `int_${String(i).padStart(8, '0')}`, residentId: `r${i}`, communityId: community._id, communityPath: community.path, communityName: community.name,
          name: `居民${i}`, gender: i % 2 ? 'male' : 'female', ageBand: '25-34', education: 'college', household: 'rural', targetGroups: ['returning_migrant'],
          familySituation: '家里四口人，孩子上小学，丈夫在外打工', skillLevel: 'basic', certificates: ['中式面点师'], industry: 'catering',
          projectDescription: '想在社区开一家早餐店，卖包子馒头和豆浆，需要一个门面和五万元左右的启动资金', projectPhase: 'preparing',
          needs: ['funding', 'site'], fundingAmount: 50000, contactTime: 'anytime', projectInterestIds: [],
          phoneSealed, phoneMasked: maskPhone('13812345678'), idCardSealed: keyring.encrypt(id), idCardMasked: maskIdCard(id),
          idCardHash: keyring.keyedHash('id-card', community._id, id), consentVersion: CONSENT_VERSION, consentAt: at, sourceEventId: null,
          status: 'accepted', stage: 'guided', stageHistory: [], followUps: [], ventures: [], benefits: [], askedHelp: true, guidedAt: at, nextFollowUpDate: '',
          benefitCount: 0, trainedAt: '', startedAt: '', createdAt: at, updatedAt: at, acceptedAt: at, acceptedByName: '指导员', withdrawnAt: '', version: 1,
        }
        if (full) withLedgerRecords(doc, i, at.slice(0, 10))
        await tx.collection('cases').insert(doc)
      }
    })
  }
  const seedMs = performance.now() - seedStart
  global.gc?.()
  const rssBefore = process.memoryUsage().rss
  let rssPeak = rssBefore
  const timer = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
  }, 10)
  const exportsDir = join(dir, 'exports')
  const actions = makeLedgerActions(() => localExportFiles(() => exportsDir))
  const t0 = performance.now()
  const { body } = await dispatch(actions, { action: 'export', data: {} }, { fn: 'ledger', store, identity: { staffId: 'a-staff' }, keyring })
  const exportMs = performance.now() - t0
  clearInterval(timer)
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
  if (!body.ok) throw new Error(JSON.stringify(body.error))
  const out = body.data as ExportOutput
  const file = join(exportsDir, out.url?.split('/').pop()?.split('?')[0] ?? '')
  const result: LedgerExportResult = {
    rows: out.rows, seedMs, exportMs, fileBytes: statSync(file).size, rssBefore, rssPeak, maxRss: process.resourceUsage().maxRSS * 1024,
  }
  await store.close()
  rmSync(dir, { recursive: true, force: true })
  process.stdout.write(`LEDGER_EXPORT_RESULT ${JSON.stringify(result)}\n`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
