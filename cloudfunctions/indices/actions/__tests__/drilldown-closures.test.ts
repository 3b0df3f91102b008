/**
 * The cases behind a flow figure include those that moved it down: a venture closed in the period
 * lowers 私营企业净增 (and its jobs lower 贡献率), so the drill-down must list that case too, not only
 * cases whose contributions add up to more than zero. Stock figures still list members only.
 */
import type { Case } from '../../../_shared/domain/case'
import { countsToward } from '../drilldown'

const at = (d: string) => new Date(`${d}T12:00:00+08:00`).toISOString()

const closedIn = (closureDate: string): Case =>
  ({
    _id: 'int_closed',
    status: 'accepted',
    createdAt: at('2024-03-10'),
    startedAt: at('2025-01-15'),
    stage: 'started',
    stageHistory: [],
    followUps: [],
    targetGroups: ['unemployed'],
    needs: [],
    askedHelp: false,
    benefits: [],
    ventures: [{ id: 'v', name: '食品公司', kind: 'enterprise', registrationDate: '2025-01-15', jobsCreated: 5, status: 'closed', closureDate, updatedAt: '', byName: '' }],
  }) as unknown as Case

describe('countsToward (the cases behind a figure)', () => {
  it('lists a case whose venture closed in the period under 私营企业净增, which it moved by −1', () => {
    expect(countsToward(closedIn('2025-09-30'), { metrics: ['operating_enterprise'], mode: 'flow', period: '2025-M09' })).toBe(true)
    // Registered in January of the same period: it moved the figure there.
    expect(countsToward(closedIn('2025-09-30'), { metrics: ['operating_enterprise'], mode: 'flow', period: '2025-M01' })).toBe(true)
    // A month in between it did not move.
    expect(countsToward(closedIn('2025-09-30'), { metrics: ['operating_enterprise'], mode: 'flow', period: '2025-M05' })).toBe(false)
    // Opened and closed within one year: the year's net is 0, so it is not behind the year's figure.
    expect(countsToward(closedIn('2025-09-30'), { metrics: ['operating_enterprise'], mode: 'flow', period: '2025' })).toBe(false)
  })

  it('a stock figure lists only the cases in it: the closed venture is not an operating enterprise at the year end', () => {
    expect(countsToward(closedIn('2025-09-30'), { metrics: ['operating_enterprise'], mode: 'stock', period: '2025' })).toBe(false)
    expect(countsToward(closedIn('2026-02-01'), { metrics: ['operating_enterprise'], mode: 'stock', period: '2025' })).toBe(true)
  })
})
