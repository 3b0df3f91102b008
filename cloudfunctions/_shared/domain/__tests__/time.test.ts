import { dayText, minuteText, shanghaiDate, shanghaiParts } from '../time'

describe('dates shown in Shanghai time', () => {
  // 17:30 UTC on the 21st is 01:30 on the 22nd in Shanghai: the UTC day would be one off.
  const lateUtc = '2026-11-21T17:30:00.000Z'

  it('dayText gives the Shanghai day of an instant, not the UTC day', () => {
    expect(dayText(lateUtc)).toBe('2026-11-22')
    expect(dayText('2026-11-22T00:10:00+08:00')).toBe('2026-11-22')
  })

  it('dayText keeps a calendar date as it is (a survey closing on the 30th closes on the 30th)', () => {
    expect(dayText('2026-11-30')).toBe('2026-11-30')
    expect(dayText('2026-01-01')).toBe('2026-01-01')
  })

  it('minuteText gives the Shanghai date and minute', () => {
    expect(minuteText(lateUtc)).toBe('2026-11-22 01:30')
    expect(minuteText('2026-12-31T16:05:59Z')).toBe('2027-01-01 00:05')
  })

  it('a missing value shows nothing', () => {
    expect(dayText('')).toBe('')
    expect(dayText(undefined)).toBe('')
    expect(minuteText(null)).toBe('')
  })

  it('parts agree with shanghaiDate and give the weekday in Shanghai', () => {
    expect(shanghaiParts(lateUtc).date).toBe(shanghaiDate(new Date(lateUtc)))
    // 2026-11-22 is a Sunday.
    expect(shanghaiParts(lateUtc)).toMatchObject({ year: 2026, month: 11, day: 22, weekday: 0, time: '01:30' })
  })
})
