import { cloudbaseExportFiles } from '../_shared/files/cloudbase'
import { cloudbasePhotoFiles } from '../_shared/files/cloudbase-photos'
import { wechatNotifier } from '../_shared/notifier/wechat'
import { wxSubscribeSend } from '../_shared/notifier/wx-send'
import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { makeMain } from '../_shared/runtime/make-main'
import { makeEvaluationActions } from './actions'
import { sendReminders } from './remind'

const files = cloudbaseExportFiles()
const photos = cloudbasePhotoFiles()
const notifier = wechatNotifier(wxSubscribeSend)
/** A template variable the CLI left as `{{env.…}}`, or an empty one, means "not configured": inbox only. */
const template = /^[A-Za-z0-9_-]{1,64}$/.test(process.env.SUBSCRIBE_TEMPLATE_EVALUATION?.trim() ?? '') ? (process.env.SUBSCRIBE_TEMPLATE_EVALUATION ?? '').trim() : null

/** `dailyRemind` (config.json timer trigger): deadline reminders into staff inboxes. */
export const main = makeMain(
  'evaluation',
  makeEvaluationActions(() => files, { photos: () => photos, push: () => ({ notifier, templateId: template }) }),
  cloudbaseRoot,
  { dailyRemind: (store) => sendReminders(store, new Date()) },
)
