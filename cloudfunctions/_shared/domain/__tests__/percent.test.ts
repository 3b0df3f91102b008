import { percentText } from '../percent'

describe('percentText', () => {
  it('shows one decimal, and small shares with enough digits not to read as none', () => {
    expect(percentText(0.153)).toBe('15.3%')
    expect(percentText(1)).toBe('100.0%')
    expect(percentText(0)).toBe('0.0%')
    expect(percentText(1 / 3000)).toBe('0.033%')
    expect(percentText(1 / 1000)).toBe('0.1%')
    expect(percentText(1 / 100000)).toBe('0.001%')
    expect(percentText(null)).toBe('—')
  })
})
