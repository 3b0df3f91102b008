/**
 * Mini-program codes kept in cloud storage, at the storage boundary: the real
 * `@cloudbase/node-sdk` runs and nock plays CloudBase storage (metadata and download-URL calls on
 * the env's API host, the PUT of the bytes on COS), backed by a map of what was uploaded. WeChat's
 * `wxacode` is the injected cloud call, counted.
 */
import { init } from '@cloudbase/node-sdk'
import jsQR from 'jsqr'
import nock from 'nock'
import { answerCloudMetadataAsOffCloud, nockSuite } from '../../testing/cloud-metadata'
import { PNG } from 'pngjs'
import { wxacodeMiniCodes, type GetUnlimitedParams, type GetUnlimitedResult } from '../../codes/wxacode'
import { wxacodeShareCodes } from '../../../share/codes'
import { type CodeStorage, codeImage, codePath, miniCodeCache, pathLink } from '../mini-codes'

const API = 'https://test-env.tcb-api.tencentcloudapi.com'
const COS = 'https://cos.test-bucket.example'
const PAGE = 'pages/event/index'

/** What CloudBase storage holds, and every request it saw. */
const stored = new Map<string, string>()
const seen: string[] = []
let cosStatus = 200

function storageOnNock() {
  nock(API)
    .persist()
    .post('/admin')
    .query(true)
    .reply(200, (_uri, raw) => {
      const body = raw as { action: string; path?: string; file_list?: { fileid: string }[] }
      seen.push(body.action)
      if (body.action === 'storage.getUploadMetadata') {
        const path = body.path ?? ''
        return { requestId: 'r', data: { url: `${COS}/${path}`, token: 't', authorization: 'a', fileId: `cloud://test-env.test-bucket/${path}`, cosFileId: 'c' } }
      }
      if (body.action === 'storage.batchGetDownloadUrl') {
        return {
          requestId: 'r',
          data: {
            download_list: (body.file_list ?? []).map((f) => {
              const path = f.fileid.replace('cloud://test-env.test-bucket/', '')
              return stored.has(path) ? { fileID: f.fileid, tempFileURL: `${COS}/${path}?sign=1`, code: 'SUCCESS' } : { fileID: f.fileid, code: 'STORAGE_FILE_NONEXIST' }
            }),
          },
        }
      }
      return { code: 'UNEXPECTED', message: body.action }
    })
  nock(COS)
    .persist()
    .put(/.*/)
    .reply((uri, body) => {
      seen.push('cos.put')
      if (cosStatus !== 200) return [cosStatus, '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>denied</Message><RequestId>r</RequestId><TraceId>t</TraceId></Error>']
      stored.set(decodeURIComponent(uri.slice(1)), typeof body === 'string' ? body : JSON.stringify(body))
      return [200, '']
    })
}

let app: CodeStorage

nockSuite()

beforeAll(() => {
  app = init({ env: 'test-env', secretId: 'x', secretKey: 'y' })
})

beforeEach(() => {
  stored.clear()
  seen.length = 0
  cosStatus = 200
  storageOnNock()
})

/** WeChat's getUnlimited, counted; `fail` makes it answer an errcode (thrown, as wx-server-sdk does, or returned). */
function wechat(fail: { errCode: number; how: 'throw' | 'return' } | null = null) {
  const calls: GetUnlimitedParams[] = []
  const call = async (params: GetUnlimitedParams): Promise<GetUnlimitedResult> => {
    calls.push(params)
    if (fail?.how === 'throw') throw Object.assign(new Error(`errCode: ${fail.errCode}`), { errCode: fail.errCode, errMsg: 'invalid page' })
    if (fail?.how === 'return') return { buffer: Buffer.alloc(0), errCode: fail.errCode, errMsg: 'reach max api daily quota limit' }
    return { buffer: Buffer.from(`png:${params.page}:${params.scene}:${params.width}`), contentType: 'image/png' }
  }
  return { calls, call }
}

/** One function instance's code port: its own cache object over the shared storage. */
const instance = (call: (p: GetUnlimitedParams) => Promise<GetUnlimitedResult>, log: string[] = []) =>
  wxacodeMiniCodes(call, miniCodeCache({ storage: () => app, fallbackLink: pathLink, log: (m) => log.push(m) }))

const poster = { scene: 'p.AbCdEf123', page: PAGE, origin: null, width: 640, keep: true }

function qrText(base64: string | null): string {
  if (!base64) throw new Error('expected an inline image')
  const png = PNG.sync.read(Buffer.from(base64, 'base64'))
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!found) throw new Error('no QR code in the image')
  return found.data
}

describe('poster codes kept in cloud storage', () => {
  it('makes a code once: the first view calls wxacode and uploads it; a later view (another instance) gets the same file id without calling wxacode', async () => {
    const wx = wechat()
    const first = await instance(wx.call).make(poster)
    const path = codePath({ page: PAGE, scene: poster.scene, width: 640 })
    expect(first).toEqual({ png: null, fileID: `cloud://test-env.test-bucket/${path}`, url: null, fallback: null })
    expect(stored.get(path)).toBe(`png:${PAGE}:${poster.scene}:640`)
    expect(wx.calls).toHaveLength(1)

    seen.length = 0
    const second = await instance(wx.call).make(poster)
    expect(second.fileID).toBe(first.fileID)
    expect(wx.calls).toHaveLength(1)
    expect(seen).toEqual(['storage.getUploadMetadata', 'storage.batchGetDownloadUrl'])
    expect(codeImage(second)).toEqual({ image: null, fileID: first.fileID, fallback: null })
  })

  it('keys by page, scene and width: another size or scene is another file', async () => {
    const wx = wechat()
    const a = await instance(wx.call).make(poster)
    const b = await instance(wx.call).make({ ...poster, width: 430 })
    const c = await instance(wx.call).make({ ...poster, scene: 'p.Other' })
    expect(new Set([a.fileID, b.fileID, c.fileID]).size).toBe(3)
    expect(wx.calls).toHaveLength(3)
    expect(stored.size).toBe(3)
  })

  it('two concurrent first views upload to the same path: one file, one id for both', async () => {
    const wx = wechat()
    const [a, b] = await Promise.all([instance(wx.call).make(poster), instance(wx.call).make(poster)])
    expect(a.fileID).toBe(b.fileID)
    expect(stored.size).toBe(1)
    expect(seen.filter((s) => s === 'cos.put').length).toBeLessThanOrEqual(2)
  })

  it('does not keep rotating check-in codes: no storage call, the PNG goes inline', async () => {
    const wx = wechat()
    const made = await instance(wx.call).make({ ...poster, keep: false, width: 560 })
    expect(made.png?.toString()).toBe(`png:${PAGE}:${poster.scene}:560`)
    expect(made.fileID).toBeNull()
    expect(seen).toEqual([])
  })
})

describe('before the first release', () => {
  it('serves a code that opens the 体验版 (check_path false, env_version trial), keeps nothing, and the first view after release makes and keeps the real code', async () => {
    // An unreleased mini-program: the released code is refused (41030), the trial one is made.
    const calls: GetUnlimitedParams[] = []
    const unreleased = async (params: GetUnlimitedParams): Promise<GetUnlimitedResult> => {
      calls.push(params)
      if (params.envVersion === 'release') throw Object.assign(new Error('errCode: 41030'), { errCode: 41030, errMsg: 'invalid page' })
      return { buffer: Buffer.from(`trial:${params.page}:${params.scene}`), contentType: 'image/png' }
    }
    const log: string[] = []
    const made = await instance(unreleased, log).make(poster)
    expect(calls.map((c) => [c.envVersion, c.checkPath])).toEqual([
      ['release', true],
      ['trial', false],
    ])
    expect(made).toMatchObject({ fallback: 'trial', fileID: null, url: null })
    expect(made.png?.toString()).toBe(`trial:${PAGE}:${poster.scene}`)
    expect(stored.size).toBe(0)
    expect(seen).not.toContain('cos.put')

    const released = wechat()
    const after = await instance(released.call).make(poster)
    expect(released.calls.map((c) => c.envVersion)).toEqual(['release'])
    expect(after.fallback).toBeNull()
    expect(after.fileID).toMatch(/^cloud:\/\/test-env\.test-bucket\/mini-codes\/[0-9a-f]{40}\.png$/)
  })

  it('when even the trial code fails, falls back to a plain QR of the page path, says so, and keeps nothing; the first view after release makes and keeps the real code', async () => {
    const unreleased = wechat({ errCode: 41030, how: 'throw' })
    const made = await instance(unreleased.call).make(poster)
    expect(made.fallback).toBe('unreleased')
    expect(made.fileID).toBeNull()
    expect(made.url).toBe(`${PAGE}?scene=${poster.scene}`)
    expect(qrText(codeImage(made).image)).toBe(made.url)
    expect(stored.size).toBe(0)
    expect(seen).not.toContain('cos.put')

    const released = wechat()
    const after = await instance(released.call).make(poster)
    expect(released.calls).toHaveLength(1)
    expect(after.fallback).toBeNull()
    expect(after.fileID).toMatch(/^cloud:\/\/test-env\.test-bucket\/mini-codes\/[0-9a-f]{40}\.png$/)
  })

  it('share codes fall back to their path too (wxacode.get returns the errcode)', async () => {
    const port = wxacodeShareCodes(async () => ({ buffer: Buffer.alloc(0), errCode: 41030, errMsg: 'invalid page' }), miniCodeCache({ storage: () => app, fallbackLink: pathLink }))
    const made = await port.make({ path: 'pages/policy-detail/index?id=p1&ref=r1', origin: null, width: 280 })
    expect(made).toMatchObject({ fallback: 'unreleased', fileID: null, url: 'pages/policy-detail/index?id=p1&ref=r1' })
    expect(stored.size).toBe(0)
  })
})

describe('failures', () => {
  it('another WeChat error (returned errcode) fails the view and keeps nothing', async () => {
    const wx = wechat({ errCode: 45009, how: 'return' })
    await expect(instance(wx.call).make(poster)).rejects.toThrow(/45009/)
    expect(stored.size).toBe(0)
    expect(seen).not.toContain('cos.put')
  })

  it('a thrown WeChat error other than 41030 is not turned into a fallback', async () => {
    const wx = wechat({ errCode: -1, how: 'throw' })
    await expect(instance(wx.call).make(poster)).rejects.toThrow(/-1/)
    expect(stored.size).toBe(0)
  })

  it('storage refusing the upload still serves the made code inline, logs it, and the next view tries again', async () => {
    cosStatus = 403
    const log: string[] = []
    const wx = wechat()
    const made = await instance(wx.call, log).make(poster)
    expect(made.fileID).toBeNull()
    expect(made.png?.toString()).toBe(`png:${PAGE}:${poster.scene}:640`)
    expect(log.join('\n')).toMatch(/AccessDenied/)
    cosStatus = 200
    const again = await instance(wx.call).make(poster)
    expect(wx.calls).toHaveLength(2)
    expect(again.fileID).not.toBeNull()
  })

  it('an unreadable storage answer does not pass for a hit: the code is made', async () => {
    nock.cleanAll()
    answerCloudMetadataAsOffCloud()
    nock(API).post('/admin').query(true).reply(200, { code: 'SYS_ERR', message: 'busy', requestId: 'r' })
    nock(API).post('/admin').query(true).reply(200, { requestId: 'r', data: { url: `${COS}/x`, token: 't', authorization: 'a', fileId: 'cloud://test-env.test-bucket/x', cosFileId: 'c' } })
    nock(COS).put(/.*/).reply(200, '')
    const wx = wechat()
    const log: string[] = []
    const made = await instance(wx.call, log).make(poster)
    expect(wx.calls).toHaveLength(1)
    expect(log.join('\n')).toMatch(/lookup failed/)
    expect(made.fileID).toBe('cloud://test-env.test-bucket/x')
  })
})
