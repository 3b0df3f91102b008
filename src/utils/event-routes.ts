import { pageUrl } from '@shared/domain/pages'

/** Page URLs of promotion events and the inbox (kept beside `routes.ts`, which other features share). */
export const eventRoutes = {
  event: (id: string) => pageUrl('event', { id }),
  inbox: pageUrl('inbox'),
  /** The linked survey (built by the survey feature). */
  survey: (id: string) => pageUrl('survey', { id }),
  /** Case registration that remembers which event it came from (built by the intent feature). */
  intentForm: (eventId: string) => pageUrl('intentForm', { eventId }),
  staffEvents: pageUrl('staffEvents'),
  eventEdit: (id?: string) => pageUrl('eventEdit', { id }),
  eventPoster: (id: string) => pageUrl('eventPoster', { id }),
  eventCheckin: (id: string) => pageUrl('eventCheckin', { id }),
  eventAttendees: (id: string) => pageUrl('eventAttendees', { id }),
} as const

// The event's time labels live apart so the 活动 tab's cards carry them without the route table.
export { eventTimeLabel, fromLocalParts, shortTime, startLabel, toLocalParts } from './event-time'
