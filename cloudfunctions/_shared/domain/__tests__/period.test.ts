import { isPeriod, periodsOf, previousPeriod } from '../period'

describe('reporting periods (Asia/Shanghai)', () => {
  it('puts an instant in the Shanghai month, quarter and year', () => {
    expect(periodsOf(new Date('2026-03-31T15:59:59Z'))).toEqual({ month: '2026-M03', quarter: '2026-Q1', year: '2026' })
    // 16:00 UTC on 31 March is already 1 April in Shanghai.
    expect(periodsOf(new Date('2026-03-31T16:00:00Z'))).toEqual({ month: '2026-M04', quarter: '2026-Q2', year: '2026' })
    expect(periodsOf(new Date('2026-12-31T16:30:00Z'))).toEqual({ month: '2027-M01', quarter: '2027-Q1', year: '2027' })
  })

  it('steps back one period of the same kind, across years', () => {
    expect(previousPeriod('2026-M01')).toBe('2025-M12')
    expect(previousPeriod('2026-M11')).toBe('2026-M10')
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4')
    expect(previousPeriod('2026-Q3')).toBe('2026-Q2')
    expect(previousPeriod('2026')).toBe('2025')
    expect(() => previousPeriod('2026-W01')).toThrow()
  })

  it('recognises only well-formed periods', () => {
    for (const p of ['2026', '2026-M01', '2026-M12', '2026-Q4']) expect(isPeriod(p)).toBe(true)
    for (const p of ['2026-M13', '2026-M00', '2026-Q5', '26', '2026-1']) expect(isPeriod(p)).toBe(false)
  })
})
