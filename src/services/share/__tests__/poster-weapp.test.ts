/**
 * The share poster's code in WeChat: a kept code arrives as a cloud file id and is downloaded
 * with `Taro.cloud.downloadFile` (never an HTTP download); an inline code is written to a file.
 * Taro is replaced at the module boundary.
 */
const calls: { api: string; arg: unknown }[] = []
let cloudFails = false

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    cloud: {
      downloadFile: async (arg: unknown) => {
        calls.push({ api: 'cloud.downloadFile', arg })
        if (cloudFails) throw { errMsg: 'cloud.downloadFile:fail request:fail' }
        return { tempFilePath: 'wxfile://tmp/code.png' }
      },
    },
    downloadFile: async (arg: unknown) => {
      calls.push({ api: 'downloadFile', arg })
      return { tempFilePath: 'x', statusCode: 200 }
    },
    getFileSystemManager: () => ({
      writeFileSync: (path: string, data: string, encoding: string) => calls.push({ api: 'writeFileSync', arg: { path, data, encoding } }),
    }),
  },
}))

import { ErrorCodes } from '../../core/cloud-core'
import { codeFile } from '../poster.weapp'

beforeEach(() => {
  calls.length = 0
  cloudFails = false
})

it('downloads a kept code by its cloud file id', async () => {
  expect(await codeFile({ fileID: 'cloud://env.b/mini-codes/abc.png', image: null, fallback: null })).toBe('wxfile://tmp/code.png')
  expect(calls).toEqual([{ api: 'cloud.downloadFile', arg: { fileID: 'cloud://env.b/mini-codes/abc.png' } }])
})

it('writes an inline code (the pre-release fallback QR) to a local file without downloading', async () => {
  const path = await codeFile({ fileID: null, image: 'iVBORw0K', fallback: 'unreleased' })
  expect(path).toMatch(/^wxfile:\/\/usr\/share-code-\d+\.png$/)
  expect(calls).toEqual([{ api: 'writeFileSync', arg: { path, data: 'iVBORw0K', encoding: 'base64' } }])
})

it('says the download failed when the cloud download fails, and refuses a reply with no code', async () => {
  cloudFails = true
  await expect(codeFile({ fileID: 'cloud://env.b/x.png', image: null, fallback: null })).rejects.toMatchObject({ code: ErrorCodes.network })
  await expect(codeFile({ fileID: null, image: null, fallback: null })).rejects.toMatchObject({ code: ErrorCodes.badResponse })
  expect(calls.map((c) => c.api)).toEqual(['cloud.downloadFile'])
})
