/**
 * `npm run cloud:smoke` at manager-node's HTTP boundary: nock answers `scf Invoke` by running
 * the real built bundle of the function named (what SCF would run), so a bundle that does not
 * load, route or refuse an identity-less caller fails the smoke.
 */
import { FUNCTION_DECLARATIONS } from '../../cloudfunctions/_shared/deploy/functions'
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import nock from 'nock'
import { nockSuite } from '../../cloudfunctions/_shared/testing/cloud-metadata'
import { loadBundle } from './support/load-bundle'
import { buildFunctions } from '../build-functions'
import { runCloudSmoke } from '../cloud-smoke'

const ROOT = resolve(__dirname, '../..')
const OUT = join(ROOT, 'dist', `functions-smoke-${process.pid}`)
const ENV = 'env-smoke-1'
const SHELL = { TCB_ENV_ID: ENV, TCB_SECRET_ID: 'AKIDsmokeSmokeSmoke', TCB_SECRET_KEY: 'smoke-secret-key-never-printed' }

type Main = (event: unknown, context: unknown) => Promise<unknown>

function serve(options: { broken?: string } = {}) {
  const invoked: string[] = []
  nock('https://tcb.tencentcloudapi.com')
    .persist()
    .post('/')
    .reply(200, () => ({ Response: { EnvInfo: { EnvBaseInfo: { EnvId: ENV, Databases: [{ InstanceId: 'db' }], Functions: [{ Namespace: ENV }] } }, RequestId: 'r' } }))
  nock('https://scf.tencentcloudapi.com')
    .persist()
    .post('/')
    .reply(async function (_uri, body) {
      const b = body as { FunctionName: string; ClientContext: string }
      expect(this.req.headers['x-tc-action']).toBe('Invoke')
      invoked.push(b.FunctionName)
      const event = JSON.parse(b.ClientContext) as Record<string, unknown>
      if (b.FunctionName === options.broken) {
        return [200, { Response: { Result: { InvokeResult: 1, ErrMsg: 'Cannot find module \'@cloudbase/node-sdk\'', RetMsg: '', Duration: 3 }, RequestId: 'r' } }]
      }
      let ret: unknown
      if (event.Type === 'Timer') {
        // The timer job needs the environment's database, which only the cloud has: answered as a healthy run.
        ret = { ok: true, data: { resumed: 0, finished: 0 } }
      } else {
        const { main } = loadBundle<{ main: Main }>(join(OUT, b.FunctionName, 'index.js'))
        // SCF's context carries no WX_OPENID for an API invocation.
        ret = await main(event, { request_id: 'r', environment: '{}' })
      }
      return [200, { Response: { Result: { InvokeResult: 0, RetMsg: JSON.stringify(ret), Duration: 12, MemUsage: 30 * 1048576 }, RequestId: 'r' } }]
    })
  return invoked
}

nockSuite()
beforeAll(async () => {
  await buildFunctions(OUT)
}, 120000)
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true })
})

describe('npm run cloud:smoke', () => {
  it('without credentials is skipped, saying why', async () => {
    const run = await runCloudSmoke({})
    expect(run.code).toBe(0)
    expect(run.out).toContain('跳过 cloud:smoke')
    expect(run.out).toContain('TCB_ENV_ID')
  })

  it('passes when every deployed function loads, routes, refuses a caller without a WeChat identity, and a timer reads the database', async () => {
    const invoked = serve()
    const run = await runCloudSmoke(SHELL)
    expect(run.out).toContain('全部通过')
    expect(run.code).toBe(0)
    expect(new Set(invoked).size).toBe(Object.keys(FUNCTION_DECLARATIONS).length)
    expect(run.out).not.toContain(SHELL.TCB_SECRET_KEY)
  }, 60000)

  it('fails, naming the function, when one does not load', async () => {
    serve({ broken: 'ledger' })
    const run = await runCloudSmoke(SHELL)
    expect(run.code).toBe(1)
    expect(run.out).toMatch(/ledger\s+路由\s+失败：期望 UNKNOWN_ACTION，得到 函数出错 Cannot find module/)
    expect(run.out).toContain('2 项未通过')
  }, 60000)
})
