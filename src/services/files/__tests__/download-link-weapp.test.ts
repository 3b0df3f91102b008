/**
 * The WeChat download of a file the server handed over: a cloud file id goes through
 * `Taro.cloud.downloadFile` (no download-domain whitelist), a link through `Taro.downloadFile`;
 * the downloaded temp file is opened as a document. Taro is replaced at the module boundary.
 */
const calls: { api: string; arg: unknown }[] = []
let cloudFails: unknown = null

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    cloud: {
      downloadFile: async (arg: { fileID: string }) => {
        calls.push({ api: 'cloud.downloadFile', arg })
        if (cloudFails) throw cloudFails
        return { tempFilePath: 'wxfile://tmp/cloud.xlsx', statusCode: 200 }
      },
    },
    downloadFile: async (arg: { url: string }) => {
      calls.push({ api: 'downloadFile', arg })
      return { tempFilePath: 'wxfile://tmp/link.xlsx', statusCode: arg.url.includes('gone') ? 404 : 200 }
    },
    openDocument: async (arg: unknown) => {
      calls.push({ api: 'openDocument', arg })
    },
  },
}))

import { ErrorCodes, isApiError } from '../../core/cloud-core'
import { openDownload } from '../download-link.weapp'

beforeEach(() => {
  calls.length = 0
  cloudFails = null
})

it('downloads a cloud file id through Taro.cloud.downloadFile, never an HTTP download, and opens it', async () => {
  await openDownload({ fileID: 'cloud://env-1.bucket/exports/2026-11-22/k.xlsx', fileName: '帮扶台帐.xlsx', expiresAt: null })
  expect(calls).toEqual([
    { api: 'cloud.downloadFile', arg: { fileID: 'cloud://env-1.bucket/exports/2026-11-22/k.xlsx' } },
    { api: 'openDocument', arg: { filePath: 'wxfile://tmp/cloud.xlsx', fileType: 'xlsx', showMenu: true } },
  ])
})

it('prefers the file id when a link comes with it', async () => {
  await openDownload({ fileID: 'cloud://env-1.bucket/a.xlsx', url: 'https://x.example/a.xlsx', fileName: 'a.xlsx', expiresAt: null })
  expect(calls.map((c) => c.api)).toEqual(['cloud.downloadFile', 'openDocument'])
})

it('falls back to Taro.downloadFile for a plain link and refuses a failed download', async () => {
  await openDownload({ url: 'https://x.example/a.pdf', fileName: '申报表.pdf', expiresAt: '2026-11-22T02:10:00.000Z' })
  expect(calls).toEqual([
    { api: 'downloadFile', arg: { url: 'https://x.example/a.pdf' } },
    { api: 'openDocument', arg: { filePath: 'wxfile://tmp/link.xlsx', fileType: 'pdf', showMenu: true } },
  ])
  calls.length = 0
  await expect(openDownload({ url: 'https://x.example/gone.xlsx', fileName: 'a.xlsx', expiresAt: null })).rejects.toMatchObject({ code: ErrorCodes.network })
  expect(calls.map((c) => c.api)).toEqual(['downloadFile'])
})

it.each([
  [{ errMsg: 'cloud.downloadFile:fail -403003 STORAGE_EXCEED_AUTHORITY, permission denied' }, ErrorCodes.unavailable, /权限/],
  [{ errMsg: 'cloud.downloadFile:fail STORAGE_FILE_NONEXIST' }, ErrorCodes.notFound, /重新导出/],
  [{ errMsg: 'cloud.downloadFile:fail request:fail timeout' }, ErrorCodes.network, /网络/],
])('tells what a failed cloud download means (%j) and opens nothing', async (err, code, words) => {
  cloudFails = err
  const failure = await openDownload({ fileID: 'cloud://env-1.bucket/a.xlsx', fileName: 'a.xlsx', expiresAt: null }).catch((e: unknown) => e)
  expect(isApiError(failure) && failure.code).toBe(code)
  expect((failure as Error).message).toMatch(words)
  expect(calls.map((c) => c.api)).toEqual(['cloud.downloadFile'])
})

it('refuses a reply with neither a file id nor a link', async () => {
  await expect(openDownload({ fileName: 'a.xlsx', expiresAt: null })).rejects.toMatchObject({ code: ErrorCodes.unsupported })
  expect(calls).toEqual([])
})
