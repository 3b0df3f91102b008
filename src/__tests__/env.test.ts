import { parseEnv } from '../env'

describe('parseEnv', () => {
  it('accepts empty settings (same-origin API, default cloud environment)', () => {
    expect(parseEnv({})).toEqual({ cloudEnv: '', apiBase: '' })
  })

  it('drops a trailing slash from the API base so paths join cleanly', () => {
    expect(parseEnv({ apiBase: 'http://127.0.0.1:8080/' }).apiBase).toBe('http://127.0.0.1:8080')
    expect(parseEnv({ apiBase: '/cy/' }).apiBase).toBe('/cy')
  })

  it('names every bad setting at start-up', () => {
    expect(() => parseEnv({ cloudEnv: 'has space', apiBase: 'ftp://x' })).toThrow(/TARO_APP_CLOUD_ENV.*TARO_APP_API_BASE/)
  })
})
