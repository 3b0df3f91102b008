import type * as v from 'valibot'
import type { FieldError } from '@shared/contracts/common'
import type { ErrorCode } from '@shared/contracts/errors'
// The one exemption from "the client never imports server code": a type-only import, which
// Babel (Taro's TypeScript loader) erases, so no server code reaches a bundle (eslint.config.mjs
// allows exactly this import here, and only as `import type`).
import type { Functions } from '../../../server/functions'

/**
 * Every cloud function the client calls and its actions, straight from the action
 * declarations (`server/functions.ts` → each function's `actions/index.ts` → `defineAction`):
 * a call's input type is the action's `input` schema's, its output type what the action's
 * `run` returns. Adding an action to a function's map makes it callable here, typed.
 */
export type FunctionName = keyof Functions
export type ActionName<F extends FunctionName> = keyof Functions[F] & string
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Functions[F][A] extends { input: infer S extends v.GenericSchema }
  ? v.InferInput<S>
  : never
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Functions[F][A] extends { run(...args: never[]): Promise<infer O> }
  ? O
  : never

/** A typed call of one action of one cloud function. */
export type Call = <F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionInput<F, A>,
) => Promise<ActionOutput<F, A>>

/** What every transport returns: the action's envelope. */
export type Envelope =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: string; message: string; fields?: FieldError[]; retryAfter?: number } }

/** Error codes the UI reacts to. Servers may send others; they are shown by message. */
/** Codes a server answers with: the shared vocabulary, by the names pages use. */
const SHARED_CODES = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  /** The server's input check failed; `fields` says which field and why. */
  validation: 'VALIDATION',
  /** One caller made too many calls; `retryAfter` says how many seconds to wait. */
  rateLimited: 'RATE_LIMITED',
  /** The server is busy (too many new sessions or sign-ins at once). */
  tooManyRequests: 'TOO_MANY_REQUESTS',
  /** The server failed unexpectedly. */
  internal: 'INTERNAL',
} as const satisfies Record<string, ErrorCode>

export const ErrorCodes = {
  ...SHARED_CODES,
  /** Client side: the request never got an answer. */
  network: 'NETWORK',
  /** Client side: the answer was not an envelope. */
  badResponse: 'BAD_RESPONSE',
  /** Client side: the platform cannot do this (e.g. password sign-in inside WeChat). */
  unsupported: 'UNSUPPORTED',
  /** WeChat: the function ran and failed (threw); trying again later may help. */
  serverFault: 'SERVER_FAULT',
  /** WeChat: the function cannot be reached as deployed (missing, wrong environment, no permission); only staff can fix it. */
  unavailable: 'SERVICE_UNAVAILABLE',
} as const

/** A failed call, whichever transport made it. `fields` carries per-field messages (dotted paths). */
export class ApiError extends Error {
  readonly code: string
  readonly fields: FieldError[]
  /** HTTP status when the transport has one. */
  readonly status?: number
  /** Seconds to wait before trying again, when the server said (RATE_LIMITED). */
  readonly retryAfter?: number

  constructor(code: string, message: string, fields: FieldError[] = [], status?: number, retryAfter?: number) {
    super(message)
    // Keeps `instanceof` working when classes are compiled down to ES5.
    Object.setPrototypeOf(this, ApiError.prototype)
    this.name = 'ApiError'
    this.code = code
    this.fields = fields
    this.status = status
    this.retryAfter = retryAfter
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

function isFieldError(x: unknown): x is FieldError {
  return typeof x === 'object' && x !== null && typeof (x as FieldError).path === 'string' && typeof (x as FieldError).message === 'string'
}

/** Unwraps an action envelope: its data, or an ApiError carrying code, message and fields. */
export function unwrapEnvelope(raw: unknown, status?: number): unknown {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    const env = raw as Envelope
    if (env.ok === true) return env.data
    if (env.ok === false && typeof env.error === 'object' && env.error !== null) {
      const fields = Array.isArray(env.error.fields) ? env.error.fields.filter(isFieldError) : []
      const wait = env.error.retryAfter
      const retryAfter = typeof wait === 'number' && Number.isFinite(wait) && wait > 0 ? Math.ceil(wait) : undefined
      return throwError(new ApiError(String(env.error.code || 'ERROR'), String(env.error.message || ''), fields, status, retryAfter))
    }
  }
  return throwError(new ApiError(ErrorCodes.badResponse, '服务暂时不可用，请稍后再试', [], status))
}

function throwError(e: ApiError): never {
  throw e
}

/** Builds the typed `call` over a transport that sends `{ action, data }` to a function. */
export function makeCall(send: (fn: FunctionName, action: string, data: unknown) => Promise<unknown>): Call {
  return <F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, data: ActionInput<F, A>) =>
    send(fn, action, data) as Promise<ActionOutput<F, A>>
}

/**
 * What kind of failure a call met, as the person using the app needs to know it:
 * - `network`: the request got no answer (or the answer came too late): check the network, retry;
 * - `permission`: not signed in, not allowed, or the app cannot reach the service as deployed:
 *   sign in again or ask the community staff; retrying changes nothing;
 * - `validation`: something typed in is wrong: the field's message says what; retrying changes nothing;
 * - `rateLimited`: too many calls in a short time: wait the given seconds, then retry;
 * - `server`: the service failed: try again later;
 * - `refused`: the server said no on purpose (not found, already done, changed meanwhile) in its
 *   own words; retrying gives the same answer.
 */
export type ErrorKind = 'network' | 'permission' | 'validation' | 'rateLimited' | 'server' | 'refused'

/** A failure as the UI shows it. */
export interface ErrorView {
  kind: ErrorKind
  /** What happened and what to do next, in plain words. */
  message: string
  /** Whether offering 重试 can help. */
  retryable: boolean
  /** Seconds to wait first (rate-limited). */
  retryAfter?: number
}

const STAFF_HELP = '如有疑问，请联系社区工作人员'
const PERMISSION_CODES = new Set<string>([ErrorCodes.unauthenticated, ErrorCodes.forbidden, ErrorCodes.unavailable, 'PASSWORD_CHANGE_REQUIRED'])
const VALIDATION_CODES = new Set<string>([ErrorCodes.validation, 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE'] satisfies ErrorCode[])
const SERVER_CODES = new Set<string>([ErrorCodes.internal, ErrorCodes.serverFault, ErrorCodes.badResponse])

/** Says `message`, then `next` unless the message already says whom to contact. */
function withNext(message: string, next: string): string {
  return message.includes('联系') ? message : `${message.replace(/[。；，\s]+$/, '')}。${next}`
}

/** Sorts any failure into what happened, what to do next and whether retrying can help. */
export function describeError(e: unknown): ErrorView {
  // Not from a call: a bug or an unexpected answer. Reloading may get past it.
  if (!isApiError(e)) {
    // A page that could not open, a fetch that never left: offline is the likely cause, so say it.
    if (knownOffline()) return { kind: 'network', message: OFFLINE_TAP_MESSAGE, retryable: true }
    return { kind: 'server', message: '出了点问题，请稍后再试', retryable: true }
  }
  const code = e.code
  if (code === ErrorCodes.network) {
    // Offline for sure (the browser says so): say it plainly and what to do, whatever was tapped.
    if (knownOffline()) return { kind: 'network', message: OFFLINE_TAP_MESSAGE, retryable: true }
    return { kind: 'network', message: e.message || '网络不太好，请检查网络后重试', retryable: true }
  }
  if (code === ErrorCodes.rateLimited || code === ErrorCodes.tooManyRequests) {
    if (e.retryAfter) return { kind: 'rateLimited', message: `操作太频繁，请稍等 ${e.retryAfter} 秒再试`, retryable: true, retryAfter: e.retryAfter }
    return { kind: 'rateLimited', message: e.message || '操作太频繁，请稍等一会儿再试', retryable: true }
  }
  if (PERMISSION_CODES.has(code)) {
    if (code === ErrorCodes.unauthenticated) return { kind: 'permission', message: '登录已过期，请重新登录', retryable: false }
    const message = e.message || '没有权限进行这个操作'
    return { kind: 'permission', message: code === ErrorCodes.forbidden ? withNext(message, STAFF_HELP) : message, retryable: false }
  }
  if (VALIDATION_CODES.has(code)) {
    // The field's own words ("请填写姓名") say what to change; the generic line only without them.
    const said = Array.from(new Set(e.fields.map((f) => f.message).filter(Boolean)))
    const message = said.length ? said.slice(0, 3).join('；') : e.message || '填写的内容有误，请检查后再提交'
    return { kind: 'validation', message, retryable: false }
  }
  if (SERVER_CODES.has(code) || (e.status ?? 0) >= 500) {
    return { kind: 'server', message: e.message || '服务出了点问题，请稍后再试', retryable: true }
  }
  if (code === 'UNKNOWN_ACTION') {
    // The app and the service are different versions: only an update fixes it.
    return { kind: 'refused', message: '这个功能暂时用不了，请把小程序更新到最新版本；仍不行请联系社区工作人员', retryable: false }
  }
  // The server's words for its refusals (问卷已经结束, 邀请码无效…); plain ones when it gave none.
  switch (code) {
    case ErrorCodes.notFound:
      return { kind: 'refused', message: e.message || '内容不存在或已被删除', retryable: false }
    case ErrorCodes.conflict:
      return { kind: 'refused', message: e.message || '内容已被他人修改，请刷新后再改', retryable: false }
    default:
      return { kind: 'refused', message: e.message || '出了点问题，请稍后再试', retryable: false }
  }
}

/** Said for any tap (a switch, 订阅, a refresh, opening a page) that needs the network while there is none. */
export const OFFLINE_TAP_MESSAGE = '没有连上网络，请打开网络或换个有信号的地方，再点一次'

/**
 * The device reports no network: `navigator.onLine` in the browser build. WeChat's JS engine has
 * no `navigator`, so there a failed call keeps the server-or-network wording (网络不太好…).
 */
export function knownOffline(): boolean {
  return typeof navigator !== 'undefined' && (navigator as { onLine?: boolean }).onLine === false
}

/** Plain words for a resident or staff member, whatever went wrong, with what to do next. */
export function errorMessage(e: unknown): string {
  return describeError(e).message
}

/**
 * Turns a failed `wx.cloud.callFunction` (its `errCode` / `errMsg`) into what happened, in plain
 * words with what to do next. Codes from WeChat's cloud error-code list: -504002 the function
 * ran and failed (its message says "timed out" when it hit its timeout), -501000 the function or
 * environment was not found, -401001 no permission to call, -404xxx the SDK's own call failures;
 * `request:fail …` is the network.
 */
export function classifyCallFailure(err: unknown): ApiError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { errCode?: unknown; errMsg?: unknown; message?: unknown }
  const code = typeof e.errCode === 'number' ? e.errCode : Number.NaN
  const msg = String(e.errMsg ?? e.message ?? '')
  if (/time(d)?\s*out/i.test(msg) && (code === -504002 || /functions? execute/i.test(msg))) {
    return new ApiError(ErrorCodes.network, '服务处理超时了，请稍后再试一次')
  }
  if (code === -504002) return new ApiError(ErrorCodes.serverFault, '服务出错了，请稍后再试；一直这样请联系社区工作人员')
  if (/env(ironment)?\b.*(not|invalid|exist)|invalid env|INVALID_ENV/i.test(msg)) {
    return new ApiError(ErrorCodes.unavailable, '小程序连接的服务环境不对，暂时用不了，请联系社区工作人员')
  }
  if (code === -501000 || /FunctionName|function.*not.*(found|exist)|ResourceNotFound/i.test(msg)) {
    return new ApiError(ErrorCodes.unavailable, '这个功能还没有准备好（服务没有部署），请联系社区工作人员')
  }
  if (code === -401001 || /permission|unauthori[sz]ed|no auth/i.test(msg)) {
    return new ApiError(ErrorCodes.unavailable, '小程序没有调用这个服务的权限，请联系社区工作人员')
  }
  return new ApiError(ErrorCodes.network, '网络不太好，请检查网络后重试')
}

/** Whether trying again can help: a network failure, a passing fault, or a wait that ends; not a refusal or a set-up problem. */
export function isRetryable(e: unknown): boolean {
  return describeError(e).retryable
}
