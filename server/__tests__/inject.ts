import type { FastifyInstance } from 'fastify'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { makeKeyring } from '../../cloudfunctions/_shared/runtime/keyring'
import { type AppOptions, buildApp } from '../app'
import { seedDemo } from '../seed'

/** The local runtime's HTTP calls as tests make them, through `app.inject`. */
export function injectors(app: () => FastifyInstance) {
  return {
    login: (username: string, password: string) => app().inject({ method: 'POST', url: '/api/auth/staff', payload: { username, password } }),
    fn: (token: string, name: string, action: string, data: unknown = {}) =>
      app().inject({ method: 'POST', url: `/api/fn/${name}`, headers: { authorization: `Bearer ${token}` }, payload: { action, data } }),
    changePassword: (token: string, oldPassword: string, newPassword: string) =>
      app().inject({ method: 'POST', url: '/api/auth/password', headers: { authorization: `Bearer ${token}` }, payload: { oldPassword, newPassword } }),
  }
}

/**
 * The local runtime over an in-memory store seeded with the demo (passwords usable at once) at
 * `seededAt`, for the test file that calls it: seeded and built before its tests, closed after.
 * `options` are the app's, but the store and, unless given, the keyring.
 */
export function demoRuntime(seededAt: Date, options: Omit<AppOptions, 'store' | 'keyring'> & Partial<Pick<AppOptions, 'keyring'>>) {
  const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
  let built: FastifyInstance | null = null
  const app = (): FastifyInstance => {
    if (!built) throw new Error('the runtime is built in beforeAll')
    return built
  }
  beforeAll(async () => {
    await seedDemo(store, seededAt, { forcePasswordChange: false })
    built = buildApp({ store, keyring: makeKeyring(Buffer.from('k'.repeat(32))), ...options })
    await built.ready()
  })
  afterAll(async () => {
    await built?.close()
    await store.close()
  })
  return { store, app, ...injectors(app) }
}
