import { fenToYuanText, yuanToFen } from '../money'

describe('yuan typed in a form and fen stored', () => {
  it('turns typed yuan into exact fen, and anything else into NaN', () => {
    expect(yuanToFen('5000')).toBe(500_000)
    expect(yuanToFen(' 0.1 ')).toBe(10)
    expect(yuanToFen('19.99')).toBe(1999)
    for (const bad of ['', '-1', '1.234', '1e3', '一千', '1,000']) expect(yuanToFen(bad)).toBeNaN()
  })
  it('shows stored fen as the yuan the field started from', () => {
    for (const fen of [500_000, 10, 1999, 30_000_000, 1, 120]) expect(yuanToFen(fenToYuanText(fen))).toBe(fen)
    expect(fenToYuanText(30_000_000)).toBe('300000')
    expect(fenToYuanText(10)).toBe('0.1')
  })
})
