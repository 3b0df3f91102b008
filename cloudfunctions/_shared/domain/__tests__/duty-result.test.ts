import { dutyResult, dutyScore, itemPoints, targetAttainment } from '../duty'

describe('目标责任考核 rule (dutyResult, targetAttainment)', () => {
  it('attainment is live ÷ target capped at 1 for ratio and count targets; at most, above last year and missing data as documented', () => {
    expect(targetAttainment('min', 0.15, 0.12, null)).toEqual({ rate: 0.8, note: null })
    expect(targetAttainment('min', 0.15, 0.3, null)).toEqual({ rate: 1, note: null })
    expect(targetAttainment('increase', 49, 12, null)).toEqual({ rate: 0.245, note: null })
    expect(targetAttainment('increase', 49, -3, null)).toEqual({ rate: 0, note: null })
    expect(targetAttainment('max', 0, 0, null)).toEqual({ rate: 1, note: null })
    expect(targetAttainment('max', 0, 2, null)).toEqual({ rate: 0, note: null })
    expect(targetAttainment('max', 2, 4, null)).toEqual({ rate: 0.5, note: null })
    // 明显提高 = higher than the same period last year.
    expect(targetAttainment('aboveLast', null, 81, 80)).toEqual({ rate: 1, note: null })
    expect(targetAttainment('aboveLast', null, 80, 80)).toEqual({ rate: 0, note: null })
    expect(targetAttainment('aboveLast', null, 81, null).rate).toBe(0)
    expect(targetAttainment('min', 0.6, null, null)).toEqual({ rate: 0, note: '缺数据，记 0' })
  })

  it('the result is the weighted mean of the items’ shown points; only targets or only tasks still score; neither is null, not 0', () => {
    // Two targets (weight 1: 0.8 and 1) and a task of weight 6 done on time, one of weight 2 not.
    expect(dutyResult([{ weight: 1, rate: 0.8 }, { weight: 1, rate: 1 }, { weight: 6, rate: 1 }, { weight: 2, rate: 0 }])).toBe(78)
    expect(dutyResult([{ weight: 1, rate: 0.245 }])).toBe(24.5)
    expect(dutyResult([])).toBeNull()
    expect(itemPoints({ weight: 3, rate: 0.333 })).toBe(0.999)
    // Tasks alone as before.
    expect(dutyScore([{ weight: 6, deadline: '2026-11-30', doneOn: '2026-11-22' }, { weight: 4, deadline: '2026-11-10', doneOn: '2026-11-22' }])).toBe(60)
  })
})
