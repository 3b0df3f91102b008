/**
 * Measures the ledger export at scale: seeds N cases (default 50,000) into a file-backed test
 * store, exports them through the real action and the local runtime's file sink, and reports
 * peak RSS while exporting, the time taken and the file size.
 *   npx tsx scripts/measure-ledger-export.ts [rows]
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

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 50_000)
  const dir = mkdtempSync(join(tmpdir(), 'ledger-measure-'))
  const store = openSqliteStore<Collections>({ path: join(dir, 'measure.db'), purpose: 'test' })
  const keyring = makeKeyring(Buffer.from('measure-secret-measure-secret-measure-secret'))
  for (const org of TEST_ORGS) await store.collection('orgs').insert(org)
  await store.collection('staff').insert({
    _id: 'a-staff', name: '指导员', role: 'community_staff', orgId: 'comm-a', openid: null, username: 'a', passwordHash: null, active: true, createdAt: '2026-01-01T00:00:00Z',
  })
  const seedStart = Date.now()
  const community = TEST_ORGS[3]
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
          phoneSealed: keyring.encrypt('13812345678'), phoneMasked: maskPhone('13812345678'), idCardSealed: keyring.encrypt(id), idCardMasked: maskIdCard(id),
          idCardHash: keyring.keyedHash('id-card', community._id, id), consentVersion: CONSENT_VERSION, consentAt: at, sourceEventId: null,
          status: 'accepted', stage: 'guided', stageHistory: [], followUps: [], ventures: [], benefits: [], askedHelp: true, guidedAt: at, nextFollowUpDate: '',
          benefitCount: 0, trainedAt: '', startedAt: '', createdAt: at, updatedAt: at, acceptedAt: at, acceptedByName: '指导员', withdrawnAt: '', version: 1,
        }
        await tx.collection('intents').insert(doc)
      }
    })
  }
  const seedMs = Date.now() - seedStart
  global.gc?.()
  const before = process.memoryUsage().rss
  let peak = before
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 10)
  const exportsDir = join(dir, 'exports')
  const actions = makeLedgerActions(() => localExportFiles(() => exportsDir))
  const t0 = Date.now()
  const { body } = await dispatch(actions, { action: 'export', data: {} }, { fn: 'ledger', store, identity: { staffId: 'a-staff' }, keyring })
  const ms = Date.now() - t0
  clearInterval(timer)
  peak = Math.max(peak, process.memoryUsage().rss)
  if (!body.ok) throw new Error(JSON.stringify(body.error))
  const out = body.data as ExportOutput
  const file = join(exportsDir, out.url.split('/').pop()?.split('?')[0] ?? '')
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  console.log(`rows exported: ${out.rows} (seeded ${rows} in ${(seedMs / 1000).toFixed(1)} s)`)
  console.log(`export time: ${(ms / 1000).toFixed(1)} s, file ${mb(statSync(file).size)} MB`)
  console.log(`RSS before export: ${mb(before)} MB, peak during export: ${mb(peak)} MB, growth: ${mb(peak - before)} MB`)
  await store.close()
  rmSync(dir, { recursive: true, force: true })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
