import { call } from '../core/cloud'

/**
 * The surveys open to me and recent results of my community: the survey entry on the tabs (main
 * package) calls only this, so it has a module of its own (issue 24: the rest of the survey calls,
 * with the offline outbox they send answers through, stay with the subpackage pages).
 */
export function openSurveys() {
  return call('survey', 'open', {})
}
