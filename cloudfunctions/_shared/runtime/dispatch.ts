import { issuesToFields } from '../contracts/common'
import * as v from 'valibot'
import type { Collections } from '../store/collections'
import { BadCursorError, DuplicateIdError, type Store } from '../store/port'
import type { AccessRule, Action, ActionMap } from './action'
import { type Caller, type Identity, resolveCaller } from './caller'
import { AppError, type ErrorCode, errorBody, forbidden, rateLimited, type Reply } from './errors'
import { newId } from './ids'
import type { Keyring } from './keyring'
import type { RateLimiter } from './rate-limit'
import type { AuditEntry } from '../domain/audit'
import { can, mayManageRole } from '../domain/roles'

export interface DispatchDeps {
  /** The function's name, for audit records (`policy.publish`). */
  fn?: string
  store: Store<Collections>
  identity: Identity | null
  keyring: Keyring
  now?: () => Date
  /** Per-identity rate limit (everyone at an event shares one IP, so never per address). */
  limiter?: RateLimiter
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
  const now = deps.now ?? (() => new Date())
  let action: Action | undefined
  let actionName = ''
  let caller: Caller | undefined
  let target: string | null = null
  // Set when the action refused the caller in a way they see as something else (a record
  // outside their scope answers 404): audited like a 403.
  let hiddenRefusal = false
  const finish = async (status: number, body: Reply): Promise<{ status: number; body: Reply }> => {
    // Audited actions are recorded on every outcome; any other call only when it is refused.
    const refused = !body.ok && (body.error.code === 'FORBIDDEN' || hiddenRefusal)
    if (action && caller && (action.audit || refused)) {
      // A created record is named by its new id.
      const created = body.ok ? (body.data as { _id?: unknown } | null)?._id : undefined
      if (target === null && typeof created === 'string') target = created
      await writeAudit(deps, caller, action, `${deps.fn ?? '?'}.${actionName}`, target, body, now(), hiddenRefusal)
    }
    return { status, body }
  }
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
    action = actions[name]
    actionName = name
    caller = await resolveCaller(deps.store, deps.identity)
    // A seeded or reset password must be changed before the account can do anything else.
    if (caller.kind === 'staff' && caller.staff.mustChangePassword && !(deps.fn === 'profile' && name === 'get')) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码')
    }
    const limit = deps.limiter?.hit(caller.id, now().getTime())
    if (limit && !limit.allowed) throw rateLimited(limit.retryAfterS)
    const parsed = v.safeParse(action.input, data ?? {})
    // Name the target even on a refused call, so the audit says what was tried.
    if (parsed.success) target = action.target?.(parsed.output) ?? null
    if (action.access === 'staff' && caller.kind !== 'staff') throw forbidden('仅限工作人员使用')
    if (action.access === 'resident' && caller.kind !== 'resident') throw forbidden('仅限居民使用')
    if (!parsed.success) {
      throw new AppError('VALIDATION', '填写的内容有误，请按提示修改', issuesToFields(parsed.issues))
    }
    // The role's permission, declared on the action: checked after the input (as the handlers did).
    if (action.permission && (caller.kind !== 'staff' || !can(caller.staff.role, action.permission))) throw forbidden(action.refusal)
    for (const rule of action.rules ?? []) {
      if ((rule.caller === undefined || rule.caller === caller.kind) && (!rule.when || rule.when(parsed.output))) enforce(rule, caller, parsed.output)
    }
    const output = await action.run(parsed.output, { store: deps.store, caller, now, keyring: deps.keyring })
    return await finish(200, { ok: true, data: output })
  } catch (err) {
    const known = toAppError(err)
    if (known?.refusal) hiddenRefusal = true
    if (!known) {
      deps.onError?.(err)
      return finish(500, { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } })
    }
    return finish(known.status, { ok: false, error: errorBody(known) })
  }
}

/** Refuses a caller who does not meet an access rule that applies to their input. */
function enforce(rule: AccessRule<unknown>, caller: Caller, input: unknown): void {
  const refusal = rule.refusalFor ? rule.refusalFor(input) : rule.refusal
  if (rule.access === 'resident') {
    if (caller.kind !== 'resident') throw forbidden(refusal ?? '仅限居民使用')
    return
  }
  if (caller.kind !== 'staff') throw forbidden(refusal ?? '仅限工作人员使用')
  if (rule.permission && !can(caller.staff.role, rule.permission)) throw forbidden(refusal)
  if (rule.manages && !mayManageRole(caller.staff.role, rule.manages(input))) throw forbidden(refusal)
  if (rule.levels && !rule.levels.includes(caller.org.level)) throw forbidden(refusal)
}

const RESULT: Partial<Record<ErrorCode, AuditEntry['result']>> = {
  FORBIDDEN: 'denied',
  PASSWORD_CHANGE_REQUIRED: 'denied',
  TOO_MANY_REQUESTS: 'denied',
  RATE_LIMITED: 'denied',
  UNAUTHENTICATED: 'denied',
  VALIDATION: 'invalid',
  BAD_REQUEST: 'invalid',
  CONFLICT: 'invalid',
}

/** Appends the audit record of one call. A failure to audit is reported, never hidden. */
async function writeAudit(
  deps: DispatchDeps,
  caller: Caller,
  action: Action,
  label: string,
  target: string | null,
  body: Reply,
  at: Date,
  hiddenRefusal: boolean,
): Promise<void> {
  // 'denied' (被拒绝 on the team page) means a refusal: a 404 counts only when it hid one. An
  // audited write naming a missing id is recorded too, as 'invalid', so refusals stay countable.
  const result: AuditEntry['result'] = body.ok ? 'ok' : hiddenRefusal ? 'denied' : body.error.code === 'NOT_FOUND' ? 'invalid' : (RESULT[body.error.code] ?? 'error')
  const entry: AuditEntry = {
    _id: newId('aud'),
    at: at.toISOString(),
    kind: action.audit ?? 'access',
    action: label,
    actorId: caller.id,
    actorName: caller.kind === 'staff' ? caller.staff.name : '居民',
    actorRole: caller.kind === 'staff' ? caller.staff.role : 'resident',
    orgId: caller.kind === 'staff' ? caller.org._id : '',
    orgPath: caller.kind === 'staff' ? caller.org.path : [],
    target,
    result,
    code: body.ok ? null : body.error.code,
  }
  try {
    await deps.store.collection('audit').insert(entry)
  } catch (err) {
    deps.onError?.(err)
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
