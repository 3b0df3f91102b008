import type { GuideSaveInput, MentorSaveInput, StorySaveInput } from '@shared/contracts/service'
import { call } from '../core/cloud'

export { getHotline, listStories } from './home'


export const listSites = (view: 'resident' | 'manage', after: string | null) => call('service', 'sites', { view, after, limit: 20 })
export const applySite = (siteId: string, note: string) => call('service', 'applySite', { siteId, note })
export const listSiteApplications = (status?: 'pending') => call('service', 'siteApplications', status ? { status, limit: 50 } : { limit: 50 })
export const placeSite = (id: string, reply: string) => call('service', 'placeSite', { id, reply })
export const declineSite = (id: string, reply: string) => call('service', 'declineSite', { id, reply })
export const listGuides = (policyId?: string) => call('service', 'guides', policyId ? { policyId, limit: 20 } : { limit: 20 })
export const getGuide = (id: string) => call('service', 'guide', { id })
export const getStory = (id: string) => call('service', 'story', { id })
export const requestMentor = (topic: string, preferredTime: string) => call('service', 'requestMentor', { topic, preferredTime })
export const listMentors = () => call('service', 'mentors', { view: 'resident', limit: 50 })
export const assignMentor = (intentId: string, mentorId: string | null) => call('service', 'assignMentor', { intentId, mentorId })
export const searchAll = (q: string) => call('service', 'search', { q })

/** Staff: mentors of their chain (`resident`: their org and above) or their subtree (`manage`). */
export const listMentorsAs = (view: 'resident' | 'manage', after: string | null = null) => call('service', 'mentors', { view, after, limit: 50 })
export const saveMentor = (input: MentorSaveInput) => call('service', 'saveMentor', input)
export const listManagedGuides = (after: string | null) => call('service', 'guides', { view: 'manage', after, limit: 20 })
export const saveGuide = (input: GuideSaveInput) => call('service', 'saveGuide', input)
export const listManagedStories = (after: string | null) => call('service', 'stories', { view: 'manage', after, limit: 20 })
export const saveStory = (input: StorySaveInput) => call('service', 'saveStory', input)
export const listMentorRequests = (intentId: string) => call('service', 'mentorRequests', { intentId })
export const answerMentorRequest = (id: string, status: 'scheduled' | 'closed') => call('service', 'closeMentorRequest', { id, status })
