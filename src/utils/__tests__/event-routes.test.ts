jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))

import { eventTimeLabel, startLabel } from '../event-routes'

describe('time labels (Shanghai)', () => {
  it('names a session by its start and end, and a course by its first start alone', () => {
    expect(eventTimeLabel('2026-11-23T01:00:00Z', '2026-11-23T03:30:00Z')).toBe('11月23日 周一 09:00–11:30')
    // The course list used to pass the first start twice: "00:20–00:20".
    expect(startLabel('2026-12-04T16:20:00Z')).toBe('12月5日 周六 00:20')
    expect(startLabel('2026-11-23T01:00:00Z')).not.toContain('–')
  })
})
