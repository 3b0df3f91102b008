/**
 * The WeChat transport tells apart what went wrong with `Taro.cloud.callFunction`: the network,
 * a timeout, a function that failed, one that is not deployed or lives in another environment,
 * and a missing permission, each in plain words, with retry offered only where it can help.
 */
let failWith: unknown = null

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    cloud: {
      init: () => undefined,
      callFunction: async () => {
        if (failWith) throw failWith
        return { result: { ok: true, data: { hello: 'world' } } }
      },
    },
  },
}))

import { call, errorMessage, ErrorCodes, isApiError, isRetryable } from '../cloud.weapp'

async function failure(err: unknown) {
  failWith = err
  try {
    await call('policy', 'list', {} as never)
    throw new Error('expected a failure')
  } catch (e) {
    if (!isApiError(e)) throw e
    return { code: e.code, message: errorMessage(e), retry: isRetryable(e) }
  } finally {
    failWith = null
  }
}

beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined))

it('passes a successful envelope through', async () => {
  expect(await call('policy', 'list', {} as never)).toEqual({ hello: 'world' })
})

it.each([
  ['network', { errCode: -1, errMsg: 'cloud.callFunction:fail request:fail timeout' }, ErrorCodes.network, /网络/, true],
  ['function timed out', { errCode: -504002, errMsg: 'cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: Invoking task timed out after 60 seconds' }, ErrorCodes.network, /超时/, true],
  ['function threw', { errCode: -504002, errMsg: 'cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: TypeError: x is undefined' }, ErrorCodes.serverFault, /服务出错/, true],
  ['function missing', { errCode: -501000, errMsg: 'cloud.callFunction:fail requestID , errCode -501000 | errMsg: [ResourceNotFound.Function] FunctionName parameter could not be found.' }, ErrorCodes.unavailable, /没有部署/, false],
  ['wrong environment', { errCode: -501000, errMsg: 'cloud.callFunction:fail errCode: -501000 | errMsg: [ResourceNotFound] Env not exists' }, ErrorCodes.unavailable, /环境/, false],
  ['no permission', { errCode: -401001, errMsg: 'cloud.callFunction:fail api permission denied' }, ErrorCodes.unavailable, /权限/, false],
])('%s', async (_name, err, code, message, retry) => {
  const got = await failure(err)
  expect(got.code).toBe(code)
  expect(got.message).toMatch(message)
  expect(got.retry).toBe(retry)
})

it('a refusal from the function itself is not retryable and keeps its own words', async () => {
  expect.assertions(2)
  const { unwrapEnvelope } = await import('../cloud-core')
  try {
    unwrapEnvelope({ ok: false, error: { code: 'VALIDATION', message: '请填写姓名', fields: [{ path: 'name', message: '请填写姓名' }] } })
  } catch (e) {
    expect(isRetryable(e)).toBe(false)
    expect(errorMessage(e)).toBe('请填写姓名')
  }
})
