import { call } from '../core/cloud'

/**
 * What the tabs (main package) call of the service function: the hotline card and the service
 * corner's stories. A module of its own so the tabs do not carry the rest of the service calls,
 * which only subpackage pages use (issue 24).
 */
export const listStories = (limit: number) => call('service', 'stories', { limit })
export const getHotline = () => call('service', 'hotline', {})
