/**
 * Exports on CloudBase at the storage boundary: the real `@cloudbase/node-sdk` uploads, and nock
 * stands in for CloudBase (`storage.getUploadMetadata` on the env's API host) and for COS (the
 * signed PUT of the bytes). What the client gets back is the cloud file id the SDK reports.
 */
import { existsSync } from 'node:fs'
import { init } from '@cloudbase/node-sdk'
import nock from 'nock'
import { strictNockSuite } from '../../testing/cloud-metadata'
import { cloudbaseExportFiles, cloudbaseExportParts, type CloudbaseStorage } from '../cloudbase'

const API = 'https://test-env.tcb-api.tencentcloudapi.com'
const COS = 'https://cos.test-bucket.example'

interface Upload {
  path: string
  body: string
}

/**
 * Expects one SDK upload: the metadata call naming the cloud path, then the PUT of the bytes.
 * Records both; `cosStatus` / `cosBody` shape COS's answer (an XML error on failure).
 */
function expectUpload(cloudPath: RegExp, cos: { status: number; body: string } = { status: 200, body: '' }): Upload {
  const seen: Upload = { path: '', body: '' }
  nock(API)
    .post('/admin', (b: Record<string, unknown>) => b.action === 'storage.getUploadMetadata' && typeof b.path === 'string' && cloudPath.test(b.path))
    .query(true)
    .reply(200, (_uri, body) => {
      const path = (body as { path: string }).path
      seen.path = path
      return {
        requestId: 'req-meta',
        data: { url: `${COS}/${path}`, token: 't', authorization: 'a', fileId: `cloud://test-env.test-bucket/${path}`, cosFileId: 'cos-1' },
      }
    })
  nock(COS)
    .put(/.*/)
    .reply(cos.status, (_uri, body) => {
      seen.body = typeof body === 'string' ? body : JSON.stringify(body)
      return cos.body
    })
  return seen
}

let storage: CloudbaseStorage

beforeAll(() => {
  storage = init({ env: 'test-env', secretId: 'x', secretKey: 'y' })
})

strictNockSuite()

async function written(target: { stream: NodeJS.WritableStream & { path?: unknown } }, body: string): Promise<string> {
  const local = String(target.stream.path)
  await new Promise<void>((resolve) => target.stream.end(body, resolve))
  return local
}

describe('CloudBase export files', () => {
  it('streams to /tmp, uploads under exports/<date>/ and hands back the cloud file id (no temporary link), removing the local file', async () => {
    const upload = expectUpload(/^exports\/2026-11-22\/[A-Za-z0-9_-]{22}\.xlsx$/)
    const target = await cloudbaseExportFiles(() => storage).open('帮扶台帐.xlsx', new Date('2026-11-22T02:00:00.000Z'))
    const local = await written(target, 'workbook-bytes')
    const out = await target.publish()
    expect(out).toEqual({ fileID: `cloud://test-env.test-bucket/${upload.path}`, expiresAt: null })
    expect(upload.body).toBe('workbook-bytes')
    expect(existsSync(local)).toBe(false)
  })

  it('fails loudly when COS refuses the upload, still removing the local file', async () => {
    expectUpload(/^exports\//, {
      status: 403,
      body: '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>denied</Message><RequestId>r</RequestId><TraceId>t</TraceId></Error>',
    })
    const target = await cloudbaseExportFiles(() => storage).open('x.xlsx', new Date('2026-11-22T02:00:00.000Z'))
    const local = await written(target, 'x')
    await expect(target.publish()).rejects.toThrow(/AccessDenied/)
    expect(existsSync(local)).toBe(false)
  })
})

describe('CloudBase export parts (export jobs)', () => {
  it('uploads a part under a path fixed by its key, so a redone part overwrites itself, and hands its file id over without another storage call', async () => {
    const refs: string[] = []
    const bodies: string[] = []
    const parts = cloudbaseExportParts(() => storage)
    for (const body of ['first try', 'redone']) {
      const upload = expectUpload(/^exports\/jobs\/AAAAAAAAAAAAAAAAAAAAAA\.xlsx$/)
      const part = await parts.open('AAAAAAAAAAAAAAAAAAAAAA', new Date('2026-11-22T02:00:00.000Z'))
      const local = await written(part, body)
      refs.push(await part.save())
      bodies.push(upload.body)
      expect(existsSync(local)).toBe(false)
    }
    expect(bodies).toEqual(['first try', 'redone'])
    expect(refs).toEqual(['cloud://test-env.test-bucket/exports/jobs/AAAAAAAAAAAAAAAAAAAAAA.xlsx', 'cloud://test-env.test-bucket/exports/jobs/AAAAAAAAAAAAAAAAAAAAAA.xlsx'])
    // No interceptor is set up here: a storage request would fail the test.
    expect(await parts.link(refs[1], '帮扶台帐.xlsx', new Date('2026-11-22T03:00:00.000Z'))).toEqual({ fileID: refs[1], expiresAt: null })
  })
})
