import { PassThrough } from 'node:stream'
import type { ExportFiles } from '../export-files'
import { publishExport } from '../export-files'
import { testExportFiles } from '../../testing/export-files'

const NOW = new Date('2026-12-04T03:00:00Z')

describe('publishExport: one way every download is written', () => {
  it('hands over the finished file under its name, ending the stream if the writer did not', async () => {
    const { files, read } = testExportFiles()
    const { file, result } = await publishExport(files(), '名单.xlsx', NOW, async (stream) => {
      stream.write('abc')
      return 3
    })
    expect(result).toBe(3)
    expect(file.fileName).toBe('名单.xlsx')
    expect(read(file).toString()).toBe('abc')
  })

  it('drops a file that failed half-way and publishes nothing', async () => {
    const calls: string[] = []
    const stream = new PassThrough()
    const files: ExportFiles = {
      async open() {
        return {
          stream,
          publish: async () => {
            calls.push('publish')
            return { url: '/api/downloads/x.xlsx', expiresAt: null }
          },
          discard: async () => void calls.push('discard'),
        }
      },
    }
    await expect(
      publishExport(files, 'x.xlsx', NOW, async (s) => {
        s.write('half')
        throw new Error('disk full')
      }),
    ).rejects.toThrow('disk full')
    expect(calls).toEqual(['discard'])
  })

  it('refuses a file reference the client could not open (an adapter bug), after writing it', async () => {
    const files: ExportFiles = {
      async open() {
        return { stream: new PassThrough().resume(), publish: async () => ({ expiresAt: null }), discard: async () => undefined }
      },
    }
    await expect(publishExport(files, 'x.xlsx', NOW, async () => undefined)).rejects.toThrow(/缺少 fileID 或 url/)
  })
})

