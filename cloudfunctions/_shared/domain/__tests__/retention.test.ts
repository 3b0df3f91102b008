import { isDueForAnonymisation, RETENTION_DAYS_DEFAULT, retentionCutoff } from '../retention'

describe('retention rule', () => {
  const now = new Date('2029-12-01T00:00:00.000Z')
  const cutoff = retentionCutoff(now, RETENTION_DAYS_DEFAULT)

  it('defaults to three years', () => {
    expect(RETENTION_DAYS_DEFAULT).toBe(1095)
    expect(cutoff).toBe('2026-12-02T00:00:00.000Z')
    expect(retentionCutoff(now, 30)).toBe('2029-11-01T00:00:00.000Z')
  })

  it('is due only for finished cases untouched since before the cutoff, and never twice', () => {
    const old = '2026-11-22T02:00:00.000Z'
    expect(isDueForAnonymisation({ stage: 'closed', status: 'accepted', updatedAt: old }, cutoff)).toBe(true)
    expect(isDueForAnonymisation({ stage: 'registered', status: 'withdrawn', updatedAt: old }, cutoff)).toBe(true)
    expect(isDueForAnonymisation({ stage: 'operating', status: 'accepted', updatedAt: old }, cutoff)).toBe(false)
    expect(isDueForAnonymisation({ stage: 'registered', status: 'pending', updatedAt: old }, cutoff)).toBe(false)
    expect(isDueForAnonymisation({ stage: 'closed', status: 'accepted', updatedAt: cutoff }, cutoff)).toBe(false)
    expect(isDueForAnonymisation({ stage: 'closed', status: 'accepted', updatedAt: '2027-06-01T00:00:00.000Z' }, cutoff)).toBe(false)
    expect(isDueForAnonymisation({ stage: 'closed', status: 'accepted', updatedAt: old, anonymisedAt: old }, cutoff)).toBe(false)
  })
})
