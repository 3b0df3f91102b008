import { ApiError, errorMessage, isApiError, unwrapEnvelope } from '../cloud-core'

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
