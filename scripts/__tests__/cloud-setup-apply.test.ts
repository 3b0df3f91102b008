/**
 * `npm run cloud:setup` against Tencent Cloud's API, at manager-node's HTTP boundary: the real
 * `@cloudbase/manager-node` signs and sends every call, and nock stands in for
 * `tcb.tencentcloudapi.com` and `scf.tencentcloudapi.com` with a small emulation of an
 * environment (collections, ACLs, indexes, functions, triggers). The data migrations run through
 * the real `@cloudbase/node-sdk` against an emulated document endpoint.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import nock from 'nock'
import { nockSuite } from '../../cloudfunctions/_shared/testing/cloud-metadata'
import { desiredState } from '../../cloudfunctions/_shared/deploy/desired-state'
import { COLLECTION_NAMES } from '../../cloudfunctions/_shared/store/collections'
import { FUNCTION_DECLARATIONS } from '../../cloudfunctions/_shared/deploy/functions'
import { runCloudSetup } from '../cloud-setup'

const ENV = 'env-test-1a2b'
const SECRET_ID = 'AKIDtestSecretIdValue0001'
const SECRET_KEY = 'testSecretKeyValue-must-never-print'
const APP_SECRET = 'a'.repeat(64)
const SHELL = { TCB_ENV_ID: ENV, TCB_SECRET_ID: SECRET_ID, TCB_SECRET_KEY: SECRET_KEY, APP_SECRET }

interface Fn {
  Status: string
  Runtime: string
  Timeout: number
  MemorySize: number
  Description: string
  Environment: { Variables: { Key: string; Value: string }[] }
  Triggers: { Type: string; TriggerName: string; TriggerDesc: string }[]
  zip: string
}

/** One CloudBase environment as the API shows it. */
class FakeCloud {
  envExists = true
  tables = new Map<string, { acl: string; indexes: { Name: string; Unique: boolean; Keys: { Name: string; Direction: string }[] }[] }>()
  functions = new Map<string, Fn>()
  docs = new Map<string, Record<string, unknown>>()
  /** The bucket's rule: a new environment's default is 所有用户可读，仅创建者可读写. */
  storage: { AclTag: string; Rule?: string } = { AclTag: 'READONLY' }
  calls: { service: string; action: string; body: Record<string, unknown> }[] = []
  /** Makes one call fail (once) with a Tencent Cloud error. */
  failOnce: { action: string; when?: (body: Record<string, unknown>) => boolean; code: string; message: string } | null = null

  writes(): string[] {
    return this.calls.filter((c) => !/^(Describe|Get|List|database\.getDocument)/.test(c.action)).map((c) => c.action)
  }

  answer(service: string, action: string, body: Record<string, unknown>, auth: string): object {
    this.calls.push({ service, action, body })
    const ok = (data: object = {}) => ({ Response: { ...data, RequestId: `rid-${this.calls.length}` } })
    const fail = (Code: string, Message: string) => ({ Response: { Error: { Code, Message }, RequestId: `rid-${this.calls.length}` } })
    if (!auth.includes(`Credential=${SECRET_ID}/`)) return fail('AuthFailure.SecretIdNotFound', 'The SecretId is not found.')
    if (this.failOnce && this.failOnce.action === action && (!this.failOnce.when || this.failOnce.when(body))) {
      const f = this.failOnce
      this.failOnce = null
      return fail(f.code, f.message)
    }
    const table = (name: unknown) => this.tables.get(String(name))
    switch (`${service}:${action}`) {
      case 'tcb:DescribeEnvInfo':
        if (!this.envExists || body.EnvId !== ENV) return fail('ResourceNotFound', `Env ${String(body.EnvId)} not found`)
        return ok({ EnvInfo: { EnvBaseInfo: { EnvId: ENV, Alias: 'test', Status: 'NORMAL', Databases: [{ InstanceId: 'tnt-db1', Status: 'RUNNING' }], Functions: [{ Namespace: ENV, Region: 'ap-shanghai' }], Storages: [{ Bucket: '7465-env-test-1a2b-1300000000', Region: 'ap-shanghai' }] } } })
      case 'tcb:ListTables': {
        const names = [...this.tables.keys()]
        const offset = Number(body.MgoOffset ?? 0)
        const limit = Number(body.MgoLimit ?? 100)
        return ok({ Tables: names.slice(offset, offset + limit).map((TableName) => ({ TableName, Count: 0 })), Pager: { Offset: offset, Limit: limit, Total: names.length } })
      }
      case 'tcb:CreateTable':
        if (this.tables.has(String(body.TableName))) return fail('ResourceInUse', 'table exists')
        // A new collection in the console starts as 仅创建者可读写.
        this.tables.set(String(body.TableName), { acl: 'PRIVATE', indexes: [{ Name: '_id_', Unique: true, Keys: [{ Name: '_id', Direction: '1' }] }] })
        return ok()
      case 'tcb:DescribeTable': {
        const t = table(body.TableName)
        if (!t) return fail('ResourceNotFound.TableNotExist', 'table not exist')
        return ok({ Indexes: t.indexes, IndexNum: t.indexes.length })
      }
      case 'tcb:UpdateTable': {
        const t = table(body.TableName)
        if (!t) return fail('ResourceNotFound.TableNotExist', 'table not exist')
        for (const d of (body.DropIndexes as { IndexName: string }[] | undefined) ?? []) t.indexes = t.indexes.filter((i) => i.Name !== d.IndexName)
        for (const c of (body.CreateIndexes as { IndexName: string; MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: { Name: string; Direction: string }[] } }[] | undefined) ?? []) {
          if (t.indexes.some((i) => i.Name === c.IndexName)) return fail('InvalidParameter', `index ${c.IndexName} exists`)
          t.indexes.push({ Name: c.IndexName, Unique: c.MgoKeySchema.MgoIsUnique, Keys: c.MgoKeySchema.MgoIndexKeys })
        }
        return ok()
      }
      case 'tcb:DescribeDatabaseACL': {
        const t = table(body.CollectionName)
        return t ? ok({ AclTag: t.acl }) : fail('ResourceNotFound', 'collection not found')
      }
      case 'tcb:ModifyDatabaseACL': {
        const t = table(body.CollectionName)
        if (!t) return fail('ResourceNotFound', 'collection not found')
        t.acl = String(body.AclTag)
        return ok()
      }
      case 'tcb:DescribeStorageSafeRule':
        if (body.Bucket !== '7465-env-test-1a2b-1300000000') return fail('ResourceNotFound', 'bucket')
        return ok(this.storage)
      case 'tcb:ModifyStorageSafeRule':
        this.storage = { AclTag: String(body.AclTag), Rule: String(body.Rule) }
        return ok()
      case 'scf:GetFunction': {
        const f = this.functions.get(String(body.FunctionName))
        if (!f) return fail('ResourceNotFound.FunctionName', `function ${String(body.FunctionName)} not found`)
        const { zip: _zip, ...shown } = f
        // Creating / Updating for one poll, then Active.
        if (f.Status !== 'Active') f.Status = 'Active'
        return ok(shown)
      }
      case 'scf:CreateFunction': {
        const name = String(body.FunctionName)
        if (this.functions.has(name)) return fail('ResourceInUse.FunctionName', 'exists')
        const code = body.Code as { ZipFile?: string }
        if (!code?.ZipFile) return fail('InvalidParameterValue.Code', 'no code')
        this.functions.set(name, {
          Status: 'Creating',
          Runtime: String(body.Runtime),
          Timeout: Number(body.Timeout),
          MemorySize: Number(body.MemorySize),
          Description: String(body.Description ?? ''),
          Environment: (body.Environment as Fn['Environment']) ?? { Variables: [] },
          Triggers: [],
          zip: code.ZipFile,
        })
        return ok()
      }
      case 'scf:UpdateFunctionCode': {
        const f = this.functions.get(String(body.FunctionName))
        if (!f) return fail('ResourceNotFound.FunctionName', 'not found')
        f.zip = String(body.ZipFile)
        f.Status = 'Updating'
        return ok()
      }
      case 'scf:UpdateFunctionConfiguration': {
        const f = this.functions.get(String(body.FunctionName))
        if (!f) return fail('ResourceNotFound.FunctionName', 'not found')
        Object.assign(f, { Timeout: body.Timeout, MemorySize: body.MemorySize, Description: body.Description, Environment: body.Environment ?? { Variables: [] }, Status: 'Updating' })
        return ok()
      }
      case 'scf:CreateTrigger': {
        const f = this.functions.get(String(body.FunctionName))
        if (!f) return fail('ResourceNotFound.FunctionName', 'not found')
        if (f.Triggers.some((t) => t.TriggerName === body.TriggerName)) return fail('ResourceInUse.Trigger', 'exists')
        f.Triggers.push({ Type: String(body.Type), TriggerName: String(body.TriggerName), TriggerDesc: JSON.stringify({ cron: body.TriggerDesc }) })
        return ok()
      }
      case 'scf:DeleteTrigger': {
        const f = this.functions.get(String(body.FunctionName))
        if (f) f.Triggers = f.Triggers.filter((t) => t.TriggerName !== body.TriggerName)
        return ok()
      }
      case 'scf:DeleteFunction':
        this.functions.delete(String(body.FunctionName))
        return ok()
      default:
        return fail('UnsupportedOperation', `fake does not know ${service}:${action}`)
    }
  }

  /** The server SDK's document calls (`/admin`): enough of a database for the migrations. */
  document(body: Record<string, unknown>): object {
    this.calls.push({ service: 'db', action: String(body.action), body })
    const coll = String(body.collectionName)
    const query = typeof body.query === 'string' ? (JSON.parse(body.query) as Record<string, unknown>) : {}
    const docId = typeof body.docId === 'string' ? body.docId : typeof query._id === 'string' ? query._id : null
    const key = (id: string) => `${coll}/${id}`
    switch (body.action) {
      case 'database.getDocument': {
        const id = docId
        const list = [...this.docs.entries()].filter(([k]) => k.startsWith(`${coll}/`) && (id === null || k === key(id))).map(([, d]) => JSON.stringify(d))
        return { requestId: 'db', data: { list, limit: 100, offset: 0 } }
      }
      case 'database.setDocument':
      case 'database.updateDocument':
      case 'database.modifyDocument': {
        const data = typeof body.data === 'string' ? (JSON.parse(body.data) as Record<string, unknown>) : ((body.data as Record<string, unknown>) ?? {})
        this.docs.set(key(docId ?? String(data._id)), { _id: docId ?? data._id, ...data })
        return { requestId: 'db', data: { updated: 1, upserted_id: docId } }
      }
      case 'database.addDocument': {
        const data = typeof body.data === 'string' ? (JSON.parse(body.data) as Record<string, unknown>) : ((body.data as Record<string, unknown>) ?? {})
        this.docs.set(key(String(data._id)), data)
        return { requestId: 'db', data: { _id: data._id } }
      }
      default:
        return { requestId: 'db', code: 'UNSUPPORTED', message: `fake does not know ${String(body.action)}` }
    }
  }
}

function serve(cloud: FakeCloud) {
  for (const service of ['tcb', 'scf']) {
    nock(`https://${service}.tencentcloudapi.com`)
      .persist()
      .post('/')
      .reply(function (_uri, body) {
        const headers = this.req.headers
        return [200, cloud.answer(service, String(headers['x-tc-action']), body as Record<string, unknown>, String(headers.authorization ?? ''))]
      })
  }
  nock(`https://${ENV}.tcb-api.tencentcloudapi.com`)
    .persist()
    .post('/admin')
    .query(true)
    .reply(200, (_uri, body) => cloud.document(body as Record<string, unknown>))
}

/** Stand-in bundles: one folder per declared function, as build:functions writes them. */
function fakeBuild(version: string) {
  return async (dir: string) => {
    for (const name of Object.keys(FUNCTION_DECLARATIONS)) {
      mkdirSync(join(dir, name), { recursive: true })
      writeFileSync(join(dir, name, 'index.js'), `exports.main = async () => ({ ok: true, v: ${JSON.stringify(version)} })\n`)
      writeFileSync(join(dir, name, 'package.json'), JSON.stringify({ name, main: 'index.js' }))
    }
  }
}

const setup = (_cloud: FakeCloud, shell: Record<string, string> = SHELL, version = 'v1') => runCloudSetup([], shell, { build: fakeBuild(version), pollMs: 0 })

nockSuite()

describe('npm run cloud:setup against an environment', () => {
  it('prepares a fresh environment: every collection with ADMINONLY and its indexes, every function with its settings and timers, migrations recorded', async () => {
    const cloud = new FakeCloud()
    serve(cloud)
    const run = await setup(cloud)
    expect(run.out).toContain('完成：')
    expect(run.code).toBe(0)
    const state = desiredState()
    expect([...cloud.tables.keys()].sort()).toEqual([...COLLECTION_NAMES].sort())
    for (const c of state.collections) {
      const t = cloud.tables.get(c.name)!
      expect({ name: c.name, acl: t.acl }).toEqual({ name: c.name, acl: 'ADMINONLY' })
      const names = t.indexes.map((i) => i.Name).filter((n) => n !== '_id_').sort()
      expect({ name: c.name, indexes: names }).toEqual({ name: c.name, indexes: (c.indexes as { IndexName: string }[]).map((i) => i.IndexName).sort() })
    }
    expect([...cloud.functions.keys()].sort()).toEqual(Object.keys(FUNCTION_DECLARATIONS).sort())
    for (const [name, decl] of Object.entries(FUNCTION_DECLARATIONS)) {
      const f = cloud.functions.get(name)!
      expect({ name, timeout: f.Timeout, memory: f.MemorySize, runtime: f.Runtime }).toEqual({ name, timeout: decl.timeout, memory: decl.memorySize, runtime: decl.runtime })
      expect(f.Environment.Variables).toEqual([{ Key: 'APP_SECRET', Value: APP_SECRET }])
      expect(f.Triggers.map((t) => [t.TriggerName, JSON.parse(t.TriggerDesc).cron]).sort()).toEqual(decl.triggers.map((t) => [t.name, t.config]).sort())
    }
    expect(cloud.docs.has('migrations/2026-12-staff-written-by-server')).toBe(true)
    // The bucket: residents write only their own feedback photos; exports and codes readable by id.
    expect(cloud.storage.AclTag).toBe('CUSTOM')
    expect(JSON.parse(cloud.storage.Rule!)).toEqual(state.storage.rule)
    expect(state.storage.rule.write).toContain('feedback-uploads')
    // Optional features without their variables are reported, not fatal.
    expect(run.out).toContain('未配置：SUBSCRIBE_TEMPLATE_POLICY')
    // Nothing secret reaches the report.
    for (const secret of [SECRET_ID, SECRET_KEY, APP_SECRET]) expect(run.out).not.toContain(secret)
  }, 60000)

  it('reports 0 changes on an environment already set up, and writes nothing', async () => {
    const cloud = new FakeCloud()
    serve(cloud)
    expect((await setup(cloud)).code).toBe(0)
    cloud.calls = []
    const again = await setup(cloud)
    expect(again.code).toBe(0)
    expect(again.out).toContain('0 项改动')
    expect(cloud.writes()).toEqual([])
    expect(cloud.calls.filter((c) => c.service === 'db' && c.action !== 'database.getDocument')).toEqual([])
  }, 60000)

  it('repairs drift: a rule opened in the console, a dropped index, a changed timeout, a new code version and a stray timer', async () => {
    const cloud = new FakeCloud()
    serve(cloud)
    await setup(cloud)
    cloud.tables.get('staff')!.acl = 'READONLY'
    cloud.storage = { AclTag: 'READONLY' }
    cloud.tables.get('audit')!.indexes = cloud.tables.get('audit')!.indexes.filter((i) => i.Name !== 'org_at')
    cloud.functions.get('ledger')!.Timeout = 3
    cloud.functions.get('org')!.Triggers.push({ Type: 'timer', TriggerName: 'old', TriggerDesc: '{"cron":"0 0 1 * * * *"}' })
    const run = await setup(cloud, SHELL, 'v2')
    expect(run.code).toBe(0)
    expect(run.out).toContain('规则 staff：READONLY → ADMINONLY')
    expect(run.out).toContain('存储规则：READONLY → 自定义')
    expect(run.out).toContain('创建索引 audit.org_at')
    expect(run.out).toContain('更新云函数配置 ledger：超时 3 → 60 s')
    expect(run.out).toContain('删除未声明的定时触发器 org.old')
    expect(cloud.tables.get('staff')!.acl).toBe('ADMINONLY')
    expect(cloud.functions.get('ledger')!.Timeout).toBe(60)
    expect(cloud.functions.get('org')!.Triggers).toEqual([])
    // v2 bundles: every function's code is replaced.
    expect(cloud.calls.filter((c) => c.action === 'UpdateFunctionCode').length).toBe(Object.keys(FUNCTION_DECLARATIONS).length)
  }, 60000)

  it('rebuilds an index whose keys changed, and puts the old one back when CloudBase refuses the new keys', async () => {
    const cloud = new FakeCloud()
    serve(cloud)
    await setup(cloud)
    // As an environment set up before the list indexes ended with the _id tie-break has it.
    const cases = cloud.tables.get('cases')!
    const old = [{ Name: 'communityId', Direction: '1' }, { Name: 'createdAt', Direction: '-1' }]
    const withOld = () => cases.indexes.map((i) => (i.Name === 'community_created' ? { ...i, Keys: old } : i))
    cases.indexes = withOld()
    const refusesId = (b: Record<string, unknown>) =>
      b.TableName === 'cases' && ((b.CreateIndexes as { MgoKeySchema: { MgoIndexKeys: { Name: string }[] } }[] | undefined) ?? []).some((d) => d.MgoKeySchema.MgoIndexKeys.some((k) => k.Name === '_id'))
    cloud.failOnce = { action: 'UpdateTable', when: refusesId, code: 'InvalidParameter', message: 'invalid index key _id' }
    const refused = await setup(cloud)
    expect(refused.code).toBe(1)
    expect(refused.out).toContain('第 4 步「索引」失败')
    // The lists keep the index they had.
    expect(cases.indexes.find((i) => i.Name === 'community_created')?.Keys).toEqual(old)
    const rerun = await setup(cloud)
    expect(rerun.code).toBe(0)
    expect(rerun.out).toContain('重建索引 cases.community_created')
    expect(cases.indexes.find((i) => i.Name === 'community_created')?.Keys).toEqual([...old, { Name: '_id', Direction: '-1' }])
  }, 60000)

  it('keeps a deployed optional variable the shell no longer sets, and removes an undeclared one', async () => {
    const cloud = new FakeCloud()
    serve(cloud)
    await setup(cloud, { ...SHELL, SUBSCRIBE_TEMPLATE_POLICY: 'tmpl_ABC' })
    cloud.functions.get('notify')!.Environment.Variables.push({ Key: 'LEFTOVER', Value: 'x' })
    const run = await setup(cloud)
    expect(run.code).toBe(0)
    expect(run.out).toContain('更新云函数配置 notify：环境变量')
    expect(run.out).not.toContain('tmpl_ABC')
    expect(cloud.functions.get('notify')!.Environment.Variables).toEqual([
      { Key: 'APP_SECRET', Value: APP_SECRET },
      { Key: 'SUBSCRIBE_TEMPLATE_POLICY', Value: 'tmpl_ABC' },
    ])
  }, 60000)

  it('a failure part-way names the step and what to do; a rerun finishes without redoing the rest', async () => {
    const cloud = new FakeCloud()
    serve(cloud)
    cloud.failOnce = { action: 'CreateFunction', when: (b) => b.FunctionName === 'notify', code: 'LimitExceeded.Function', message: 'function count limit' }
    const first = await setup(cloud)
    expect(first.code).toBe(1)
    expect(first.out).toContain('第 6 步「云函数」失败')
    expect(first.out).toContain('稍等一分钟后重新运行')
    expect(first.out).toContain('重新运行 npm run cloud:setup')
    expect(cloud.functions.has('notify')).toBe(false)
    expect(cloud.functions.has('ledger')).toBe(true)
    cloud.calls = []
    const rerun = await setup(cloud)
    expect(rerun.code).toBe(0)
    expect(cloud.calls.filter((c) => c.action === 'CreateTable')).toEqual([])
    expect(cloud.calls.filter((c) => c.action === 'CreateFunction').map((c) => c.body.FunctionName)).toEqual(expect.arrayContaining(['notify']))
    expect(cloud.calls.filter((c) => c.action === 'CreateFunction').map((c) => c.body.FunctionName)).not.toContain('ledger')
    expect([...cloud.functions.keys()].sort()).toEqual(Object.keys(FUNCTION_DECLARATIONS).sort())
  }, 60000)

  it('wrong credentials: a clear message, exit non-zero, nothing changed, no secret printed', async () => {
    const cloud = new FakeCloud()
    serve(cloud)
    const run = await setup(cloud, { ...SHELL, TCB_SECRET_ID: 'AKIDwrongwrongwrong' })
    expect(run.code).toBe(1)
    expect(run.out).toContain('第 1 步「连接环境」失败')
    expect(run.out).toContain('检查 TCB_SECRET_ID / TCB_SECRET_KEY')
    expect(run.out).toContain('失败前没有做任何改动')
    expect(run.out).not.toContain('AKIDwrongwrongwrong')
    expect(run.out).not.toContain(SECRET_KEY)
    expect(cloud.writes()).toEqual([])
  }, 30000)

  it('an unknown environment says to check TCB_ENV_ID', async () => {
    const cloud = new FakeCloud()
    cloud.envExists = false
    serve(cloud)
    const run = await setup(cloud)
    expect(run.code).toBe(1)
    expect(run.out).toContain(`找不到环境 ${ENV}`)
    expect(cloud.writes()).toEqual([])
  }, 30000)

  it('a missing required variable stops before any call', async () => {
    const cloud = new FakeCloud()
    serve(cloud)
    const { APP_SECRET: _drop, ...shell } = SHELL
    const run = await setup(cloud, shell)
    expect(run.code).toBe(2)
    expect(run.out).toContain('缺少必填配置：APP_SECRET')
    expect(cloud.calls).toEqual([])
  })
})

