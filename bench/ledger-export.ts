/**
 * Ledger export at scale, in its own process so its memory is its own: seeds N cases
 * (default 50,000) into a file-backed store, exports them through the real `ledger.export`
 * action and the local runtime's file sink, and prints one JSON line: time, file size, RSS
 * before, peak RSS sampled while exporting, and the kernel's max RSS of the whole process.
 * Spawned by bench/run.ts; also runnable alone: npx tsx bench/ledger-export.ts [rows]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExportOutput } from '../cloudfunctions/_shared/contracts/intent'
import { CONSENT_VERSION, type Intent, maskIdCard, maskPhone } from '../cloudfunctions/_shared/domain/intent'
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

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 50_000)
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
        const doc: Intent = {
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
        await tx.collection('intents').insert(doc)
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
