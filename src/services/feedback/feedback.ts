import type { FeedbackListInput, FeedbackSubmitInput } from '@shared/contracts/feedback'
import type { FeedbackResolution } from '@shared/domain/feedback'
import { env } from '../../env'
import { call } from '../core/cloud'


export const submitFeedback = (input: FeedbackSubmitInput) => call('feedback', 'submit', input)
export const myFeedback = (after: string | null = null) => call('feedback', 'mine', { after, limit: 20 })
export const getFeedback = (id: string) => call('feedback', 'get', { id })
export const rateFeedback = (id: string, rating: number, comment: string) => call('feedback', 'close', { id, rating, comment })
export const reopenFeedback = (id: string, text: string) => call('feedback', 'reopen', { id, text })

export const feedbackInbox = (input: FeedbackListInput) => call('feedback', 'list', input)
export const replyFeedback = (id: string, text: string, internal: boolean) => call('feedback', 'reply', { id, text, internal })
export const assignFeedback = (id: string, staffId: string) => call('feedback', 'assign', { id, staffId })
export const closeFeedback = (id: string, resolution: FeedbackResolution, note: string) => call('feedback', 'close', { id, resolution, note })
export const feedbackStats = () => call('feedback', 'stats', {})

/** A photo link as the page can load it: local-runtime links are relative to the API. */
export function photoSrc(url: string): string {
  return url.startsWith('/') ? `${env.apiBase}${url}` : url
}
