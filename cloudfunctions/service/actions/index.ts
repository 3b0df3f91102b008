import type { ActionMap } from '../../_shared/runtime/action'
import { applySite, declineSite, placeSite, siteApplications } from './apply-site'
import { assignMentor, closeMentorRequest, mentorRequests, requestMentor } from './assign-mentor'
import { guide, guides, saveGuide } from './guides'
import { hotline, saveHotline } from './hotline'
import { mentors, saveMentor } from './mentors'
import { search } from './search'
import { saveSite, site, sites } from './sites'
import { saveStory, stories, story } from './stories'

/** The `service` function's actions: mentors, sites, guides, stories, the hotline and search. */
export const serviceActions = {
  mentors,
  saveMentor,
  assignMentor,
  requestMentor,
  mentorRequests,
  closeMentorRequest,
  sites,
  site,
  saveSite,
  applySite,
  siteApplications,
  placeSite,
  declineSite,
  guides,
  guide,
  saveGuide,
  stories,
  story,
  saveStory,
  hotline,
  saveHotline,
  search,
} satisfies ActionMap
