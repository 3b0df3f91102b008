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
  it('says a conflict in plain words', () => {
    expect(errorMessage(new ApiError('CONFLICT', 'version mismatch'))).toBe('内容已被他人修改，请刷新后再改')
  })

  it('falls back to a friendly line for unknown errors', () => {
    expect(errorMessage(new Error('boom'))).toBe('出了点问题，请稍后再试')
  })
})
