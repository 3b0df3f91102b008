import { SEED_GROUP_WORDS, TARGET_GROUP_LABELS, TARGET_GROUPS } from '../target-groups'

describe('target groups cover every group the seeds name', () => {
  it('files each of the seeds’ groups (seed 001 一是…七是, 妇女创业; seed 000) under a target group with a label', () => {
    for (const [words, group] of Object.entries(SEED_GROUP_WORDS)) {
      expect({ words, known: TARGET_GROUPS.includes(group) }).toEqual({ words, known: true })
      expect(TARGET_GROUP_LABELS[group].length).toBeGreaterThan(0)
    }
    // The one the first version missed.
    expect(TARGET_GROUP_LABELS[SEED_GROUP_WORDS['民营企业二次创业']]).toBe('民营企业二次创业')
    // Every group but the two national-policy ones (退役军人, 残疾人) comes from the seeds.
    const fromSeeds = new Set(Object.values(SEED_GROUP_WORDS))
    expect(TARGET_GROUPS.filter((g) => !fromSeeds.has(g))).toEqual(['veteran', 'disabled'])
  })
})
