import { getUnlimited } from '../../codes/wx-sdk'
import type { GetUnlimitedParams } from '../../codes/wxacode'
import type { SubscribeSendParams } from '../../notifier/wechat'
import { wxSubscribeSend } from '../../notifier/wx-send'

// wx-server-sdk is installed by CloudBase, not this repository: a stand-in that records its calls.
const init = jest.fn()
const send = jest.fn(async () => ({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }))
const unlimited = jest.fn(async () => ({ buffer: Buffer.from('png'), contentType: 'image/png' }))
jest.mock('wx-server-sdk', () => ({ init, DYNAMIC_CURRENT_ENV: 'current-env', openapi: { subscribeMessage: { send }, wxacode: { getUnlimited: unlimited } } }), { virtual: true })

it('loads wx-server-sdk once, set up for the current environment, and routes each cloud call to it', async () => {
  const message: SubscribeSendParams = { touser: 'o1', templateId: 't1', page: 'pages/index/index', data: {}, miniprogramState: 'formal', lang: 'zh_CN' }
  expect(await wxSubscribeSend(message)).toEqual({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' })
  expect(send).toHaveBeenCalledWith(message)
  const code: GetUnlimitedParams = { scene: 'e=ABCD1234', page: 'pages/index/index', checkPath: false, envVersion: 'release', width: 430 }
  expect(Buffer.from((await getUnlimited(code)).buffer).toString()).toBe('png')
  expect(unlimited).toHaveBeenCalledWith(code)
  expect(init).toHaveBeenCalledTimes(1)
  expect(init).toHaveBeenCalledWith({ env: 'current-env' })
})
