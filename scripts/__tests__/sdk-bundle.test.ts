/**
 * `scripts/sdk-bundle.ts` on its own: `@cloudbase/node-sdk` bundled with the plugin (as every
 * function bundle has it, with `cloudbase-sdk-lazy.js` beside it), checked at the HTTP boundary for what the plugin changes. The parts
 * left out say so when called; the packages loaded on first use still work when first used
 * (COS's XML answer after an upload, the metadata probe off the cloud, a custom-login ticket);
 * the SDK's version header comes from the constant, not from a package.json beside the bundle.
 */
import { build } from 'esbuild'
import { generateKeyPairSync, createVerify } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import nock from 'nock'
import { strictNockSuite } from '../../cloudfunctions/_shared/testing/cloud-metadata'
import { BUNDLE_MINIFY, SDK_LAZY, SDK_VERSION, sdkBundlePlugin, writeSdkLazy } from '../sdk-bundle'

const ROOT = resolve(__dirname, '../..')
const OUT = join(ROOT, 'dist', `sdk-bundle-test-${process.pid}`)
const API = 'https://test-env.tcb-api.tencentcloudapi.com'
const COS = 'https://cos.sdk-bundle-test.example'

interface App {
  ai(): unknown
  models: Record<string, unknown>
  mysql(options?: unknown): unknown
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>
  auth(): { createTicket(uid: string): string }
  requestClient: { get: unknown }
}
interface Sdk {
  init(config: Record<string, unknown>): App
  version: string
}

let sdk: Sdk
let inputs: string[]
let lazyBytes: number

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  const result = await build({
    stdin: { contents: "module.exports = require('@cloudbase/node-sdk')", resolveDir: ROOT, loader: 'js' },
    outfile: join(OUT, 'sdk.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    ...BUNDLE_MINIFY,
    metafile: true,
    plugins: [sdkBundlePlugin()],
    logLevel: 'warning',
  })
  inputs = Object.keys(result.metafile.inputs)
  lazyBytes = await writeSdkLazy(OUT)
  sdk = require(join(OUT, 'sdk.js')) as Sdk
}, 60000)

afterAll(() => rmSync(OUT, { recursive: true, force: true }))

strictNockSuite()

describe('the bundled SDK (scripts/sdk-bundle.ts)', () => {
  it('holds none of the SDK parts our calls never reach, and still the ones they do', () => {
    for (const gone of ['@cloudbase/ai/', '@cloudbase/app/', '@cloudbase/adapter-wx_mp/', '@cloudbase/wx-cloud-client-sdk/', 'web-streams-polyfill/']) {
      expect(inputs.filter((i) => i.includes(`node_modules/${gone}`))).toEqual([])
    }
    for (const kept of ['@cloudbase/database/', '@cloudbase/signature-nodejs/', 'bson/', 'agentkeepalive/']) {
      expect(inputs.some((i) => i.includes(`node_modules/${kept}`))).toBe(true)
    }
    // The lazily loaded packages are in the file beside the bundle, not in it.
    for (const lazy of [...SDK_LAZY, 'mime-types', 'sax']) expect(inputs.filter((i) => i.includes(`node_modules/${lazy}/`))).toEqual([])
    expect(lazyBytes).toBeGreaterThan(100_000)
    expect(sdk.version).toBe(SDK_VERSION)
  })

  it('probes the instance metadata off the cloud with axios loaded on first use', async () => {
    // The first init() of this bundle: its SDK has not asked yet (the suite's standing answer is replaced).
    nock.cleanAll()
    const probe = nock('http://metadata.tencentyun.com').get('/latest/meta-data/app-id').reply(200, 'off-cloud')
    sdk.init({ env: 'probe-env', secretId: 'x', secretKey: 'y' })
    await new Promise((r) => setTimeout(r, 200))
    expect(probe.isDone()).toBe(true)
    expect(typeof sdk.init({ env: 'probe-env' }).requestClient.get).toBe('function')
  })

  it('says which part is missing when a left-out one is called, and init() is unaffected', () => {
    const app = sdk.init({ env: 'test-env', secretId: 'x', secretKey: 'y' })
    expect(() => app.ai()).toThrow(/app\.ai\(\) is not in this function bundle/)
    expect(() => app.models.policies).toThrow(/wx-cloud-client-sdk .* is not in this function bundle/)
    expect(() => app.mysql()).toThrow(/wx-cloud-client-sdk .* is not in this function bundle/)
  })

  it('uploads, and reads COS answers with xml2js loaded on first use: an empty body is success, an XML error is surfaced', async () => {
    const app = sdk.init({ env: 'test-env', secretId: 'x', secretKey: 'y' })
    const meta = (path: string) => ({ requestId: 'm', data: { url: `${COS}/${path}`, token: 't', authorization: 'a', fileId: `cloud://test-env.b/${path}`, cosFileId: 'c' } })
    const sent: { ua?: unknown }[] = []
    nock(API)
      .post('/admin', (b: Record<string, unknown>) => b.action === 'storage.getUploadMetadata')
      .query(true)
      .twice()
      .reply(200, function (_uri, body) {
        sent.push({ ua: this.req.headers['user-agent'] })
        return meta((body as { path: string }).path)
      })
    nock(COS).put('/exports/a.xlsx').reply(200, '')
    nock(COS)
      .put('/exports/b.xlsx')
      .reply(403, "<?xml version='1.0' encoding='utf-8' ?><Error><Code>AccessDenied</Code><Message>denied</Message><RequestId>q</RequestId><TraceId>t</TraceId></Error>")
    expect(await app.uploadFile({ cloudPath: 'exports/a.xlsx', fileContent: Buffer.from('x') })).toMatchObject({ fileID: 'cloud://test-env.b/exports/a.xlsx' })
    await expect(app.uploadFile({ cloudPath: 'exports/b.xlsx', fileContent: Buffer.from('x') })).rejects.toMatchObject({ message: expect.stringContaining('[AccessDenied]: denied') })
    expect(sent.map((s) => s.ua)).toEqual([`tcb-node-sdk/${SDK_VERSION}`, `tcb-node-sdk/${SDK_VERSION}`])
  })

  it('signs a custom-login ticket with jsonwebtoken loaded on first use', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const app = sdk.init({ env: 'test-env', credentials: { env_id: 'test-env', private_key_id: 'key-1', private_key: pem } })
    const ticket = app.auth().createTicket('resident-1')
    const [keyId, jwt] = ticket.split('/@@/')
    expect(keyId).toBe('key-1')
    const [head, payload, signature] = jwt.split('.')
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ uid: 'resident-1', env: 'test-env' })
    expect(createVerify('RSA-SHA256').update(`${head}.${payload}`).verify(publicKey, Buffer.from(signature, 'base64url'))).toBe(true)
  })

})
