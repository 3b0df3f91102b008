import type { FieldError } from '../contracts/common'

import { ERROR_STATUS, type ErrorCode } from '../contracts/errors'

export { ERROR_STATUS, type ErrorCode }

/** An error an action raises on purpose; its message is shown to the user as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /**
     * A refusal the caller sees as something else (a record outside their scope answers 404, so
     * ids leak nothing): dispatch audits it like a 403.
     */
    readonly refusal = false,
    /** Seconds until a retry can pass (RATE_LIMITED). */
    readonly retryAfter?: number,
  ) {
    super(message)
    this.name = 'AppError'
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }
}

export const validation = (fields: FieldError[], message = '填写的内容有误，请按提示修改') =>
  new AppError('VALIDATION', message, fields)
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message)
export const forbidden = (message = '没有权限进行此操作') => new AppError('FORBIDDEN', message)
export const notFound = (message = '内容不存在或已删除') => new AppError('NOT_FOUND', message)
/**
 * A record that exists but lies outside the caller's scope: answered exactly like a missing one
 * (404), and audited as a refused call.
 */
export const outOfScope = (message = '内容不存在或已删除') => new AppError('NOT_FOUND', message, undefined, true)
/** `notFound` when the record is missing, `outOfScope` when it exists but is not the caller's. */
export const missingOrOutOfScope = (record: unknown, message?: string) => (record ? outOfScope(message) : notFound(message))
export const conflict = (message: string) => new AppError('CONFLICT', message)
/** The per-caller limit was reached; `retryAfterS` tells the client how long to wait. */
export const rateLimited = (retryAfterS: number) =>
  new AppError('RATE_LIMITED', '操作太频繁，请稍后再试', undefined, false, retryAfterS)

/** The wire shape of a refused call. */
export type ErrorBody = { code: ErrorCode; message: string; fields?: FieldError[]; retryAfter?: number }

/** The reply of a call refused with `err`. */
export function errorBody(err: AppError): ErrorBody {
  const error: ErrorBody = { code: err.code, message: err.message }
  if (err.fields) error.fields = err.fields
  if (err.retryAfter !== undefined) error.retryAfter = err.retryAfter
  return error
}

/** The wire shape of every answer, on CloudBase and in the local runtime alike. */
export type Reply<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: ErrorBody }
