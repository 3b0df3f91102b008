import type * as v from 'valibot'
import type { FieldError } from '@shared/contracts/common'
import type { orgContract, OrgOutputs } from '@shared/contracts/org'
import type { policyContract, PolicyOutputs } from '@shared/contracts/policy'
import type { profileContract, ProfileOutputs } from '@shared/contracts/profile'
import type { surveyContract, SurveyOutputs } from '@shared/contracts/survey'

/**
 * Every cloud function the client calls, with its action schemas and outputs, straight from the
 * shared contracts: a call's input and output types follow from (function, action).
 */
export interface FunctionContracts {
  policy: { inputs: typeof policyContract; outputs: PolicyOutputs }
  profile: { inputs: typeof profileContract; outputs: ProfileOutputs }
  org: { inputs: typeof orgContract; outputs: OrgOutputs }
  survey: { inputs: typeof surveyContract; outputs: SurveyOutputs }
}

export type FunctionName = keyof FunctionContracts
export type ActionName<F extends FunctionName> = keyof FunctionContracts[F]['outputs'] &
  keyof FunctionContracts[F]['inputs'] &
  string
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = FunctionContracts[F]['inputs'][A] extends v.GenericSchema
  ? v.InferInput<FunctionContracts[F]['inputs'][A]>
  : never
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = FunctionContracts[F]['outputs'][A]

/** A typed call of one action of one cloud function. */
export type Call = <F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionInput<F, A>,
) => Promise<ActionOutput<F, A>>

/** What every transport returns: the action's envelope. */
export type Envelope =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: string; message: string; fields?: FieldError[] } }

/** Error codes the UI reacts to. Servers may send others; they are shown by message. */
export const ErrorCodes = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  invalid: 'INVALID_INPUT',
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

  constructor(code: string, message: string, fields: FieldError[] = [], status?: number) {
    super(message)
    // Keeps `instanceof` working when classes are compiled down to ES5.
    Object.setPrototypeOf(this, ApiError.prototype)
    this.name = 'ApiError'
    this.code = code
    this.fields = fields
    this.status = status
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
      return throwError(new ApiError(String(env.error.code || 'ERROR'), String(env.error.message || ''), fields, status))
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

/** Plain words for a resident or staff member, whatever went wrong. */
export function errorMessage(e: unknown): string {
  if (!isApiError(e)) return '出了点问题，请稍后再试'
  switch (e.code) {
    case ErrorCodes.network:
      return e.message || '网络不太好，请检查网络后重试'
    case ErrorCodes.serverFault:
    case ErrorCodes.unavailable:
      return e.message
    case ErrorCodes.unauthenticated:
      return '登录已过期，请重新登录'
    case ErrorCodes.forbidden:
      return e.message || '没有权限进行这个操作'
    // The server words refusals for residents (问卷已经结束, 邀请码无效…); show them when given.
    case ErrorCodes.notFound:
      return e.message || '内容不存在或已被删除'
    case ErrorCodes.conflict:
      return e.message || '内容已被他人修改，请刷新后再改'
    default:
      return e.message || '出了点问题，请稍后再试'
  }
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

/** Whether trying again can help: a network failure or a passing fault, not a refusal or a set-up problem. */
export function isRetryable(e: unknown): boolean {
  return isApiError(e) && (e.code === ErrorCodes.network || e.code === ErrorCodes.serverFault)
}
