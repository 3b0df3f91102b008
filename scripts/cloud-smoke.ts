/**
 * `npm run cloud:smoke`: after a deploy, invokes every function in the live environment (SCF
 * `Invoke` through manager-node) and checks that it is there, loads, routes and refuses a
 * caller without a WeChat identity, then runs one timer job that reads the database with the
 * function's own role. Without credentials it is skipped, saying why (exit 0).
 *
 * What it cannot do from a terminal: call as a resident or as the administrator. The OPENID
 * reaches a function only from WeChat's own context (by design: nothing in a request can claim
 * one), so those calls are the 体验版 checklist in README (上线到云开发 → 上线后自检).
 */
import { FUNCTION_DECLARATIONS } from '../cloudfunctions/_shared/deploy/functions'
import { FUNCTIONS } from '../server/functions'
import { type Credentials, explainFailure, readCredentials, scrub, tencentClient } from './cloud/tencent'

export interface SmokeRun {
  code: number
  out: string
}

interface InvokeResult {
  RetMsg?: string
  ErrMsg?: string
  InvokeResult?: number
  Duration?: number
  MemUsage?: number
}

type Invoke = (name: string, event: Record<string, unknown>) => Promise<InvokeResult>

/** One check: what was sent, and what answer means the function is healthy. */
interface Check {
  fn: string
  what: string
  event: Record<string, unknown>
  expect: (reply: { ok?: boolean; error?: { code?: string }; data?: unknown }) => boolean
  want: string
}

export function smokeChecks(): Check[] {
  const checks: Check[] = []
  for (const fn of Object.keys(FUNCTION_DECLARATIONS)) {
    checks.push({ fn, what: '路由', event: { action: '__smoke__', data: {} }, expect: (r) => r.ok === false && r.error?.code === 'UNKNOWN_ACTION', want: 'UNKNOWN_ACTION' })
    const action = Object.keys(FUNCTIONS[fn] ?? {})[0]
    // No OPENID in the context: refused, never a default identity, whatever the body claims.
    checks.push({ fn, what: `${action}（无微信身份）`, event: { action, data: {}, userInfo: { openId: 'smoke-forged' } }, expect: (r) => r.ok === false && r.error?.code === 'UNAUTHENTICATED', want: 'UNAUTHENTICATED' })
  }
  // A timer job reads the `jobs` collection with the function's own role: the database is reachable.
  checks.push({ fn: 'indices', what: '定时任务 resumeJobs（读数据库）', event: { Type: 'Timer', TriggerName: 'resumeJobs', Time: new Date().toISOString() }, expect: (r) => r.ok === true, want: 'ok' })
  return checks
}

export async function runCloudSmoke(env: Record<string, string | undefined>, deps: { invoke?: (c: Credentials) => Invoke } = {}): Promise<SmokeRun> {
  const creds = readCredentials(env)
  if (!creds.ok) {
    return { code: 0, out: `跳过 cloud:smoke：没有 ${creds.missing.join('、')}（它要调用线上环境；在终端里设置 TCB_ENV_ID / TCB_SECRET_ID / TCB_SECRET_KEY 后再运行）` }
  }
  const credentials = creds.credentials
  const invoke =
    deps.invoke?.(credentials) ??
    ((): Invoke => {
      const { app } = tencentClient(credentials)
      return async (name, event) => (await app.functions.invokeFunction(name, event)) as InvokeResult
    })()
  const lines: string[] = []
  let failed = 0
  for (const check of smokeChecks()) {
    let verdict: string
    try {
      const res = await invoke(check.fn, check.event)
      let reply: Parameters<Check['expect']>[0] = {}
      try {
        reply = JSON.parse(res.RetMsg ?? 'null') ?? {}
      } catch {
        reply = {}
      }
      const good = res.InvokeResult === 0 && check.expect(reply)
      verdict = good
        ? `通过 ${res.Duration ?? '?'} ms ${res.MemUsage ? `${Math.round(res.MemUsage / 1048576)} MB` : ''}`.trim()
        : `失败：期望 ${check.want}，得到 ${res.InvokeResult === 0 ? JSON.stringify(reply).slice(0, 160) : `函数出错 ${res.ErrMsg ?? res.RetMsg ?? ''}`.slice(0, 200)}`
      if (!good) failed++
    } catch (err) {
      failed++
      verdict = `失败：${explainFailure(err, credentials)}`
    }
    lines.push(`${check.fn.padEnd(12)} ${check.what.padEnd(28)} ${verdict}`)
  }
  lines.push(failed ? `${failed} 项未通过：先看失败的函数日志（云开发控制台 → 云函数 → 日志），修好后重新 npm run cloud:setup。` : '全部通过。以居民与管理员身份的检查见 README“上线后自检”（须在微信里进行）。')
  return { code: failed ? 1 : 0, out: scrub(lines.join('\n'), credentials) }
}

if (require.main === module) {
  void runCloudSmoke(process.env).then((run) => {
    ;(run.code === 0 ? process.stdout : process.stderr).write(`${run.out}\n`)
    process.exitCode = run.code
  })
}
