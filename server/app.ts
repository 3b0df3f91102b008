import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import * as v from 'valibot'
import { issuesToFields } from '../cloudfunctions/_shared/contracts/common'
import type { StaffMember } from '../cloudfunctions/_shared/domain/staff'
import { dispatch, MAX_BODY_BYTES } from '../cloudfunctions/_shared/runtime/dispatch'
import type { Reply } from '../cloudfunctions/_shared/runtime/errors'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { type Store, where } from '../cloudfunctions/_shared/store/port'
import { bearer, hashPassword, RESIDENT_TTL_S, signToken, STAFF_TTL_S, verifyPassword, verifyToken } from './auth'
import { registerDownloads } from './downloads'
import { registerPhotoRoutes } from './photos'
import { FUNCTIONS } from './functions'
import type { AuditEntry } from '../cloudfunctions/_shared/domain/audit'
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, passwordProblem } from '../cloudfunctions/_shared/domain/staff'
import { newId } from '../cloudfunctions/_shared/runtime/ids'
import { slidingWindowLimiter } from '../cloudfunctions/_shared/runtime/rate-limit'
import type { Keyring } from '../cloudfunctions/_shared/runtime/keyring'

export interface AppOptions {
  store: Store<Collections>
  /** Signs tokens. */
  secret: Buffer
  /** Server-side keys for the actions. */
  keyring: Keyring
  /** The H5 build to serve at `/`, if built. */
  staticDir?: string
  now?: () => Date
  logger?: boolean
  /** Calls per identity per minute (default 240). */
  rateLimitPerMinute?: number
}

const staffLoginInput = v.object({
  username: v.pipe(v.string('请输入账号'), v.trim(), v.minLength(1, '请输入账号'), v.maxLength(64, '账号过长')),
  password: v.pipe(v.string('请输入密码'), v.minLength(1, '请输入密码'), v.maxLength(128, '密码过长')),
})

const passwordChangeInput = v.object({
  oldPassword: v.pipe(v.string('请输入原密码'), v.minLength(1, '请输入原密码'), v.maxLength(128, '密码过长')),
  newPassword: v.pipe(
    v.string('请输入新密码'),
    v.check((p) => passwordProblem(p) === null, '密码需 8–64 位，同时包含字母和数字'),
  ),
})

function fail(code: string, message: string, fields?: { path: string; message: string }[]) {
  return { ok: false as const, error: fields ? { code, message, fields } : { code, message } }
}

/** The local runtime: the H5 app and the same actions as CloudBase, over HTTP on the embedded store. */
export function buildApp(options: AppOptions): FastifyInstance {
  const now = options.now ?? (() => new Date())
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_BODY_BYTES })

  // Every failure answers in the one error shape; bad input is never a 500.
  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, _req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(fail('PAYLOAD_TOO_LARGE', '提交的内容过大'))
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(400).send(fail('BAD_REQUEST', '请求格式不对'))
    }
    app.log.error(err)
    return reply.status(500).send(fail('INTERNAL', '服务暂时不可用，请稍后再试'))
  })

  const limiter = slidingWindowLimiter(options.rateLimitPerMinute ?? 240, 60_000)

  /** Sign-ins and password changes go to the audit log like every other staff action. */
  async function audit(staff: StaffMember, result: AuditEntry['result'], code: string | null, action = 'auth.login') {
    const org = await options.store.collection('orgs').get(staff.orgId)
    await options.store.collection('audit').insert({
      _id: newId('aud'),
      at: now().toISOString(),
      kind: 'login',
      action,
      actorId: staff._id,
      actorName: staff.name,
      actorRole: staff.role,
      orgId: staff.orgId,
      orgPath: org?.path ?? [],
      target: staff._id,
      result,
      code,
    })
  }

  app.get('/healthz', async () => ({ ok: true }))

  app.post('/api/auth/resident', async () => {
    const exp = Math.floor(now().getTime() / 1000) + RESIDENT_TTL_S
    return { token: signToken(options.secret, { k: 'r', sub: `h5_${randomUUID()}`, exp }), expiresAt: exp }
  })

  app.post('/api/auth/staff', async (req, reply) => {
    const parsed = v.safeParse(staffLoginInput, req.body ?? {})
    if (!parsed.success) {
      return reply.status(400).send(fail('VALIDATION', '请填写账号和密码', issuesToFields(parsed.issues)))
    }
    const { username, password } = parsed.output
    const staffColl = options.store.collection('staff')
    const found = await staffColl.find({ where: where.eq<StaffMember>('username', username), limit: 1 })
    const staff = found.items[0]
    const at = now()
    if (staff?.lockedUntil && staff.lockedUntil > at.toISOString()) {
      await audit(staff, 'denied', 'LOCKED')
      return reply.status(423).send(fail('LOCKED', `密码错误次数过多，账号已锁定，请 ${LOCKOUT_MINUTES} 分钟后再试`))
    }
    const ok = staff?.passwordHash ? await verifyPassword(password, staff.passwordHash) : false
    if (!staff || !ok || !staff.active) {
      if (staff) {
        // Count consecutive failures; the fifth locks the account for a while.
        const failures = (staff.failedLogins ?? 0) + 1
        const lock = failures >= MAX_FAILED_LOGINS
        await staffColl.update(staff._id, {
          set: {
            failedLogins: lock ? 0 : failures,
            lockedUntil: lock ? new Date(at.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null,
          },
        })
        await audit(staff, 'denied', lock ? 'LOCKED' : 'UNAUTHENTICATED')
      }
      return reply.status(401).send(fail('UNAUTHENTICATED', '账号或密码不正确'))
    }
    if (staff.failedLogins || staff.lockedUntil) {
      await staffColl.update(staff._id, { set: { failedLogins: 0, lockedUntil: null } })
    }
    await audit(staff, 'ok', null)
    const exp = Math.floor(at.getTime() / 1000) + STAFF_TTL_S
    return {
      token: signToken(options.secret, { k: 's', sub: staff._id, exp }),
      expiresAt: exp,
      mustChangePassword: Boolean(staff.mustChangePassword),
    }
  })

  app.post('/api/auth/password', async (req, reply) => {
    const token = bearer(req.headers.authorization)
    const identity = token ? verifyToken(options.secret, token, now().getTime()) : null
    const staff = identity && 'staffId' in identity ? await options.store.collection('staff').get(identity.staffId) : null
    if (!staff || !staff.active || !staff.passwordHash) return reply.status(401).send(fail('UNAUTHENTICATED', '请先登录'))
    const parsed = v.safeParse(passwordChangeInput, req.body ?? {})
    if (!parsed.success) return reply.status(400).send(fail('VALIDATION', '请按提示修改', issuesToFields(parsed.issues)))
    const { oldPassword, newPassword } = parsed.output
    if (!(await verifyPassword(oldPassword, staff.passwordHash))) {
      return reply.status(400).send(fail('VALIDATION', '原密码不正确', [{ path: 'oldPassword', message: '原密码不正确' }]))
    }
    if (oldPassword === newPassword) {
      return reply.status(400).send(fail('VALIDATION', '新密码不能与原密码相同', [{ path: 'newPassword', message: '新密码不能与原密码相同' }]))
    }
    await options.store
      .collection('staff')
      .update(staff._id, { set: { passwordHash: await hashPassword(newPassword), mustChangePassword: false } })
    await audit(staff, 'ok', null, 'auth.changePassword')
    return { ok: true }
  })

  app.post<{ Params: { name: string } }>('/api/fn/:name', async (req, reply) => {
    const actions = Object.prototype.hasOwnProperty.call(FUNCTIONS, req.params.name) ? FUNCTIONS[req.params.name] : null
    if (!actions) return reply.status(404).send(fail('NOT_FOUND', '未知的功能'))
    const token = bearer(req.headers.authorization)
    const identity = token ? verifyToken(options.secret, token, now().getTime()) : null
    const { status, body } = await dispatch(actions, req.body, {
      fn: req.params.name,
      store: options.store,
      identity,
      keyring: options.keyring,
      limiter,
      now,
      onError: (err) => app.log.error(err),
    })
    return reply.status(status).send(body satisfies Reply)
  })

  registerDownloads(app)
  registerPhotoRoutes(app, { secret: options.secret, now })

  app.all('/api/*', async (_req, reply) => reply.status(404).send(fail('NOT_FOUND', '接口不存在')))

  if (options.staticDir && existsSync(options.staticDir)) {
    app.register(fastifyStatic, { root: options.staticDir, index: ['index.html'] })
  }
  return app
}
