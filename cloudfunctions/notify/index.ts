import { wechatNotifier } from '../_shared/notifier/wechat'
import { wxSubscribeSend } from '../_shared/notifier/wx-send'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { notifyActions } from './actions'
import { type NotifyDeps, policyTemplateFromEnv, realTimer } from './deps'

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
  // The function's timeout is 60 s: send for 40 s, then the staff page calls again to go on.
  pace: { perSecond: 10, budgetMs: 40_000 },
  timer: realTimer,
}

export const main = makeMain('notify', notifyActions(notifyDeps), cloudbaseRoot)
