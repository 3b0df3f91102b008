/**
 * The Tencent Cloud side of `cloud:setup`, `cloud:admin` and `cloud:smoke`: credentials from the
 * deployer's shell (never written, never printed), one `@cloudbase/manager-node` client, and
 * the failures a deployer meets turned into what to fix.
 *
 * Every API call goes through manager-node's signed request (TC3-HMAC-SHA256) to
 * `tcb.tencentcloudapi.com` (environment, collections, indexes, rules) and
 * `scf.tencentcloudapi.com` (functions); the tests stand nock in for those hosts.
 */
import CloudBase from '@cloudbase/manager-node'
import { init } from '@cloudbase/node-sdk'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openCloudbaseStore, type CloudbaseDb } from '../../cloudfunctions/_shared/store/cloudbase/adapter'
import type { Store } from '../../cloudfunctions/_shared/store/port'

export interface Credentials {
  envId: string
  secretId: string
  secretKey: string
}

export const CREDENTIAL_VARS = ['TCB_ENV_ID', 'TCB_SECRET_ID', 'TCB_SECRET_KEY'] as const

/** The credentials in the shell, or the names of the missing ones. */
export function readCredentials(env: Record<string, string | undefined>): { ok: true; credentials: Credentials } | { ok: false; missing: string[] } {
  const missing = CREDENTIAL_VARS.filter((k) => !(env[k] ?? '').trim())
  if (missing.length) return { ok: false, missing }
  return { ok: true, credentials: { envId: env.TCB_ENV_ID!.trim(), secretId: env.TCB_SECRET_ID!.trim(), secretKey: env.TCB_SECRET_KEY!.trim() } }
}

export function missingCredentialsMessage(missing: readonly string[]): string {
  return [
    `缺少腾讯云凭据：${missing.join('、')}`,
    '在运行本命令的终端里设置（不要写进文件）：',
    '  export TCB_ENV_ID=<云开发环境 ID>        # 云开发控制台 → 环境总览',
    '  export TCB_SECRET_ID=<SecretId>  TCB_SECRET_KEY=<SecretKey>   # 腾讯云控制台 → 访问管理 → API 密钥',
  ].join('\n')
}

/** The manager-node error shape (`CloudBaseError`): `code` is Tencent Cloud's error code. */
interface ApiFailure {
  code?: string
  message?: string
  requestId?: string
}

/** A failed call in the words of someone who has to fix it. */
export function explainFailure(err: unknown, credentials: Credentials): string {
  const e = (err ?? {}) as ApiFailure
  const code = typeof e.code === 'string' ? e.code : ''
  const raw = scrub(String(e.message ?? err), credentials)
  const rid = e.requestId ? `（RequestId ${e.requestId}）` : ''
  if (/^AuthFailure\.(SecretIdNotFound|SignatureFailure|InvalidSecretId|SignatureExpire|TokenFailure)/.test(code) || /^AuthFailure/.test(code)) {
    return `腾讯云拒绝了这组密钥（${code}）：检查 TCB_SECRET_ID / TCB_SECRET_KEY 是否抄全、是否已停用，以及本机时间是否准确。${rid}`
  }
  if (/^(UnauthorizedOperation|AuthFailure\.UnauthorizedOperation|OperationDenied)/.test(code)) {
    return `这组密钥没有操作云开发的权限（${code}）：在 访问管理 → 用户 给该子账号授予 QcloudTCBFullAccess 与 QcloudSCFFullAccess。${rid}`
  }
  if (/^ResourceNotFound/.test(code) || /Environment .* not found/i.test(raw)) {
    return `找不到环境 ${credentials.envId}（${code || '环境不存在'}）：核对 TCB_ENV_ID，并确认该环境属于这组密钥所在的腾讯云账号。${rid}`
  }
  if (/^(LimitExceeded|RequestLimitExceeded)/.test(code)) {
    return `调用太频繁或超出配额（${code}）：稍等一分钟后重新运行。${rid}`
  }
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|ECONNRESET|EAI_AGAIN|network|socket hang up/i.test(raw) && !code.includes('.')) {
    return `连不上腾讯云 API：检查本机网络或代理（http_proxy）后重新运行。${raw ? `（${raw}）` : ''}`
  }
  return `${code ? `${code}：` : ''}${raw}${rid}`
}

/** Never lets a secret reach the terminal, even inside an upstream message. */
export function scrub(text: string, credentials: Credentials): string {
  let out = text
  for (const secret of [credentials.secretKey, credentials.secretId]) {
    if (secret) out = out.split(secret).join('***')
  }
  return out
}

/** One Tencent Cloud API call (service, action, parameters) through manager-node. */
export type CallApi = (service: 'tcb' | 'scf', action: string, params: Record<string, unknown>) => Promise<Record<string, unknown>>

export interface TencentClient {
  app: CloudBase
  call: CallApi
}

export function tencentClient(credentials: Credentials): TencentClient {
  const app = new CloudBase({ envId: credentials.envId, secretId: credentials.secretId, secretKey: credentials.secretKey })
  const call: CallApi = async (service, action, params) =>
    (await app.commonService(service).call({ Action: action, Param: params })) as Record<string, unknown>
  return { app, call }
}

/** The environment's database through the server SDK, authenticated with the deployer's key. */
export function deployerStore(credentials: Credentials): Store<Collections> {
  const db = init({ env: credentials.envId, secretId: credentials.secretId, secretKey: credentials.secretKey }).database() as unknown as CloudbaseDb
  return openCloudbaseStore<Collections>(db)
}
