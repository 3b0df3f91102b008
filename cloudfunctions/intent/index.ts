import { subscribeClaimCodes } from '../_shared/notifier/claim-code'
import { wechatNotifier } from '../_shared/notifier/wechat'
import { wxSubscribeSend } from '../_shared/notifier/wx-send'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { makeIntentActions } from './actions'

/** A template variable the CLI left as `{{env.…}}`, or an empty one, means "not configured". */
function templateFromEnv(value: string | undefined): string | null {
  const v = value?.trim()
  return v && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : null
}

// Claim codes go to the resident as a subscribe message (template SUBSCRIBE_TEMPLATE_CLAIM).
const claimCodes = subscribeClaimCodes(wechatNotifier(wxSubscribeSend), templateFromEnv(process.env.SUBSCRIBE_TEMPLATE_CLAIM))

export const main = makeMain('intent', makeIntentActions({ claimCodes: () => claimCodes }), cloudbaseRoot)
