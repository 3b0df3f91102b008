/**
 * The CloudBase composition root (`runtime/cloudbase-root.ts`): the caller's OPENID comes only
 * from the platform's function context, never from the event body, and the SDK is initialised
 * lazily, once per warm instance. (Kept beside the adapter's tests; it belongs to the runtime.)
 */
import type { CloudbaseDb } from '../adapter'
import {
  type CloudbaseSdk,
  createCloudbaseRoot,
  openidFromContext,
  realCloudbaseSdk,
} from '../../../runtime/cloudbase-root'

const OPENID = 'oAbCd1234567890_efGHIJ-klmno'

/** An SCF context as CloudBase passes it: per-invocation variables in `environment` (JSON). */
const scfContext = (environment: Record<string, string>) => ({
  memory_limit_in_mb: 256,
  time_limit_in_ms: 3000,
  request_id: 'req-1',
  function_version: '$LATEST',
  function_name: 'policy',
  namespace: 'test-env',
  environment: JSON.stringify(environment),
})

/** Whatever a client may put in the body: none of it may become the caller. */
const forgedEvent = {
  action: 'policy.list',
  openid: 'oFORGEDforgedFORGEDforged123',
  OPENID: 'oFORGEDforgedFORGEDforged123',
  userInfo: { openId: 'oFORGEDforgedFORGEDforged123', appId: 'wx-forged' },
  data: { openid: 'oFORGEDforgedFORGEDforged123', WX_OPENID: 'oFORGEDforgedFORGEDforged123' },
}

const root = createCloudbaseRoot(realCloudbaseSdk)

describe('identity', () => {
  const saved = { ...process.env }
  afterEach(() => {
    for (const key of ['WX_OPENID', 'WX_CONTEXT_KEYS']) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  })

  it('reads WX_OPENID from the function context', async () => {
    const context = scfContext({ WX_OPENID: OPENID, WX_APPID: 'wx123', TCB_ENV: 'test-env' })
    expect(openidFromContext(context)).toBe(OPENID)
    expect(await root().identity({ action: 'x' }, context)).toEqual({ openid: OPENID })
  })

  it('also reads the older `environ` form of the context', async () => {
    const context = { ...scfContext({}), environment: undefined, environ: `WX_OPENID=${OPENID};WX_APPID=wx123` }
    expect(await root().identity({}, context)).toEqual({ openid: OPENID })
  })

  it('ignores an openid or userInfo in the event body when the context has the real one', async () => {
    const context = scfContext({ WX_OPENID: OPENID })
    expect(await root().identity(forgedEvent, context)).toEqual({ openid: OPENID })
  })

  it('ignores an openid or userInfo in the event body when the context has none (timer, console)', async () => {
    delete process.env.WX_OPENID
    expect(await root().identity(forgedEvent, scfContext({ TCB_ENV: 'test-env' }))).toBeNull()
    expect(await root().identity(forgedEvent, {})).toBeNull()
    expect(await root().identity(forgedEvent, undefined)).toBeNull()
  })

  it('falls back to the process environment the platform sets when the context carries no variables', async () => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
    process.env.WX_OPENID = OPENID
    expect(await root().identity(forgedEvent, {})).toEqual({ openid: OPENID })
  })

  it('never lends a context without an OPENID one left in the process environment', async () => {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
    process.env.WX_OPENID = OPENID
    expect(await root().identity(forgedEvent, scfContext({ TCB_ENV: 'test-env', WX_CONTEXT_KEYS: 'WX_OPENID' }))).toBeNull()
  })

  it('refuses a malformed openid rather than passing it on', async () => {
    for (const bad of ['', 'a b', '{"$ne":null}', 'x'.repeat(200)]) {
      expect(await root().identity({}, scfContext({ WX_OPENID: bad }))).toBeNull()
    }
  })
})

describe('store wiring', () => {
  it('initialises the SDK on the first store() call only and reuses the store', () => {
    // Opening a store makes no call, so an empty stand-in database is enough here.
    const fakeDb = {} as CloudbaseDb
    const openDatabase = jest.fn((): CloudbaseDb => fakeDb)
    const sdk: CloudbaseSdk = { openDatabase, contextVariables: () => ({}) }
    const makeRoot = createCloudbaseRoot(sdk)
    const first = makeRoot()
    expect(openDatabase).not.toHaveBeenCalled()
    const a = first.store({})
    const b = makeRoot().store({})
    expect(a).toBe(b)
    expect(openDatabase).toHaveBeenCalledTimes(1)
  })

  it('does not touch the SDK when the module loads, and inits with the current env on first use', async () => {
    const init = jest.fn(() => ({ database: () => ({}) }))
    await jest.isolateModulesAsync(async () => {
      jest.doMock('@cloudbase/node-sdk', () => ({ ...jest.requireActual('@cloudbase/node-sdk'), init }))
      const sdk: typeof import('@cloudbase/node-sdk') = await import('@cloudbase/node-sdk')
      const mod: typeof import('../../../runtime/cloudbase-root') = await import('../../../runtime/cloudbase-root')
      expect(init).not.toHaveBeenCalled()
      const s1 = mod.cloudbaseRoot().store({})
      const s2 = mod.cloudbaseRoot().store({})
      expect(s1).toBe(s2)
      expect(init).toHaveBeenCalledTimes(1)
      expect(init).toHaveBeenCalledWith({ env: sdk.SYMBOL_CURRENT_ENV })
    })
  })
})
