import { resolve } from 'node:path'

/** The accept queue the runtime asks for (`app.listen` in index.ts); the kernel caps it at net.core.somaxconn. */
export const LISTEN_BACKLOG = 4096

/** The local runtime's settings, read and checked once at start-up. */
export interface ServerEnv {
  port: number
  host: string
  dataDir: string
  /** Hex or base64 secret for signing tokens; generated into DATA_DIR when unset. */
  authSecret: string | null
  /** Master secret for the actions' keyring (keyed hashes, field encryption); generated when unset. */
  appSecret: string | null
  /** Skip building the H5 app when it is missing (API-only runs). */
  skipH5Build: boolean
  /** Seeded staff must change the demo password at first sign-in (DEMO_FORCE_PASSWORD_CHANGE=0 turns it off). */
  forcePasswordChange: boolean
  /** Seed the demo policies, events, surveys, projects, cases and accounts (DEMO_DATA=0: only the org tree and `admin`). */
  demoData: boolean
  /** New anonymous resident sessions per client address per minute (RESIDENT_SESSIONS_PER_MINUTE, default 60). */
  residentSessionsPerMinute: number
  /** Staff sign-in attempts per client address per minute (STAFF_SIGNINS_PER_MINUTE, default 30). */
  staffSignInsPerMinute: number
  /** Take the client address from X-Forwarded-For (TRUST_PROXY=1, only behind a proxy you run). */
  trustProxy: boolean
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${env.PORT}`)
  const secret = env.AUTH_SECRET ?? null
  if (secret !== null && secret.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters')
  const appSecret = env.APP_SECRET ?? null
  if (appSecret !== null && appSecret.length < 32) throw new Error('APP_SECRET must be at least 32 characters')
  const sessions = Number(env.RESIDENT_SESSIONS_PER_MINUTE ?? 60)
  if (!Number.isInteger(sessions) || sessions < 1) throw new Error(`RESIDENT_SESSIONS_PER_MINUTE must be a positive integer, got ${env.RESIDENT_SESSIONS_PER_MINUTE}`)
  const signIns = Number(env.STAFF_SIGNINS_PER_MINUTE ?? 30)
  if (!Number.isInteger(signIns) || signIns < 1) throw new Error(`STAFF_SIGNINS_PER_MINUTE must be a positive integer, got ${env.STAFF_SIGNINS_PER_MINUTE}`)
  return {
    appSecret,
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    authSecret: secret,
    skipH5Build: env.SKIP_H5_BUILD === '1',
    forcePasswordChange: env.DEMO_FORCE_PASSWORD_CHANGE !== '0',
    demoData: env.DEMO_DATA !== '0',
    residentSessionsPerMinute: sessions,
    staffSignInsPerMinute: signIns,
    trustProxy: env.TRUST_PROXY === '1',
  }
}
