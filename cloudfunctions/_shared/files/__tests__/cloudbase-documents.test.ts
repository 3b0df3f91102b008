/**
 * Document attachments on CloudBase at the storage boundary: the real `@cloudbase/node-sdk`
 * downloads the uploaded file (`storage.batchGetDownloadUrl`, then a GET of the temporary URL),
 * nock stands in for CloudBase and COS. The action sees the whole file, so the same sniffing
 * decides on CloudBase as in the local runtime; files outside the document folder are never read.
 */
import { init } from '@cloudbase/node-sdk'
import nock from 'nock'
import { detectDocumentType } from '../../domain/attachments'
import { strictNockSuite } from '../../testing/cloud-metadata'
import { docxBytes, exeBytes } from '../../testing/documents'
import { cloudbaseDocumentFiles } from '../cloudbase-documents'
import type { CloudbasePhotoStorage } from '../cloudbase-photos'

const API = 'https://test-env.tcb-api.tencentcloudapi.com'
const COS = 'https://cos.test-bucket.example'
const REF = 'cloud://test-env.test-bucket/feedback-uploads/docs/m1x-abc.docx'

let storage: CloudbasePhotoStorage

beforeAll(() => {
  storage = init({ env: 'test-env', secretId: 'x', secretKey: 'y' }) as unknown as CloudbasePhotoStorage
})

strictNockSuite()

function expectDownload(fileID: string, bytes: Buffer) {
  nock(API)
    .post('/admin', (b: { action?: string; file_list?: { fileid: string }[] }) => b.action === 'storage.batchGetDownloadUrl' && b.file_list?.[0]?.fileid === fileID)
    .query(true)
    .reply(200, { requestId: 'req-dl', data: { download_list: [{ fileID, tempFileURL: `${COS}/feedback-uploads/docs/m1x-abc.docx`, code: 'SUCCESS' }] } })
  nock(COS).get('/feedback-uploads/docs/m1x-abc.docx').reply(200, bytes)
}

describe('CloudBase document files', () => {
  it('reads back an uploaded Word file whole, so its zip directory is checked', async () => {
    const docx = await docxBytes()
    expectDownload(REF, docx)
    const got = await cloudbaseDocumentFiles(() => storage).inspect(REF)
    expect(got?.size).toBe(docx.length)
    expect(detectDocumentType(got!.bytes)).toBe('docx')
  })

  it('sees an executable uploaded as .docx for what it is', async () => {
    expectDownload(REF, exeBytes())
    const got = await cloudbaseDocumentFiles(() => storage).inspect(REF)
    expect(detectDocumentType(got!.bytes)).toBeNull()
  })

  it('never reads a file outside feedback-uploads/docs/ (strict nock: any request would fail the test)', async () => {
    const files = cloudbaseDocumentFiles(() => storage)
    expect(await files.inspect('cloud://test-env.test-bucket/exports/x.xlsx')).toBeNull()
    expect(await files.inspect('cloud://test-env.test-bucket/feedback-uploads/docs/../../exports/x.xlsx')).toBeNull()
  })
})
