/**
 * `npm run bench`: writes a markdown table to stdout and bench/results.md.
 * Figures that depend on the machine are reported as ratios measured in the same run.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { policyActions } from '../cloudfunctions/policy/actions'
import { profileActions } from '../cloudfunctions/profile/actions'
import { orgActions } from '../cloudfunctions/org/actions'
import type { ActionMap } from '../cloudfunctions/_shared/runtime/action'
import type { Identity } from '../cloudfunctions/_shared/runtime/caller'
import { dispatch } from '../cloudfunctions/_shared/runtime/dispatch'
import { makeKeyring } from '../cloudfunctions/_shared/runtime/keyring'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../cloudfunctions/_shared/store/sqlite/adapter'
import { seedDemo } from '../server/seed'
import { countingStore, type OpCount } from './counting-store'

const ROOT = resolve(__dirname, '..')
const LIMIT = 2 * 1024 * 1024

function dirBytes(dir: string, skip: (rel: string) => boolean = () => false, rel = ''): number {
  let total = 0
  for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name
    if (skip(r)) continue
    total += entry.isDirectory() ? dirBytes(dir, skip, r) : statSync(join(dir, r)).size
  }
  return total
}

function kib(n: number): string {
  return `${(n / 1024).toFixed(1)} KiB`
}

function packageSizes(): string[] {
  const weapp = join(ROOT, 'dist', 'weapp')
  const rows = ['| package | bytes | share of 2 MB |', '|---|---:|---:|']
  if (!existsSync(weapp)) return [...rows, '| (no weapp build: run `npm run build:weapp`) | | |']
  const main = dirBytes(weapp, (r) => r === 'staff')
  const staff = existsSync(join(weapp, 'staff')) ? dirBytes(join(weapp, 'staff')) : 0
  rows.push(`| weapp main package | ${main} (${kib(main)}) | ${((main / LIMIT) * 100).toFixed(1)}% |`)
  rows.push(`| weapp staff subpackage | ${staff} (${kib(staff)}) | ${((staff / LIMIT) * 100).toFixed(1)}% |`)
  const h5 = join(ROOT, 'dist', 'h5')
  if (existsSync(join(h5, 'index.html'))) {
    const html = readFileSync(join(h5, 'index.html'), 'utf8')
    const assets = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1])
    let js = 0
    let css = 0
    for (const a of assets) {
      const file = join(h5, a)
      if (!existsSync(file)) continue
      const gz = gzipSync(readFileSync(file)).length
      if (a.endsWith('.js')) js += gz
      else css += gz
    }
    rows.push(`| H5 first screen JS (gzip, referenced by index.html) | ${js} (${kib(js)}) | – |`)
    rows.push(`| H5 first screen CSS (gzip) | ${css} (${kib(css)}) | – |`)
  }
  return rows
}

async function opsPerAction(): Promise<string[]> {
  const raw = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  await seedDemo(raw, new Date())
  const n: OpCount = { reads: 0, writes: 0 }
  const store = countingStore(raw, n)
  const resident: Identity = { residentId: 'bench-resident' }
  const staff: Identity = { staffId: 'st_jinsha' }
  const rows = ['| function.action | caller | store reads | store writes |', '|---|---|---:|---:|']
  let lastId = ''
  const cases: [string, ActionMap, string, Identity, () => unknown][] = [
    ['profile', profileActions, 'save', resident, () => ({ communityId: 'c-jinsha', targetGroups: ['graduate'] })],
    ['profile', profileActions, 'get', resident, () => ({})],
    ['org', orgActions, 'tree', resident, () => ({})],
    ['policy', policyActions, 'list', resident, () => ({ limit: 20 })],
    ['policy', policyActions, 'list', resident, () => ({ forMe: true, keyword: '补贴' })],
    ['policy', policyActions, 'get', resident, () => ({ id: 'pol_demo_startup_subsidy' })],
    ['policy', policyActions, 'list', staff, () => ({ view: 'manage' })],
    ['policy', policyActions, 'save', staff, () => ({
      title: '基准测试政策', category: 'incubation', summary: '用于统计存储操作次数', benefit: '免费工位',
      targetGroups: ['graduate'], eligibility: ['无'], materials: ['无'], process: ['无'],
      contact: { department: '社区', phone: '12345', address: '社区' }, validFrom: '2026-01-01', validTo: null,
    })],
    ['policy', policyActions, 'publish', staff, () => ({ id: lastId })],
    ['policy', policyActions, 'archive', staff, () => ({ id: lastId })],
  ]
  for (const [fn, actions, action, who, data] of cases) {
    n.reads = 0
    n.writes = 0
    const { body } = await dispatch(actions, { action, data: data() }, { store, identity: who, keyring: makeKeyring(Buffer.from('bench-master-secret-bench-master-secret')) })
    if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`)
    if (action === 'save') lastId = (body.data as { _id: string })._id
    const label = 'staffId' in who ? 'staff' : 'resident'
    rows.push(`| ${fn}.${action} ${action === 'list' ? JSON.stringify(data()) : ''} | ${label} | ${n.reads} | ${n.writes} |`)
  }
  await raw.close()
  return rows
}

async function main(): Promise<void> {
  const out = [
    `# Benchmarks (${new Date().toISOString().slice(0, 10)}, ${process.platform}, Node ${process.version})`,
    '',
    '## Package sizes',
    '',
    ...packageSizes(),
    '',
    '## Store operations per action (counting adapter over the seeded demo data; caller resolution included)',
    '',
    ...(await opsPerAction()),
    '',
  ].join('\n')
  process.stdout.write(out)
  writeFileSync(join(__dirname, 'results.md'), out)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
