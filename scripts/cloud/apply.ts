/**
 * Brings a CloudBase environment to the declared state, step by step, changing only what
 * differs: a second run changes nothing, and a run that failed part-way is finished by running
 * again (every step compares before it writes).
 *
 * 1. 连接环境: the environment exists and these credentials may manage it.
 * 2. 集合: every declared collection exists.
 * 3. 安全规则: every collection carries its declared client rule (no client access: ADMINONLY),
 *    and the storage bucket its declared rule (deploy/storage.ts).
 * 4. 索引: every declared index exists with its declared keys.
 * 5. 数据迁移: data migrations not yet recorded in the environment's `migrations` collection, before
 *    the new code runs (it may rely on them).
 * 6. 云函数: every function's code (by content hash, kept in its description), runtime settings,
 *    environment variables and timer triggers; then the repeatable migrations once more, for what
 *    an instance still on the old code wrote during the deploy (a collection move).
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import JSZip from 'jszip'
import type { ClientRule } from '../../cloudfunctions/_shared/store/collections'
import { type DesiredState, isSet } from '../../cloudfunctions/_shared/deploy/desired-state'
import type { MigrationReport } from '../../cloudfunctions/_shared/runtime/migrations'
import { type Credentials, explainFailure, type TencentClient } from './tencent'

export const STEPS = ['连接环境', '集合', '安全规则', '索引', '数据迁移', '云函数'] as const
export type StepName = (typeof STEPS)[number]

export interface Change {
  step: StepName
  what: string
}

export interface ApplyReport {
  changes: Change[]
  migrations: MigrationReport | null
}

/** A step that failed: which one, why (already explained), and what was done before it. */
export class StepFailure extends Error {
  constructor(
    readonly step: StepName,
    readonly reason: string,
    readonly done: Change[],
  ) {
    super(`第 ${STEPS.indexOf(step) + 1} 步「${step}」失败：${reason}`)
    this.name = 'StepFailure'
  }
}

export interface ApplyOptions {
  client: TencentClient
  credentials: Credentials
  state: DesiredState
  /** The deployer's shell: values of the functions' declared variables. */
  env: Record<string, string | undefined>
  /** Where `build:functions` wrote the bundles (one folder per function). */
  bundlesDir: string
  /** Runs the data migrations against the environment's database. */
  migrate: () => Promise<MigrationReport>
  /** Wait between status polls of a function being created or updated. */
  pollMs?: number
  /** Gives up waiting for a function after this long. */
  waitLimitMs?: number
  log?: (line: string) => void
}

/** The client rule as CloudBase's ACL tag (ADMINONLY: 仅管理端可读写, the mini-program cannot touch it). */
export function aclOf(rule: ClientRule): { tag: 'ADMINONLY' } | { tag: 'CUSTOM'; rule: string } {
  if (rule.read === false && rule.write === false) return { tag: 'ADMINONLY' }
  return { tag: 'CUSTOM', rule: JSON.stringify({ read: rule.read, write: rule.write }) }
}

const FIXED_DATE = new Date('2020-01-01T00:00:00Z')

/** A function folder as a zip whose bytes depend only on the files (names and contents). */
export async function zipFolder(dir: string): Promise<{ base64: string; sha256: string }> {
  const files: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else files.push(p)
    }
  }
  walk(dir)
  const zip = new JSZip()
  const hash = createHash('sha256')
  for (const file of files) {
    const rel = relative(dir, file).split('\\').join('/')
    const bytes = readFileSync(file)
    zip.file(rel, bytes, { date: FIXED_DATE, createFolders: false })
    hash.update(rel).update('\0').update(bytes).update('\0')
  }
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' })
  return { base64: buf.toString('base64'), sha256: hash.digest('hex') }
}

const DESCRIPTION_PREFIX = '创业社区 bundle sha256:'

interface FunctionDetail {
  Status?: string
  StatusReasons?: { ErrorCode?: string; ErrorMessage?: string }[]
  Runtime?: string
  Timeout?: number
  MemorySize?: number
  Description?: string
  Environment?: { Variables?: { Key: string; Value: string }[] }
  Triggers?: { Type?: string; TriggerName?: string; TriggerDesc?: string }[]
}

/** A timer trigger's cron as GetFunction reports it (`{"cron":"…"}`) or as it was sent (the cron itself). */
export function cronOf(desc: string | undefined): string {
  const d = (desc ?? '').trim()
  if (d.startsWith('{')) {
    try {
      const parsed = JSON.parse(d) as { cron?: unknown }
      if (typeof parsed.cron === 'string') return parsed.cron.trim()
    } catch {
      // not JSON: compared as written
    }
  }
  return d
}

function isNotFound(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? '')
  return code.startsWith('ResourceNotFound')
}

export async function applyDesiredState(o: ApplyOptions): Promise<ApplyReport> {
  const { client, credentials, state } = o
  const log = o.log ?? (() => {})
  const pollMs = o.pollMs ?? 1000
  const waitLimitMs = o.waitLimitMs ?? 5 * 60_000
  const changes: Change[] = []
  let step: StepName = '连接环境'
  const changed = (what: string) => {
    changes.push({ step, what })
    log(`  ✓ ${what}`)
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

  try {
    // 1. The environment, and the namespace its functions live in.
    log(`1/6 ${step}`)
    const info = (await client.app.env.getEnvInfo()) as { EnvInfo?: { EnvId?: string; Databases?: unknown[]; Functions?: { Namespace?: string }[]; Storages?: { Bucket?: string }[] } }
    const envInfo = info.EnvInfo ?? {}
    if (!envInfo.EnvId) throw Object.assign(new Error(`Environment ${credentials.envId} not found`), { code: 'ResourceNotFound.Env' })
    if (!envInfo.Databases?.length) throw new Error('该环境还没有开通数据库：在云开发控制台开通后重新运行')
    const namespace = envInfo.Functions?.[0]?.Namespace || credentials.envId
    const bucket = envInfo.Storages?.[0]?.Bucket
    if (!bucket) throw new Error('该环境还没有开通云存储：在云开发控制台开通后重新运行')

    // 2. Collections.
    step = '集合'
    log(`2/6 ${step}`)
    const existing = new Set<string>()
    for (let offset = 0; ; ) {
      const page = (await client.app.database.listCollections({ MgoLimit: 100, MgoOffset: offset })) as unknown as {
        Collections: { CollectionName: string }[]
        Pager?: { Total?: number }
      }
      for (const c of page.Collections) existing.add(c.CollectionName)
      offset += page.Collections.length
      if (!page.Collections.length || offset >= (page.Pager?.Total ?? 0)) break
    }
    for (const c of state.collections) {
      if (existing.has(c.name)) continue
      await client.app.database.createCollection(c.name)
      changed(`创建集合 ${c.name}`)
    }

    // 3. Client rules.
    step = '安全规则'
    log(`3/6 ${step}`)
    for (const c of state.collections) {
      const want = aclOf(c.rule)
      const have = await client.call('tcb', 'DescribeDatabaseACL', { EnvId: credentials.envId, CollectionName: c.name })
      if (have.AclTag === want.tag && want.tag === 'ADMINONLY') continue
      if (want.tag === 'ADMINONLY') {
        await client.call('tcb', 'ModifyDatabaseACL', { EnvId: credentials.envId, CollectionName: c.name, AclTag: 'ADMINONLY' })
        changed(`规则 ${c.name}：${String(have.AclTag ?? '未设置')} → ADMINONLY（只经云函数读写）`)
      } else if (have.AclTag !== 'CUSTOM') {
        // A declared exception (collections.ts CLIENT_ACCESS_EXCEPTIONS) carries its own rule.
        await client.call('tcb', 'ModifySafeRule', { EnvId: credentials.envId, CollectionName: c.name, AclTag: 'CUSTOM', Rule: want.rule })
        changed(`规则 ${c.name}：${String(have.AclTag ?? '未设置')} → 自定义 ${want.rule}`)
      }
    }

    const storage = await client.call('tcb', 'DescribeStorageSafeRule', { EnvId: credentials.envId, Bucket: bucket })
    let haveRule: unknown = null
    try {
      haveRule = typeof storage.Rule === 'string' && storage.Rule ? JSON.parse(storage.Rule) : null
    } catch {
      haveRule = null
    }
    if (storage.AclTag !== 'CUSTOM' || JSON.stringify(haveRule) !== JSON.stringify(state.storage.rule)) {
      await client.call('tcb', 'ModifyStorageSafeRule', { EnvId: credentials.envId, Bucket: bucket, AclTag: 'CUSTOM', Rule: JSON.stringify(state.storage.rule) })
      changed(`存储规则：${String(storage.AclTag ?? '未设置')} → 自定义（居民只能上传与读取自己的反馈照片；导出文件与小程序码凭文件 ID 读取）`)
    }

    // 4. Indexes.
    step = '索引'
    log(`4/6 ${step}`)
    for (const c of state.collections) {
      const declared = c.indexes as { IndexName: string; MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: { Name: string; Direction: string }[] } }[]
      if (!declared.length) continue
      const table = (await client.app.database.describeCollection(c.name)) as { Indexes?: { Name: string; Unique?: boolean; Keys?: { Name?: string; Direction?: string }[] }[] }
      const have = new Map((table.Indexes ?? []).map((i) => [i.Name, i]))
      const create: typeof declared = []
      const drop: { IndexName: string }[] = []
      for (const d of declared) {
        const h = have.get(d.IndexName)
        if (!h) {
          create.push(d)
          continue
        }
        const sameKeys =
          JSON.stringify((h.Keys ?? []).map((k) => [k.Name, String(k.Direction)])) === JSON.stringify(d.MgoKeySchema.MgoIndexKeys.map((k) => [k.Name, k.Direction])) &&
          Boolean(h.Unique) === d.MgoKeySchema.MgoIsUnique
        if (!sameKeys) {
          drop.push({ IndexName: d.IndexName })
          create.push(d)
        }
      }
      if (!create.length) continue
      if (drop.length) await client.app.database.updateCollection(c.name, { DropIndexes: drop })
      try {
        await client.app.database.updateCollection(c.name, { CreateIndexes: create })
      } catch (err) {
        // A refused definition (a key CloudBase does not accept, a quota) must not leave the lists
        // without the index they had: put back each dropped one as it was, then report the failure.
        const previous = drop.flatMap(({ IndexName }) => {
          const h = have.get(IndexName)
          return h ? [{ IndexName, MgoKeySchema: { MgoIsUnique: Boolean(h.Unique), MgoIndexKeys: (h.Keys ?? []).map((k) => ({ Name: String(k.Name), Direction: String(k.Direction) })) } }] : []
        })
        if (previous.length) await client.app.database.updateCollection(c.name, { CreateIndexes: previous }).catch(() => undefined)
        throw err
      }
      for (const d of create) changed(`${drop.some((x) => x.IndexName === d.IndexName) ? '重建' : '创建'}索引 ${c.name}.${d.IndexName}`)
    }

    // 5. Data migrations, before the new code runs.
    step = '数据迁移'
    log(`5/6 ${step}`)
    const migrations = await o.migrate()
    for (const m of migrations.applied) changed(`数据迁移 ${m.name}（改动 ${m.changed} 条）`)

    // 6. Functions.
    step = '云函数'
    log(`6/6 ${step}`)
    const waitActive = async (name: string) => {
      const started = Date.now()
      for (;;) {
        const d = (await client.call('scf', 'GetFunction', { FunctionName: name, Namespace: namespace })) as FunctionDetail
        if (d.Status === 'Active') return d
        if (d.Status && /Failed$/.test(d.Status)) {
          const reasons = (d.StatusReasons ?? []).map((r) => `[${r.ErrorCode}] ${r.ErrorMessage}`).join('；')
          throw new Error(`云函数 ${name} 状态 ${d.Status}${reasons ? `：${reasons}` : ''}`)
        }
        if (Date.now() - started > waitLimitMs) throw new Error(`云函数 ${name} 超过 ${Math.round(waitLimitMs / 1000)} 秒仍未就绪（状态 ${d.Status ?? '未知'}）：稍后重新运行`)
        await sleep(pollMs)
      }
    }
    for (const f of state.functions) {
      const { base64, sha256 } = await zipFolder(join(o.bundlesDir, f.name))
      const description = `${DESCRIPTION_PREFIX}${sha256}`
      const variables = f.env.filter((k) => isSet(o.env[k])).map((k) => ({ Key: k, Value: o.env[k]!.trim() }))
      let detail: FunctionDetail | null
      try {
        detail = (await client.call('scf', 'GetFunction', { FunctionName: f.name, Namespace: namespace })) as FunctionDetail
      } catch (err) {
        if (!isNotFound(err)) throw err
        detail = null
      }
      if (detail && detail.Status === 'CreateFailed') {
        // A create that failed earlier leaves a husk that cannot be updated: remove it and start over.
        await client.call('scf', 'DeleteFunction', { FunctionName: f.name, Namespace: namespace })
        changed(`删除创建失败的云函数 ${f.name}`)
        detail = null
      }
      if (!detail) {
        await client.call('scf', 'CreateFunction', {
          FunctionName: f.name,
          Namespace: namespace,
          Code: { ZipFile: base64 },
          Handler: 'index.main',
          Runtime: f.runtime,
          Timeout: f.timeout,
          MemorySize: f.memorySize,
          Description: description,
          Environment: { Variables: variables },
          InstallDependency: 'TRUE',
          Role: 'TCB_QcsRole',
          Stamp: 'MINI_QCBASE',
        })
        changed(`创建云函数 ${f.name}（${f.timeout} s，${f.memorySize} MB）`)
        detail = await waitActive(f.name)
      } else {
        if (detail.Status !== 'Active') detail = await waitActive(f.name)
        if (detail.Runtime && detail.Runtime !== f.runtime) {
          throw new Error(`云函数 ${f.name} 的运行时是 ${detail.Runtime}，声明为 ${f.runtime}；运行时无法原地修改：在控制台删除该函数后重新运行`)
        }
        if (detail.Description !== description) {
          await client.call('scf', 'UpdateFunctionCode', { FunctionName: f.name, Namespace: namespace, ZipFile: base64, Handler: 'index.main', InstallDependency: 'TRUE' })
          changed(`更新云函数代码 ${f.name}`)
          detail = { ...(await waitActive(f.name)), Description: detail.Description }
        }
        const haveVars = new Map((detail.Environment?.Variables ?? []).map((v) => [v.Key, v.Value]))
        // A declared variable the shell does not set this time keeps the value already deployed
        // (an optional template id set once is not wiped by a later run that forgot it);
        // undeclared variables are removed.
        for (const k of f.env) {
          const kept = haveVars.get(k)
          if (!isSet(o.env[k]) && kept !== undefined && isSet(kept)) variables.push({ Key: k, Value: kept })
        }
        const varsDiffer = variables.length !== haveVars.size || variables.some((v) => haveVars.get(v.Key) !== v.Value)
        const diffs = [
          detail.Timeout !== f.timeout ? `超时 ${detail.Timeout ?? '?'} → ${f.timeout} s` : null,
          detail.MemorySize !== f.memorySize ? `内存 ${detail.MemorySize ?? '?'} → ${f.memorySize} MB` : null,
          // Names only: a value never reaches the report.
          varsDiffer ? `环境变量 ${variables.map((v) => v.Key).join('、') || '（无）'}` : null,
          detail.Description !== description ? '代码版本' : null,
        ].filter((x): x is string => x !== null)
        if (diffs.length) {
          await client.call('scf', 'UpdateFunctionConfiguration', {
            FunctionName: f.name,
            Namespace: namespace,
            Timeout: f.timeout,
            MemorySize: f.memorySize,
            Description: description,
            Environment: { Variables: variables },
          })
          changed(`更新云函数配置 ${f.name}：${diffs.join('，')}`)
          detail = await waitActive(f.name)
        }
      }
      const timers = (detail.Triggers ?? []).filter((t) => t.Type === 'timer')
      for (const t of timers) {
        const want = f.triggers.find((w) => w.name === t.TriggerName)
        if (want && cronOf(t.TriggerDesc) === want.config) continue
        await client.call('scf', 'DeleteTrigger', { FunctionName: f.name, Namespace: namespace, TriggerName: t.TriggerName, Type: 'timer' })
        if (!want) changed(`删除未声明的定时触发器 ${f.name}.${t.TriggerName}`)
      }
      for (const t of f.triggers) {
        const have = timers.find((x) => x.TriggerName === t.name)
        if (have && cronOf(have.TriggerDesc) === t.config) continue
        await client.call('scf', 'CreateTrigger', { FunctionName: f.name, Namespace: namespace, TriggerName: t.name, Type: 'timer', TriggerDesc: t.config, Enable: 'OPEN' })
        changed(`${have ? '更新' : '创建'}定时触发器 ${f.name}.${t.name}（${t.config}）`)
      }
    }

    // What an instance on the old code wrote while the functions were replaced.
    const catchUp = await o.migrate()
    for (const m of catchUp.applied) changed(`数据迁移（部署期间的新数据）${m.name}（改动 ${m.changed} 条）`)
    return { changes, migrations }
  } catch (err) {
    throw new StepFailure(step, explainFailure(err, credentials), changes)
  }
}
