import { COLLECTION_NAMES } from '../collections'
import { NON_PERSONAL_COLLECTIONS, PRIVACY_ITEMS } from '../../domain/privacy'

describe('privacy notice', () => {
  it('describes every collection that is not declared free of personal data', () => {
    const described = new Set(PRIVACY_ITEMS.flatMap((i) => i.collections))
    const undescribed = COLLECTION_NAMES.filter((c) => !described.has(c) && !NON_PERSONAL_COLLECTIONS.includes(c))
    expect(undescribed).toEqual([])
  })

  it('names only collections that exist', () => {
    const all = new Set<string>(COLLECTION_NAMES)
    for (const c of [...PRIVACY_ITEMS.flatMap((i) => i.collections), ...NON_PERSONAL_COLLECTIONS]) expect(all.has(c)).toBe(true)
  })
})
