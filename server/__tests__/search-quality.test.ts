import { SEARCH_QUESTIONS } from '../search-questions'
import { measureSearchQuality } from '../search-quality'

describe('search answers plain questions (the 30+ question set from the seeds)', () => {
  it('finds what each question needs in its top three for at least 90% of the set, and never an expired, draft or other district’s policy', async () => {
    expect(SEARCH_QUESTIONS.length).toBeGreaterThanOrEqual(30)
    const r = await measureSearchQuality()
    // The misses, if any, are printed by the assertion below for whoever tunes the lexicon.
    expect({ rate: r.rate >= 0.9, misses: r.misses }).toEqual({ rate: true, misses: r.rate >= 0.9 ? r.misses : [] })
    expect(r.leaked).toEqual([])
  })
})
