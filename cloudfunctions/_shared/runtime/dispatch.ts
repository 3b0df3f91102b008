import { issuesToFields } from '../contracts/common'
import * as v from 'valibot'
import type { Collections } from '../store/collections'
import { BadCursorError, DuplicateIdError, type Store } from '../store/port'
import type { ActionMap } from './action'
import { type Identity, resolveCaller } from './caller'
import { AppError, forbidden, type Reply } from './errors'

export interface DispatchDeps {
  store: Store<Collections>
  identity: Identity | null
  now?: () => Date
  /** Where unexpected errors are reported; they reach the caller only as a generic 500. */
  onError?: (err: unknown) => void
}

/** Largest accepted `{ action, data }` payload, in bytes of JSON. */
export const MAX_BODY_BYTES = 256 * 1024

/**
 * The one entry to every action, on every transport: reads `{ action, data }`, resolves the
 * caller server-side, validates input with the action's schema, runs it, and maps errors to
 * the wire shape. Anything identity-like in `data` is just input and is never trusted.
 */
export async function dispatch(
  actions: ActionMap,
  request: unknown,
  deps: DispatchDeps,
): Promise<{ status: number; body: Reply }> {
  try {
    if (!request || typeof request !== 'object' || Array.isArray(request)) {
      throw new AppError('BAD_REQUEST', '请求格式不对', [{ path: '(root)', message: '应为 { action, data }' }])
    }
    const { action: name, data } = request as { action?: unknown; data?: unknown }
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(actions, name)) {
      throw new AppError('UNKNOWN_ACTION', `未知的操作：${typeof name === 'string' ? name.slice(0, 40) : '(空)'}`, [
        { path: 'action', message: '未知的操作' },
      ])
    }
    const action = actions[name]
    const caller = await resolveCaller(deps.store, deps.identity)
    if (action.access === 'staff' && caller.kind !== 'staff') throw forbidden('仅限工作人员使用')
    if (action.access === 'resident' && caller.kind !== 'resident') throw forbidden('仅限居民使用')
    const parsed = v.safeParse(action.input, data ?? {})
    if (!parsed.success) {
      throw new AppError('VALIDATION', '填写的内容有误，请按提示修改', issuesToFields(parsed.issues))
    }
    const output = await action.run(parsed.output, {
      store: deps.store,
      caller,
      now: deps.now ?? (() => new Date()),
    })
    return { status: 200, body: { ok: true, data: output } }
  } catch (err) {
    const known = toAppError(err)
    if (!known) {
      deps.onError?.(err)
      return { status: 500, body: { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } } }
    }
    const error: { code: AppError['code']; message: string; fields?: AppError['fields'] } = {
      code: known.code,
      message: known.message,
    }
    if (known.fields) error.fields = known.fields
    return { status: known.status, body: { ok: false, error } }
  }
}

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err
  if (err instanceof DuplicateIdError) return new AppError('CONFLICT', '记录已存在')
  if (err instanceof BadCursorError) {
    return new AppError('VALIDATION', '分页参数无效，请刷新', [{ path: 'after', message: '分页参数无效' }])
  }
  return null
}
