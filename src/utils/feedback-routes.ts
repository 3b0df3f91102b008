import type { FeedbackStatus, FeedbackSubjectKind } from '@shared/domain/feedback'
import { pageUrl } from '@shared/domain/pages'

/** Page URLs of feedback (反馈/投诉), resident and staff, and what their lists show. */
export const feedbackRoutes = {
  /** The form; `about` names what the feedback concerns (a policy, an event or the resident's case). */
  form: (about?: { kind: FeedbackSubjectKind; id: string; title: string; communityId?: string }) => {
    if (!about) return pageUrl('feedbackForm')
    return pageUrl('feedbackForm', { subject: about.kind, id: about.id, title: about.title, communityId: about.communityId })
  },
  mine: pageUrl('myFeedback'),
  detail: (id: string) => pageUrl('feedbackDetail', { id }),
  inbox: pageUrl('feedbackInbox'),
  staffItem: (id: string) => pageUrl('feedbackItem', { id }),
} as const

/** Chip tone of each status. */
export const FEEDBACK_STATUS_TONES: Record<FeedbackStatus, 'warning' | 'primary' | 'success' | 'neutral'> = {
  received: 'warning',
  in_progress: 'primary',
  answered: 'success',
  closed: 'neutral',
}

