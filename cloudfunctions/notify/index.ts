import { wechatNotifier, type SubscribeSendParams, type SubscribeSendResult } from '../_shared/notifier/wechat'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { notifyActions } from './actions'
import { noticeTemplateFromEnv, type NotifyDeps, policyTemplateFromEnv, realTimer } from './deps'
import { sendNotices } from './notice-sender'

/** The slice of wx-server-sdk the notifier uses. */
interface WxServerSdk {
  init(options: { env: unknown }): void
  DYNAMIC_CURRENT_ENV: unknown
  openapi: { subscribeMessage: { send(params: SubscribeSendParams): Promise<SubscribeSendResult> } }
}

let sdk: WxServerSdk | null = null

/**
 * WeChat's cloud call, loaded on first use. wx-server-sdk is a dependency of the deployed
 * function (CloudBase installs it), not of this repository, hence the runtime require.
 */
async function subscribeSend(params: SubscribeSendParams): Promise<SubscribeSendResult> {
  if (!sdk) {
    const name = 'wx-server-sdk'
    const loaded = require(name) as WxServerSdk
    loaded.init({ env: loaded.DYNAMIC_CURRENT_ENV })
    sdk = loaded
  }
  return sdk.openapi.subscribeMessage.send(params)
}

const notifier = wechatNotifier(subscribeSend)

/**
 * Built once at load from the function's configuration. A template variable the CLI left as
 * `{{env.SUBSCRIBE_TEMPLATE_POLICY}}`, or an empty one, means "not configured": the function
 * still loads, pushes reach the in-app inbox only, and `pushStatus` says 未配置.
 */
export const notifyDeps: NotifyDeps = {
  notifier: () => notifier,
  // The template id is the function's environment variable (README, deployment).
  template: policyTemplateFromEnv(process.env),
  noticeTemplate: noticeTemplateFromEnv(process.env),
  // The function's timeout is 60 s: send for 40 s, then the staff page calls again to go on.
  pace: { perSecond: 10, budgetMs: 40_000 },
  timer: realTimer,
}

/** `sendNotices` (timer, every minute): progress notices other functions queued go out as subscribe messages. */
export const main = makeMain('notify', notifyActions(notifyDeps), cloudbaseRoot, {
  sendNotices: (store) => sendNotices({ store, keyring: cloudbaseRoot().keyring(), notifier, template: notifyDeps.noticeTemplate, now: () => new Date() }),
})
