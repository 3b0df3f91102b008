import { ApiError, describeError, errorMessage, isApiError, isRetryable, OFFLINE_TAP_MESSAGE, unwrapEnvelope } from '../cloud-core'

describe('unwrapEnvelope', () => {
  it('returns the data of a successful call', () => {
    expect(unwrapEnvelope({ ok: true, data: { id: 'p1' } })).toEqual({ id: 'p1' })
  })

  it('turns a failure into an ApiError with code, message, fields and status', () => {
    let caught: unknown
    try {
      unwrapEnvelope(
        { ok: false, error: { code: 'INVALID_INPUT', message: '请检查', fields: [{ path: 'contact.phone', message: '电话号码格式不对' }, { bad: 1 }] } },
        400,
      )
    } catch (e) {
      caught = e
    }
    expect(isApiError(caught)).toBe(true)
    const err = caught as ApiError
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.status).toBe(400)
    expect(err.fields).toEqual([{ path: 'contact.phone', message: '电话号码格式不对' }])
  })

  it('rejects an answer that is not an envelope', () => {
    expect(() => unwrapEnvelope('<html>502</html>', 502)).toThrow(ApiError)
  })
})

describe('errorMessage', () => {
  it('shows the server\'s own words for a refusal, and plain fallbacks', () => {
    expect(errorMessage(new ApiError('CONFLICT', '这份问卷已经结束，不能再提交了'))).toBe('这份问卷已经结束，不能再提交了')
    expect(errorMessage(new ApiError('CONFLICT', ''))).toBe('内容已被他人修改，请刷新后再改')
    expect(errorMessage(new ApiError('NOT_FOUND', '邀请码无效、已使用或已过期'))).toBe('邀请码无效、已使用或已过期')
    expect(errorMessage(new ApiError('NOT_FOUND', ''))).toBe('内容不存在或已被删除')
  })

  it('falls back to a friendly line for unknown errors', () => {
    expect(errorMessage(new Error('boom'))).toBe('出了点问题，请稍后再试')
  })
})

describe('describeError: what happened, what to do next, and whether retrying helps', () => {
  it.each([
    ['network (no answer)', new ApiError('NETWORK', '网络不太好，请检查网络后重试'), 'network', /检查网络后重试/, true],
    ['not signed in', new ApiError('UNAUTHENTICATED', '请先登录', [], 401), 'permission', /重新登录/, false],
    ['not allowed', new ApiError('FORBIDDEN', '仅限工作人员使用', [], 403), 'permission', /^仅限工作人员使用。如有疑问，请联系社区工作人员$/, false],
    ['service unreachable as deployed', new ApiError('SERVICE_UNAVAILABLE', '这个功能还没有准备好（服务没有部署），请联系社区工作人员'), 'permission', /^这个功能还没有准备好（服务没有部署），请联系社区工作人员$/, false],
    ['bad input, with fields', new ApiError('VALIDATION', '填写的内容有误，请按提示修改', [{ path: 'name', message: '请填写姓名' }, { path: 'phone', message: '电话号码格式不对' }], 400), 'validation', /^请填写姓名；电话号码格式不对$/, false],
    ['bad input, no fields', new ApiError('BAD_REQUEST', '请求格式不对', [], 400), 'validation', /^请求格式不对$/, false],
    ['server fault', new ApiError('INTERNAL', '服务暂时不可用，请稍后再试', [], 500), 'server', /稍后再试/, true],
    ['WeChat: the function threw', new ApiError('SERVER_FAULT', '服务出错了，请稍后再试；一直这样请联系社区工作人员'), 'server', /稍后再试/, true],
    ['not an envelope (a proxy page)', new ApiError('BAD_RESPONSE', '', [], 502), 'server', /稍后再试/, true],
    ['rate-limited with a wait', new ApiError('RATE_LIMITED', '操作太频繁，请稍后再试', [], 429, 37), 'rateLimited', /^操作太频繁，请稍等 37 秒再试$/, true],
    ['busy, no wait given', new ApiError('TOO_MANY_REQUESTS', '访问太频繁，请稍等一分钟再试', [], 429), 'rateLimited', /稍等一分钟/, true],
    ['a refusal in the server\'s words', new ApiError('NOT_FOUND', '邀请码无效、已使用或已过期', [], 404), 'refused', /^邀请码无效、已使用或已过期$/, false],
    ['app and service out of step', new ApiError('UNKNOWN_ACTION', '未知的操作：x', [], 400), 'refused', /更新到最新版本/, false],
  ])('%s', (_name, error, kind, message, retry) => {
    const view = describeError(error)
    expect(view.kind).toBe(kind)
    expect(view.message).toMatch(message)
    expect(view.retryable).toBe(retry)
    expect(isRetryable(error)).toBe(retry)
    expect(errorMessage(error)).toBe(view.message)
  })

  it('offline (the browser says so): any failed tap says it is offline and what to do, in the same words', () => {
    const had = Object.getOwnPropertyDescriptor(globalThis, 'navigator')
    Object.defineProperty(globalThis, 'navigator', { value: { onLine: false }, configurable: true })
    try {
      for (const e of [new ApiError('NETWORK', '网络不太好，请检查网络后重试'), new TypeError('Failed to fetch'), new Error('Loading chunk 12 failed')]) {
        expect(describeError(e)).toEqual({ kind: 'network', message: OFFLINE_TAP_MESSAGE, retryable: true })
      }
      expect(OFFLINE_TAP_MESSAGE).toMatch(/^没有连上网络.*再点一次$/)
      // A refusal is still the server's own words, offline or not.
      expect(errorMessage(new ApiError('NOT_FOUND', '问卷不存在或已删除', [], 404))).toBe('问卷不存在或已删除')
    } finally {
      if (had) Object.defineProperty(globalThis, 'navigator', had)
      else delete (globalThis as { navigator?: unknown }).navigator
    }
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('出了点问题，请稍后再试')
  })

  it('reads the wait from the envelope the server sends', () => {
    let caught: unknown
    try {
      unwrapEnvelope({ ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试', retryAfter: 8.2 } }, 429)
    } catch (e) {
      caught = e
    }
    expect(describeError(caught)).toEqual({ kind: 'rateLimited', message: '操作太频繁，请稍等 9 秒再试', retryable: true, retryAfter: 9 })
  })
})
