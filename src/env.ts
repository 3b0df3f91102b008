/**
 * Build-time settings, read once and checked when the app starts so a bad value fails at
 * launch with a clear message rather than on the first request. (Plain checks, no schema
 * library: this file is on the first screen's critical path.)
 */
export interface AppEnv {
  /** CloudBase environment id (weapp). Empty = the mini-program's default environment. */
  cloudEnv: string
  /** Local runtime API base (H5): '' for same origin, an http(s) URL or a '/path' prefix; no trailing slash. */
  apiBase: string
}

const CLOUD_ENV = /^(|[A-Za-z0-9][A-Za-z0-9_-]{1,63})$/
const API_BASE = /^(|https?:\/\/[^\s/]+(\/\S*)?|\/\S*)$/

/** Validates raw values; throws an Error naming every bad setting. */
export function parseEnv(raw: { cloudEnv?: string; apiBase?: string }): AppEnv {
  const cloudEnv = (raw.cloudEnv ?? '').trim()
  const apiBase = (raw.apiBase ?? '').trim()
  const problems: string[] = []
  if (!CLOUD_ENV.test(cloudEnv)) problems.push('TARO_APP_CLOUD_ENV must be a CloudBase env id like "prod-1a2b3c"')
  if (!API_BASE.test(apiBase)) problems.push('TARO_APP_API_BASE must be empty, an http(s) URL or a path starting with "/"')
  if (problems.length) throw new Error(`Invalid app configuration: ${problems.join('; ')}`)
  return { cloudEnv, apiBase: apiBase.replace(/\/+$/, '') }
}

// Each key is written out in full: Taro's DefinePlugin replaces only these exact expressions.
export const env: AppEnv = parseEnv({
  cloudEnv: process.env.TARO_APP_CLOUD_ENV,
  apiBase: process.env.TARO_APP_API_BASE,
})
