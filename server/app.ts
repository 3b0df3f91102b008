import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { IncomingMessage } from 'node:http'
import fastifyStatic from '@fastify/static'
import { cacheHeaders, precompressDir } from './precompress'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import * as v from 'valibot'
import { issuesToFields } from '../cloudfunctions/_shared/contracts/common'
import type { StaffMember } from '../cloudfunctions/_shared/domain/staff'
import { can } from '../cloudfunctions/_shared/domain/roles'
import { dispatch, MAX_BODY_BYTES } from '../cloudfunctions/_shared/runtime/dispatch'
import type { Reply } from '../cloudfunctions/_shared/runtime/errors'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { type Store, where } from '../cloudfunctions/_shared/store/port'
import { bearer, hashPassword, RESIDENT_TTL_S, newDeviceId, signToken, STAFF_TTL_S, verifyDeviceId, verifyPassword, verifyToken } from './auth'
import { DUMMY_HASH, HashingBusyError } from '../cloudfunctions/_shared/runtime/password'
import { finishPasswordCheck, releasePasswordCheck, reservePasswordCheck } from './password-checks'
import { registerDownloads } from './downloads'
import { encodeFor, homeFirstPage, type StaticPage, withFirstScreen, withStaticPage } from './first-screen'
import { eventStaticPage, sharedEventStaticPage } from './event-first-screen'
import { policyStaticPage } from './policy-first-screen'
import { H5_FIRST_SCREEN_LINKS, type H5FirstScreenName } from '../cloudfunctions/_shared/domain/pages'
import { registerPhotoRoutes } from './photos'
import { registerDocumentRoutes } from './documents'
import { FUNCTIONS } from './functions'
import type { AuditEntry } from '../cloudfunctions/_shared/domain/audit'
import { LOCKOUT_MINUTES } from '../cloudfunctions/_shared/domain/staff'
import { newPasswordSchema } from '../cloudfunctions/_shared/contracts/org'
import { newId } from '../cloudfunctions/_shared/runtime/ids'
import { slidingWindowLimiter } from '../cloudfunctions/_shared/runtime/rate-limit'
import { CALLER_RATE_LIMIT } from '../cloudfunctions/_shared/domain/rate-limit'
import type { Keyring } from '../cloudfunctions/_shared/runtime/keyring'

/** The permissions whose actions take an uploaded picture: 授牌 certificate, 简报 photos, 督查 attachments. */
const STAFF_UPLOAD_PERMISSIONS = ['evaluation.manage', 'report.send', 'duty.report'] as const
/** The permissions whose actions take a document (PDF, Word, Excel): 简报 / 认定报告, 督查 progress. */
const DOCUMENT_UPLOAD_PERMISSIONS = ['report.send', 'duty.report'] as const

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
  /** Calls per identity per minute (default `CALLER_RATE_LIMIT`, the same number CloudBase applies). */
  rateLimitPerMinute?: number
  /**
   * New anonymous resident sessions per client address per minute (default 60). Generous because
   * a crowd at an event often shares one NAT address; low enough that nobody mints thousands of
   * identities to get round per-identity limits. Load tests that simulate many residents from one
   * machine raise it (`RESIDENT_SESSIONS_PER_MINUTE`).
   */
  residentSessionsPerMinute?: number
  /**
   * Staff sign-in attempts per client address per minute (default 30), whatever the account. The
   * per-account lockout stops guessing one password; this stops one address trying a common
   * password across many accounts (spraying). Load and e2e runs raise it
   * (`STAFF_SIGNINS_PER_MINUTE`).
   */
  staffSignInsPerMinute?: number
  /**
   * Behind a reverse proxy (TRUST_PROXY=1) the client address is taken from `X-Forwarded-For`;
   * otherwise that header is ignored, so a client cannot pick its own address to dodge the limits.
   */
  trustProxy?: boolean
}

const LOCKED_MESSAGE = `密码错误次数过多，账号已锁定，请 ${LOCKOUT_MINUTES} 分钟后再试`
const BUSY_MESSAGE = '登录尝试太频繁，请稍后再试'

const staffLoginInput = v.object({
  username: v.pipe(v.string('请输入账号'), v.trim(), v.minLength(1, '请输入账号'), v.maxLength(64, '账号过长')),
  password: v.pipe(v.string('请输入密码'), v.minLength(1, '请输入密码'), v.maxLength(128, '密码过长')),
})

const passwordChangeInput = v.object({
  oldPassword: v.pipe(v.string('请输入原密码'), v.minLength(1, '请输入原密码'), v.maxLength(128, '密码过长')),
  newPassword: newPasswordSchema('请输入新密码'),
})

/** Past this much, or this long, an oversized body is not drained further: the socket just closes. */
const DRAIN_MAX_BYTES = 64 * 1024 * 1024
const DRAIN_MAX_MS = 15_000

function drainBody(raw: IncomingMessage): Promise<void> {
  if (raw.readableEnded || raw.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    let seen = 0
    const done = () => {
      clearTimeout(timer)
      raw.off('data', onData)
      raw.off('end', done)
      raw.off('error', done)
      raw.off('close', done)
      resolve()
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.length
      if (seen > DRAIN_MAX_BYTES) done()
    }
    const timer = setTimeout(done, DRAIN_MAX_MS)
    raw.on('data', onData)
    raw.once('end', done)
    raw.once('error', done)
    raw.once('close', done)
    raw.resume()
  })
}

function fail(code: string, message: string, fields?: { path: string; message: string }[]) {
  return { ok: false as const, error: fields ? { code, message, fields } : { code, message } }
}

/** The page `/` draws for each name an H5 link gives before the hash (`H5_FIRST_SCREEN_LINKS`), from its value. */
const DRAWN: Record<H5FirstScreenName, (deps: Parameters<typeof eventStaticPage>[0], value: string) => Promise<StaticPage | null>> = {
  s: eventStaticPage,
  e: sharedEventStaticPage,
  p: policyStaticPage,
}

/** The local runtime: the H5 app and the same actions as CloudBase, over HTTP on the embedded store. */
export function buildApp(options: AppOptions): FastifyInstance {
  const now = options.now ?? (() => new Date())
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_BODY_BYTES, trustProxy: options.trustProxy ?? false })

  // Every failure answers in the one error shape; bad input is never a 500.
  app.setErrorHandler(async (err: { statusCode?: number; code?: string; message: string }, req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Read (and drop) the rest of the body before answering: a client that sends its whole
      // body before reading (Python's http.client, many SDKs) would otherwise hit a closed
      // socket (EPIPE) and never see the 413. The connection is closed after the answer.
      await drainBody(req.raw)
      void reply.header('connection', 'close')
      return reply.status(413).send(fail('PAYLOAD_TOO_LARGE', '提交的内容过大'))
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(400).send(fail('BAD_REQUEST', '请求格式不对'))
    }
    app.log.error(err)
    return reply.status(500).send(fail('INTERNAL', '服务暂时不可用，请稍后再试'))
  })

  const limiter = slidingWindowLimiter(options.rateLimitPerMinute ?? CALLER_RATE_LIMIT.limit, CALLER_RATE_LIMIT.windowMs)

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

  const sessionLimiter = slidingWindowLimiter(options.residentSessionsPerMinute ?? 60, 60_000)

  app.post('/api/auth/resident', async (req, reply) => {
    if (!sessionLimiter.hit(req.ip, now().getTime()).allowed) {
      return reply.status(429).send(fail('TOO_MANY_REQUESTS', '新建会话太频繁，请稍后再试'))
    }
    // The device id the client kept from an earlier session, if it is one we signed.
    const given = (req.body as { deviceId?: unknown } | null | undefined)?.deviceId
    const kept = verifyDeviceId(options.secret, given)
    const device = kept && typeof given === 'string' ? { id: kept, signed: given } : newDeviceId(options.secret)
    const exp = Math.floor(now().getTime() / 1000) + RESIDENT_TTL_S
    return {
      token: signToken(options.secret, { k: 'r', sub: `h5_${randomUUID()}`, exp, d: device.id }),
      expiresAt: exp,
      deviceId: device.signed,
    }
  })

  const signInLimiter = slidingWindowLimiter(options.staffSignInsPerMinute ?? 30, 60_000)

  app.post('/api/auth/staff', async (req, reply) => {
    if (!signInLimiter.hit(req.ip, now().getTime()).allowed) {
      return reply.status(429).send(fail('TOO_MANY_REQUESTS', '这台设备登录尝试太频繁，请一分钟后再试'))
    }
    const parsed = v.safeParse(staffLoginInput, req.body ?? {})
    if (!parsed.success) {
      return reply.status(400).send(fail('VALIDATION', '请填写账号和密码', issuesToFields(parsed.issues)))
    }
    const { username, password } = parsed.output
    const found = await options.store.collection('staff').find({ where: where.eq<StaffMember>('username', username), limit: 1 })
    const staff = found.items[0]
    const at = now()
    if (!staff?.passwordHash) {
      // Unknown user: the same scrypt work as a known one, so timing does not tell them apart.
      try {
        await verifyPassword(password, DUMMY_HASH)
      } catch (err) {
        if (err instanceof HashingBusyError) return reply.status(429).send(fail('TOO_MANY_REQUESTS', BUSY_MESSAGE))
        throw err
      }
      return reply.status(401).send(fail('UNAUTHENTICATED', '账号或密码不正确'))
    }
    const checked = await checkPassword(staff, password, at)
    if (checked === 'locked') {
      await audit(staff, 'denied', 'LOCKED')
      return reply.status(423).send(fail('LOCKED', LOCKED_MESSAGE))
    }
    if (checked === 'busy') {
      await audit(staff, 'denied', 'TOO_MANY_REQUESTS')
      return reply.status(429).send(fail('TOO_MANY_REQUESTS', BUSY_MESSAGE))
    }
    if (checked !== 'ok' || !staff.active) {
      await audit(staff, 'denied', checked === 'locking' ? 'LOCKED' : 'UNAUTHENTICATED')
      return reply.status(401).send(fail('UNAUTHENTICATED', '账号或密码不正确'))
    }
    await audit(staff, 'ok', null)
    return { ...staffToken(staff, at), mustChangePassword: Boolean(staff.mustChangePassword) }
  })

  /**
   * One password check under the lockout: reserved atomically before the hash, finished after.
   * 'wrong' is a counted failure; 'locking' the failure that locked the account.
   */
  async function checkPassword(staff: StaffMember, password: string, at: Date): Promise<'ok' | 'wrong' | 'locking' | 'locked' | 'busy'> {
    const reserved = await reservePasswordCheck(options.store, staff._id, at)
    if (reserved.kind !== 'reserved') return reserved.kind
    let ok: boolean
    try {
      ok = await verifyPassword(password, staff.passwordHash ?? DUMMY_HASH)
    } catch (err) {
      // Not checked: the reservation goes, the failure count and any lock stay as they were.
      await releasePasswordCheck(options.store, staff._id, reserved.id, now()).catch(() => undefined)
      if (err instanceof HashingBusyError) return 'busy'
      throw err
    }
    const locked = await finishPasswordCheck(options.store, staff._id, reserved.id, ok, now())
    return ok ? 'ok' : locked ? 'locking' : 'wrong'
  }

  function staffToken(staff: StaffMember, at: Date) {
    const exp = Math.floor(at.getTime() / 1000) + STAFF_TTL_S
    return { token: signToken(options.secret, { k: 's', sub: staff._id, exp, v: staff.tokenVersion ?? 0 }), expiresAt: exp }
  }

  app.post('/api/auth/password', async (req, reply) => {
    const token = bearer(req.headers.authorization)
    const identity = token ? verifyToken(options.secret, token, now().getTime()) : null
    const staff = identity && 'staffId' in identity ? await options.store.collection('staff').get(identity.staffId) : null
    if (!staff || !staff.active || !staff.passwordHash) return reply.status(401).send(fail('UNAUTHENTICATED', '请先登录'))
    const parsed = v.safeParse(passwordChangeInput, req.body ?? {})
    if (!parsed.success) return reply.status(400).send(fail('VALIDATION', '请按提示修改', issuesToFields(parsed.issues)))
    const { oldPassword, newPassword } = parsed.output
    if (identity && 'staffId' in identity && (identity.tokenVersion ?? 0) !== (staff.tokenVersion ?? 0)) {
      return reply.status(401).send(fail('UNAUTHENTICATED', '登录已失效，请重新登录'))
    }
    if (oldPassword === newPassword) {
      return reply.status(400).send(fail('VALIDATION', '新密码不能与原密码相同', [{ path: 'newPassword', message: '新密码不能与原密码相同' }]))
    }
    // Wrong old passwords count towards the same lockout as sign-ins.
    const checked = await checkPassword(staff, oldPassword, now())
    if (checked === 'locked' || checked === 'locking') {
      await audit(staff, 'denied', 'LOCKED', 'auth.changePassword')
      return reply.status(423).send(fail('LOCKED', LOCKED_MESSAGE))
    }
    if (checked === 'busy') return reply.status(429).send(fail('TOO_MANY_REQUESTS', BUSY_MESSAGE))
    if (checked !== 'ok') {
      await audit(staff, 'denied', 'UNAUTHENTICATED', 'auth.changePassword')
      return reply.status(400).send(fail('VALIDATION', '原密码不正确', [{ path: 'oldPassword', message: '原密码不正确' }]))
    }
    const passwordHash = await hashPassword(newPassword)
    // A new password ends every session of the account: its tokens carry the old version.
    await options.store.collection('staff').update(staff._id, { set: { passwordHash, mustChangePassword: false }, inc: { tokenVersion: 1 } })
    await audit(staff, 'ok', null, 'auth.changePassword')
    const updated = await options.store.collection('staff').get(staff._id)
    return { ok: true, ...staffToken(updated ?? staff, now()) }
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
    // The per-caller limit says when to come back, as HTTP clients expect it.
    if (!body.ok && body.error.retryAfter !== undefined) void reply.header('retry-after', String(body.error.retryAfter))
    return reply.status(status).send(body satisfies Reply)
  })

  registerDownloads(app)
  registerPhotoRoutes(app, {
    secret: options.secret,
    now,
    // Staff upload pictures that an action of theirs then takes: the 授牌 certificate, 简报 photos and
    // 督查 progress attachments; so only an active account of a role that may record one of them.
    staffMayUpload: async (staffId, tokenVersion) => {
      const staff = await options.store.collection('staff').get(staffId)
      return Boolean(staff?.active && (staff.tokenVersion ?? 0) === tokenVersion && STAFF_UPLOAD_PERMISSIONS.some((p) => can(staff.role, p)))
    },
  })
  // PDF / Word / Excel attachments: only 简报 / 认定报告 senders and 督查 progress reporters take them.
  registerDocumentRoutes(app, {
    secret: options.secret,
    now,
    staffMayUpload: async (staffId, tokenVersion) => {
      const staff = await options.store.collection('staff').get(staffId)
      return Boolean(staff?.active && (staff.tokenVersion ?? 0) === tokenVersion && DOCUMENT_UPLOAD_PERMISSIONS.some((p) => can(staff.role, p)))
    },
  })

  app.all('/api/*', async (_req, reply) => reply.status(404).send(fail('NOT_FOUND', '接口不存在')))

  if (options.staticDir && existsSync(options.staticDir)) {
    // brotli / gzip files written beside each asset, sent when the browser accepts them (issue 24).
    precompressDir(options.staticDir)
    const staticDir = options.staticDir
    // `/` is the home page with its first screen already drawn (server/first-screen.ts); rendered
    // per request and never cached, so a policy change shows on the next load.
    const home = async (req: FastifyRequest, reply: FastifyReply) => {
      const html = await readFile(join(staticDir, 'index.html'), 'utf8')
      const deps = { store: options.store, keyring: options.keyring, now, onError: (err: unknown) => app.log.error(err) }
      // An event's QR code, a shared event or a shared policy link names what it opens before the hash
      // (`h5Link` in cloudfunctions/_shared/domain/pages.ts): that is drawn instead of the home
      // (server/event-first-screen.ts, server/policy-first-screen.ts). Anything else: the home.
      const query = (req.query ?? {}) as Record<string, unknown>
      const named = (key: string) => {
        const value = query[key]
        return typeof value === 'string' && value.length > 0 && value.length <= 128 ? value : null
      }
      const logged = (err: unknown) => {
        app.log.error(err)
        return null
      }
      const link = H5_FIRST_SCREEN_LINKS.find((l) => named(l.name))
      const deep = link ? DRAWN[link.name](deps, named(link.name) as string) : null
      const drawn = deep
        ? await deep.catch(logged).then((page) => (page ? withStaticPage(html, page) : html))
        : withFirstScreen(html, await homeFirstPage(deps).catch(logged))
      const { body, encoding } = encodeFor(req.headers['accept-encoding'], drawn)
      void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'Accept-Encoding')
      if (encoding) void reply.header('content-encoding', encoding)
      return reply.send(body)
    }
    app.get('/', home)
    app.get('/index.html', home)
    app.register(fastifyStatic, { root: staticDir, index: false, preCompressed: true, cacheControl: false, setHeaders: cacheHeaders })
  }
  return app
}
