import type { EventListInput } from '@shared/contracts/event'
import { call } from '../core/cloud'

/**
 * The events list: the 活动 tab's only event call, in a module of its own so the tab (main package)
 * does not carry the rest of the event service, which only subpackage pages use (issue 24).
 */
export const listEvents = (input: EventListInput) => call('event', 'list', input)
