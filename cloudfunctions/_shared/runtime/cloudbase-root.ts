/**
 * The production composition root of a CloudBase function: the CloudBase store and the
 * caller's WeChat OPENID, both taken from the platform, never from the request.
 */
import { getCloudbaseContext, init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk'
import type { Collections } from '../store/collections'
import { type CloudbaseDb, openCloudbaseStore } from '../store/cloudbase/adapter'
import type { Store } from '../store/port'
import type { MainRoot } from './make-main'
import { type Keyring, keyringFromEnv, lazyKeyring } from './keyring'

/** The parts of `@cloudbase/node-sdk` the root uses; a test can pass its own. */
export interface CloudbaseSdk {
  /** `tcb.init(config).database()`. */
  openDatabase: () => CloudbaseDb
  /** The platform's per-invocation variables for `context` (see `readContextVariables`). */
  contextVariables: (context: unknown) => Record<string, unknown>
}

/**
 * The per-invocation variables CloudBase passes in the function context: `environment` (a JSON
 * object, current runtimes) or `environ` (`K=V;K=V`, older ones), parsed as the SDK's own
 * `parseContext` does. Null when the context carries neither.
 */
function variablesInContext(context: unknown): Record<string, unknown> | null {
  if (context === null || typeof context !== 'object') return null
  const { environment, environ } = context as { environment?: unknown; environ?: unknown }
  if (typeof environment === 'string' && environment !== '') {
    try {
      const parsed: unknown = JSON.parse(environment)
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
    } catch {
      return {}
    }
  }
  if (typeof environ === 'string') {
    const vars: Record<string, unknown> = {}
    for (const pair of environ.split(';')) {
      const eq = pair.indexOf('=')
      if (eq > 0) vars[pair.slice(0, eq)] = pair.slice(eq + 1)
    }
    return vars
  }
  return null
}

/**
 * Only what the platform sets is read. When the context carries this invocation's variables
 * they are used alone: merging in `process.env`, as `getCloudbaseContext(context)` does, could
 * lend a timer-triggered call the OPENID a previous invocation left in the environment. Without
 * them (older runtimes put everything in the environment), `getCloudbaseContext()` reads the
 * `WX_CONTEXT_KEYS` variables from `process.env`.
 */
function readContextVariables(context: unknown): Record<string, unknown> {
  const own = variablesInContext(context)
  if (own) return own
  try {
    const vars: unknown = getCloudbaseContext()
    return vars && typeof vars === 'object' ? (vars as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** The real SDK. `init` runs only when `openDatabase` is first called. */
export const realCloudbaseSdk: CloudbaseSdk = {
  // SYMBOL_CURRENT_ENV: the environment the function is deployed in; credentials come from
  // the function's own role, so nothing secret is configured here.
  openDatabase: () => init({ env: SYMBOL_CURRENT_ENV }).database(),
  contextVariables: readContextVariables,
}

/** A WeChat OPENID is 28 URL-safe characters today; accept a little more, nothing odd. */
const OPENID = /^[A-Za-z0-9_-]{6,64}$/

/**
 * The caller's OPENID from the trusted function context (`WX_OPENID`, which CloudBase injects
 * when a mini-program calls the function), or null for any other caller (timer, console,
 * another function). The event body is not an argument on purpose: `openid`, `userInfo` or
 * anything else identity-like in it is just input.
 */
export function openidFromContext(context: unknown, sdk: CloudbaseSdk = realCloudbaseSdk): string | null {
  const openid = sdk.contextVariables(context).WX_OPENID
  return typeof openid === 'string' && OPENID.test(openid) ? openid : null
}

/**
 * Builds a root over `sdk`. The SDK is initialised on the first `store()` call, inside an
 * invocation (where the platform's environment is in place), and the store is kept for the
 * warm instance's later invocations.
 */
export function createCloudbaseRoot(sdk: CloudbaseSdk): () => MainRoot {
  let store: Store<Collections> | null = null
  let keyring: Keyring | null = null
  const root: MainRoot = {
    store: () => {
      store ??= openCloudbaseStore<Collections>(sdk.openDatabase())
      return store
    },
    identity: async (_event, context) => {
      const openid = openidFromContext(context, sdk)
      return openid ? { openid } : null
    },
    // Configured as the function's environment variable APP_SECRET, read on first use.
    keyring: () => (keyring ??= lazyKeyring(() => keyringFromEnv())),
  }
  return () => root
}

let productionRoot: (() => MainRoot) | null = null

/**
 * The production root for `makeMain(actions, cloudbaseRoot)`. Called once per invocation;
 * cheap, and it shares one store across a warm instance's invocations.
 */
export function cloudbaseRoot(): MainRoot {
  productionRoot ??= createCloudbaseRoot(realCloudbaseSdk)
  return productionRoot()
}
