/**
 * Function sizing at the scale of a city: 300 communities (city → 10 districts → 30 streets →
 * 300 communities) and N cases (default 1,000,000, spread evenly), in a file-backed store. Runs
 * the heavy jobs the way CloudBase runs them, call by call with the 40 s budget
 * (runtime/jobs.ts CLOUD_BUDGET), and reports time and peak RSS per chunk and per call:
 * - the counter recount (`reconcile` job, 10 orgs a chunk), from counters with no documents;
 * - the city-wide ledger export (`ledgerExport` job, 10,000 rows a part), its first parts only
 *   (the rest are the same work); parts per call and calls in all are derived from them.
 * Push fan-out is not measured: it stops itself at its 40 s budget and sends at most 10 a second.
 * Prints one JSON line and a few readable lines. Run alone:
 *   node --expose-gc -r tsx/cjs bench/function-sizing.ts [cases] [exportParts]
 * (or `npx tsx bench/function-sizing.ts`; without --expose-gc the RSS baseline is noisier).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CONSENT_VERSION, type Case, maskIdCard, maskPhone } from '../cloudfunctions/_shared/domain/case'
import type { Job } from '../cloudfunctions/_shared/domain/job'
import type { Org } from '../cloudfunctions/_shared/domain/org'
import type { StaffMember } from '../cloudfunctions/_shared/domain/staff'
import { dayInstant } from '../cloudfunctions/_shared/runtime/counters'
import { makeKeyring } from '../cloudfunctions/_shared/runtime/keyring'
import { advanceJob, CLOUD_BUDGET, startJob, type StoredJobDef } from '../cloudfunctions/_shared/runtime/jobs'
import { reconcileJob, reconcileStart } from '../cloudfunctions/_shared/runtime/reconcile'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { type Store, where } from '../cloudfunctions/_shared/store/port'
import { openSqliteStore } from '../cloudfunctions/_shared/store/sqlite/adapter'
import { makeExportJob, PART_ROWS, type ExportParams } from '../cloudfunctions/ledger/export-job'
import { localExportParts } from '../server/downloads'

const MB = 1024 * 1024

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** The city's tree: 10 districts, 3 streets each, 10 communities per street. */
function cityOrgs(): Org[] {
  const orgs: Org[] = [{ _id: 'city', name: '市', level: 'city', parentId: null, path: ['city'] }]
  for (let d = 0; d < 10; d++) {
    const dist = `d${d}`
    orgs.push({ _id: dist, name: `区${d}`, level: 'district', parentId: 'city', path: ['city', dist] })
    for (let s = 0; s < 3; s++) {
      const street = `${dist}s${s}`
      orgs.push({ _id: street, name: `街道${d}-${s}`, level: 'street', parentId: dist, path: ['city', dist, street] })
      for (let c = 0; c < 10; c++) {
        const comm = `${street}c${c}`
        orgs.push({ _id: comm, name: `社区${d}-${s}-${c}`, level: 'community', parentId: street, path: ['city', dist, street, comm] })
      }
    }
  }
  return orgs
}

/** A full case with realistic text lengths (as bench/ledger-export.ts), dates over 2023–2026. */
function makeCase(i: number, community: Org, rand: () => number, sealed: { phone: string; id: string }): Case {
  const created = `${2023 + Math.floor(rand() * 4)}-${String(1 + Math.floor(rand() * 10)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`
  const at = dayInstant(created).toISOString()
  const guided = rand() < 0.85
  const id = `510402199001${String(i % 1_000_000).padStart(6, '0')}`
  return {
    _id: `int_${String(i).padStart(8, '0')}`, residentId: `r${i}`, communityId: community._id, communityPath: community.path, communityName: community.name,
    name: `居民${i}`, gender: i % 2 ? 'male' : 'female', ageBand: '25-34', education: 'college', household: 'rural', targetGroups: ['returning_migrant'],
    familySituation: '家里四口人，孩子上小学，丈夫在外打工', skillLevel: 'basic', certificates: ['中式面点师'], industry: 'catering',
    projectDescription: '想在社区开一家早餐店，卖包子馒头和豆浆，需要一个门面和五万元左右的启动资金', projectPhase: 'preparing',
    needs: ['funding', 'site'], fundingAmount: 50000, contactTime: 'anytime', projectInterestIds: [],
    phoneSealed: sealed.phone, phoneMasked: maskPhone('13812345678'), idCardSealed: sealed.id, idCardMasked: maskIdCard(id),
    idCardHash: `h${i}`, consentVersion: CONSENT_VERSION, consentAt: at, sourceEventId: null,
    status: 'accepted', stage: guided ? 'guided' : 'registered', stageHistory: [], followUps: [], ventures: [], benefits: [], askedHelp: true, guidedAt: guided ? at : '', nextFollowUpDate: '',
    benefitCount: 0, trainedAt: '', startedAt: '', createdAt: at, updatedAt: at, acceptedAt: at, acceptedByName: '指导员', withdrawnAt: '', version: 1,
  }
}

interface Sample {
  ms: number
  peakRssMb: number
}

/** Samples RSS every 10 ms while `work` runs. */
async function sampled<T>(work: () => Promise<T>): Promise<{ value: T } & Sample> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
  const t0 = performance.now()
  try {
    const value = await work()
    return { value, ms: performance.now() - t0, peakRssMb: Math.max(peak, process.memoryUsage().rss) / MB }
  } finally {
    clearInterval(timer)
  }
}

/** Wraps a job kind so each chunk's time and peak RSS are recorded. */
function timedChunks(def: StoredJobDef, into: Sample[]): StoredJobDef {
  return {
    ...def,
    chunk: async (args) => {
      const s = await sampled(() => def.chunk(args))
      into.push({ ms: s.ms, peakRssMb: s.peakRssMb })
      return s.value
    },
  }
}

const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0)
const round = (x: number) => Math.round(x * 10) / 10

/** Runs a job call by call (each with the cloud budget) until done or `maxCalls`. */
async function drive(store: Store<Collections>, def: StoredJobDef, job: Job, maxCalls: number) {
  const calls: (Sample & { chunks: number })[] = []
  const chunks: Sample[] = []
  const timed = timedChunks(def, chunks)
  let state = job
  while (state.state === 'running' && calls.length < maxCalls) {
    const before = chunks.length
    const s = await sampled(() => advanceJob(store, timed, job._id, CLOUD_BUDGET))
    if (!s.value) throw new Error('job vanished')
    state = s.value
    // The 10 ms sampler can miss a chunk's peak: a call's peak is at least its chunks'.
    calls.push({ ms: s.ms, peakRssMb: max([s.peakRssMb, ...chunks.slice(before).map((c) => c.peakRssMb)]), chunks: chunks.length - before })
  }
  return { calls, chunks, state }
}

export async function functionSizing(cases = 1_000_000, exportParts = 3) {
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-sizing-'))
  const store = openSqliteStore<Collections>({ path: join(dir, 'city.db'), purpose: 'test' })
  try {
    const orgs = cityOrgs()
    for (const org of orgs) await store.collection('orgs').insert(org)
    const communities = orgs.filter((o) => o.level === 'community')
    const admin: StaffMember = { _id: 'admin', name: '管理员', role: 'admin', orgId: 'city', openid: null, username: 'admin', passwordHash: null, active: true, createdAt: '2026-01-01T00:00:00Z', writtenBy: 'server' }
    await store.collection('staff').insert(admin)
    const keyring = makeKeyring(Buffer.from('sizing-secret-sizing-secret-sizing-secret'))
    const sealed = { phone: keyring.encrypt('13812345678'), id: keyring.encrypt('510402199001011234') }
    const rand = rng(300)
    const seed0 = performance.now()
    for (let start = 0; start < cases; start += 5000) {
      await store.transaction(async (tx) => {
        for (let i = start; i < Math.min(cases, start + 5000); i++) await tx.collection('cases').insert(makeCase(i, communities[i % communities.length], rand, sealed))
      })
    }
    const seedMs = performance.now() - seed0
    ;(globalThis as { gc?: () => void }).gc?.()
    const baseRssMb = process.memoryUsage().rss / MB

    // The recount: every counter document is missing, so every chunk writes (the worst case).
    const recountJob = await startJob(store, 'reconcile', { orgId: 'city', startedBy: 'admin', now: new Date(), ...reconcileStart(true, orgs.length) })
    const recount = await drive(store, reconcileJob, recountJob, 100)

    // The city-wide export: the city administrator's scope is every case.
    ;(globalThis as { gc?: () => void }).gc?.()
    const query = where.has<Case>('communityPath', 'city')
    const total = await store.collection('cases').count(query)
    const params: ExportParams = { query, today: '2026-11-22', fileName: '帮扶台帐-市-2026-11-22.xlsx', title: '市 创业帮扶台帐', split: total > PART_ROWS }
    const exportDef = makeExportJob(() => localExportParts(() => join(dir, 'exports')))
    const exportJob = await startJob(store, 'ledgerExport', { orgId: 'city', startedBy: 'admin', params, acc: { rows: 0, parts: [] }, total, now: new Date() })
    // One call with a budget of `exportParts` parts: per-part figures without writing 100 parts.
    const exportChunks: Sample[] = []
    const firstCall = await sampled(() => advanceJob(store, timedChunks(exportDef, exportChunks), exportJob._id, { ms: CLOUD_BUDGET.ms, chunks: exportParts }))
    const slowestPart = max(exportChunks.map((c) => c.ms))
    const partsPerCall = Math.max(1, Math.floor(CLOUD_BUDGET.ms / slowestPart))
    const partsInAll = Math.ceil(total / PART_ROWS)

    return {
      cases,
      communities: communities.length,
      orgs: orgs.length,
      seedMs: Math.round(seedMs),
      baseRssMb: round(baseRssMb),
      reconcile: {
        calls: recount.calls.length,
        finished: recount.state.state === 'done',
        chunks: recount.chunks.length,
        chunkMsMax: round(max(recount.chunks.map((c) => c.ms))),
        chunkMsMedian: round([...recount.chunks.map((c) => c.ms)].sort((a, b) => a - b)[Math.floor(recount.chunks.length / 2)] ?? 0),
        chunkPeakRssMbMax: round(max(recount.chunks.map((c) => c.peakRssMb))),
        callMs: recount.calls.map((c) => Math.round(c.ms)),
        callPeakRssMb: recount.calls.map((c) => round(c.peakRssMb)),
        totalMs: Math.round(recount.calls.reduce((a, c) => a + c.ms, 0)),
        driftCount: (recount.state.result as { driftCount?: number } | undefined)?.driftCount ?? null,
      },
      ledgerExport: {
        rowsInScope: total,
        partRows: PART_ROWS,
        partsMeasured: exportChunks.length,
        partMs: exportChunks.map((c) => Math.round(c.ms)),
        partPeakRssMb: exportChunks.map((c) => round(c.peakRssMb)),
        callMs: Math.round(firstCall.ms),
        callPeakRssMb: round(firstCall.peakRssMb),
        partsPerCall,
        partsInAll,
        callsInAll: Math.ceil(partsInAll / partsPerCall),
      },
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  const cases = Number(process.argv[2] ?? 1_000_000)
  const parts = Number(process.argv[3] ?? 3)
  functionSizing(cases, parts)
    .then((r) => {
      console.log(JSON.stringify(r))
      console.log(`recount: ${r.reconcile.calls} calls, ${r.reconcile.chunks} chunks; slowest chunk ${r.reconcile.chunkMsMax} ms, calls ${r.reconcile.callMs.join(' / ')} ms, peak RSS ${max(r.reconcile.callPeakRssMb)} MB`)
      console.log(`export: parts ${r.ledgerExport.partMs.join(' / ')} ms, peak RSS ${max(r.ledgerExport.partPeakRssMb)} MB; ${r.ledgerExport.partsPerCall} parts a call, ${r.ledgerExport.callsInAll} calls for ${r.ledgerExport.rowsInScope} rows`)
    })
    .catch((err: unknown) => {
      console.error(err)
      process.exit(1)
    })
}
