import { prefersNativeDateInput } from '../native'

const media = (fine: boolean) => ({ matchMedia: (q: string) => ({ matches: fine && q.includes('pointer: fine') }) as MediaQueryList })

describe('which date input a browser gets', () => {
  it('a desktop (mouse) gets the browser date input', () => {
    expect(prefersNativeDateInput(media(true))).toBe(true)
  })
  it('a phone (finger) keeps the wheel', () => {
    expect(prefersNativeDateInput(media(false))).toBe(false)
  })
  it('no window (the mini-program, a test) keeps the wheel', () => {
    expect(prefersNativeDateInput(undefined)).toBe(false)
  })
})
