import type { SubscribeSendParams } from '../wechat'
import { wechatNotifier } from '../wechat'

const message = { id: 'pd_1', toUser: 'oABCDEF123456', templateId: 'tmpl-1', page: 'pages/policy-detail/index?id=p1', data: { thing1: { value: '政策' } } }

function rejecting(errCode: number | undefined) {
  return async (_p: SubscribeSendParams) => {
    throw Object.assign(new Error(`errCode: ${String(errCode)}`), errCode === undefined ? {} : { errCode })
  }
}

describe('wechatNotifier at the injected cloud call', () => {
  it('passes the message as subscribeMessage.send takes it', async () => {
    const seen: SubscribeSendParams[] = []
    const ok = await wechatNotifier(async (p) => {
      seen.push(p)
      return { errCode: 0 }
    }, 'trial').send(message)
    expect(ok).toEqual({ ok: true })
    expect(seen).toEqual([{ touser: 'oABCDEF123456', templateId: 'tmpl-1', page: 'pages/policy-detail/index?id=p1', data: { thing1: { value: '政策' } }, miniprogramState: 'trial', lang: 'zh_CN' }])
  })

  it('tells refused (43101) and rejected requests from transient failures', async () => {
    const kind = async (code: number | undefined) => {
      const r = await wechatNotifier(rejecting(code)).send(message)
      return r.ok ? 'ok' : r.kind
    }
    expect(await kind(43101)).toBe('refused')
    for (const c of [40003, 40037, 41030, 47003]) expect(await kind(c)).toBe('rejected')
    for (const c of [-1, 45009, 45011, undefined]) expect(await kind(c)).toBe('transient')
    // Older SDKs resolve with the error code instead of rejecting.
    const resolved = await wechatNotifier(async () => ({ errCode: 43101, errMsg: 'user refuse' })).send(message)
    expect(resolved).toMatchObject({ ok: false, kind: 'refused', code: '43101' })
  })
})
