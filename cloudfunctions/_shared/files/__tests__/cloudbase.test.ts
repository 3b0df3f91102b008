import { existsSync, type ReadStream } from 'node:fs'
import { cloudbaseExportFiles, cloudbaseExportParts, type CloudbaseStorage } from '../cloudbase'

function fakeStorage(link: string | null) {
  const uploads: { cloudPath: string; body: string }[] = []
  const storage: CloudbaseStorage = {
    async uploadFile({ cloudPath, fileContent }: { cloudPath: string; fileContent: ReadStream }) {
      const chunks: Buffer[] = []
      for await (const c of fileContent) chunks.push(Buffer.from(c as Buffer))
      uploads.push({ cloudPath, body: Buffer.concat(chunks).toString() })
      return { fileID: `cloud://env/${cloudPath}` }
    },
    async getTempFileURL({ fileList }) {
      expect(fileList).toEqual([{ fileID: expect.stringMatching(/^cloud:\/\/env\/exports\/2026-11-22\/[A-Za-z0-9_-]{22}\.xlsx$/), maxAge: 600 }])
      return { fileList: [link ? { tempFileURL: link, code: 'SUCCESS' } : { code: 'STORAGE_FILE_NONEXIST' }] }
    },
  }
  return { storage, uploads }
}

describe('CloudBase export files', () => {
  it('streams to /tmp, uploads under exports/<date>/, returns a 10-minute link and removes the local file', async () => {
    const { storage, uploads } = fakeStorage('https://tcb.example/exports/x.xlsx?sign=abc')
    const now = new Date('2026-11-22T02:00:00.000Z')
    const target = await cloudbaseExportFiles(() => storage).open('帮扶台帐.xlsx', now)
    const local = (target.stream as unknown as { path: string }).path
    await new Promise<void>((resolve) => target.stream.end('workbook-bytes', resolve))
    const out = await target.publish()
    expect(out).toEqual({ url: 'https://tcb.example/exports/x.xlsx?sign=abc', expiresAt: '2026-11-22T02:10:00.000Z' })
    expect(uploads).toEqual([{ cloudPath: expect.stringMatching(/^exports\/2026-11-22\//), body: 'workbook-bytes' }])
    expect(existsSync(local)).toBe(false)
  })

  it('fails loudly when storage gives no link, still removing the local file', async () => {
    const { storage } = fakeStorage(null)
    const target = await cloudbaseExportFiles(() => storage).open('x.xlsx', new Date('2026-11-22T02:00:00.000Z'))
    const local = (target.stream as unknown as { path: string }).path
    await new Promise<void>((resolve) => target.stream.end('x', resolve))
    await expect(target.publish()).rejects.toThrow('STORAGE_FILE_NONEXIST')
    expect(existsSync(local)).toBe(false)
  })
})

describe('CloudBase export parts (export jobs)', () => {
  it('uploads a part under a path fixed by its key, so a redone part overwrites itself, and links it when asked', async () => {
    const uploads: { cloudPath: string; body: string }[] = []
    const asked: string[] = []
    const storage: CloudbaseStorage = {
      async uploadFile({ cloudPath, fileContent }) {
        const chunks: Buffer[] = []
        for await (const c of fileContent) chunks.push(Buffer.from(c as Buffer))
        uploads.push({ cloudPath, body: Buffer.concat(chunks).toString() })
        return { fileID: `cloud://env/${cloudPath}` }
      },
      async getTempFileURL({ fileList }) {
        asked.push(...fileList.map((f) => `${f.fileID}@${f.maxAge}`))
        return { fileList: [{ tempFileURL: 'https://tcb.example/p.xlsx?sign=1', code: 'SUCCESS' }] }
      },
    }
    const parts = cloudbaseExportParts(() => storage)
    const now = new Date('2026-11-22T02:00:00.000Z')
    const refs: string[] = []
    for (const body of ['first try', 'redone']) {
      const part = await parts.open('AAAAAAAAAAAAAAAAAAAAAA', now)
      const local = (part.stream as unknown as { path: string }).path
      await new Promise<void>((resolve) => part.stream.end(body, resolve))
      refs.push(await part.save())
      expect(existsSync(local)).toBe(false)
    }
    expect(uploads.map((u) => u.cloudPath)).toEqual(['exports/jobs/AAAAAAAAAAAAAAAAAAAAAA.xlsx', 'exports/jobs/AAAAAAAAAAAAAAAAAAAAAA.xlsx'])
    expect(refs[0]).toBe(refs[1])
    const later = new Date('2026-11-22T03:00:00.000Z')
    expect(await parts.link(refs[1], '帮扶台帐.xlsx', later)).toEqual({ url: 'https://tcb.example/p.xlsx?sign=1', expiresAt: '2026-11-22T03:10:00.000Z' })
    expect(asked).toEqual(['cloud://env/exports/jobs/AAAAAAAAAAAAAAAAAAAAAA.xlsx@600'])
  })
})
