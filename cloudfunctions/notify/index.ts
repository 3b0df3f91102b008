import { wechatNotifier } from '../_shared/notifier/wechat'
import { wxSubscribeSend } from '../_shared/notifier/wx-send'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { notifyActions } from './actions'
import { noticeTemplateFromEnv, type NotifyDeps, policyTemplateFromEnv, realTimer } from './deps'
import { sendNotices } from './notice-sender'

const notifier = wechatNotifier(wxSubscribeSend)

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
