import type { StoryHonor } from '../contracts/report'
import { HONOR_KIND_LABELS, type Honor } from '../domain/report'
import type { Collections } from '../store/collections'
import { type Store, where } from '../store/port'

/**
 * The 表彰 a success story shows: those linked to it whose resident consented (the consent is
 * recorded on the 表彰 by the naming office, `report.honorConsent`); without consent, nothing.
 */
export async function storyHonors(store: Store<Collections>, storyId: string): Promise<StoryHonor[]> {
  const page = await store.collection('honors').find({ where: where.eq<Honor>('storyId', storyId), limit: 20 })
  return page.items
    .filter((h) => h.kind === 'entrepreneur' && h.consent !== null)
    .sort((a, b) => b.year - a.year)
    .map((h) => ({ year: h.year, kindLabel: HONOR_KIND_LABELS[h.kind], byOrgName: h.byOrgName, citation: h.citation }))
}
