import { fileRef } from '../file'

describe('fileRef: the one reply shape for a file handed to the client', () => {
  it('keeps a cloud file id (CloudBase) or a runtime link (local), dropping nothing else', () => {
    expect(fileRef({ fileID: 'cloud://env-1.bucket/exports/k.xlsx', fileName: '帮扶台帐.xlsx', expiresAt: null })).toEqual({
      fileID: 'cloud://env-1.bucket/exports/k.xlsx',
      fileName: '帮扶台帐.xlsx',
      expiresAt: null,
    })
    expect(fileRef({ url: '/api/downloads/AAAAAAAAAAAAAAAAAAAAAA.xlsx?name=x', fileName: 'x.xlsx', expiresAt: '2026-11-22T02:15:00.000Z' }).url).toBe(
      '/api/downloads/AAAAAAAAAAAAAAAAAAAAAA.xlsx?name=x',
    )
  })

  it.each([
    [{ fileName: 'x.xlsx', expiresAt: null }, /fileID 或 url/],
    [{ fileID: '/tmp/x.xlsx', fileName: 'x.xlsx', expiresAt: null }, /fileID/],
    [{ url: 'file:///etc/passwd', fileName: 'x.xlsx', expiresAt: null }, /url/],
    [{ fileID: 'cloud://env.b/x.xlsx', fileName: '../x.xlsx', expiresAt: null }, /fileName/],
    [{ fileID: 'cloud://env.b/x.xlsx', fileName: 'x.xlsx', expiresAt: 'soon' }, /expiresAt/],
  ])('refuses a reply the client could not open: %j', (bad, field) => {
    expect(() => fileRef(bad)).toThrow(field)
  })
})
