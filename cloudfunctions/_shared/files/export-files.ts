import type { Writable } from 'node:stream'
import { type FileRef, fileRef, type StoredFile } from '../contracts/file'

/** A file being written for download. */
export interface ExportTarget {
  /** Where the workbook is streamed. The caller ends it. */
  stream: Writable
  /** Makes the finished file downloadable: a cloud file id (CloudBase) or a link (local runtime). */
  publish(): Promise<StoredFile>
  /** Drops a file that failed half-way. */
  discard(): Promise<void>
}

/**
 * Where exports go: on CloudBase, cloud storage, handed over by cloud file id
 * (`cloudbase.ts`); in the local runtime, a file served once from the runtime
 * (`server/downloads.ts`). Bound in each composition root, never chosen inside an action.
 */
export interface ExportFiles {
  open(fileName: string, now: Date): Promise<ExportTarget>
}

/** One part of an export written across calls. */
export interface ExportPart {
  /** Where the part's workbook is streamed. The caller ends it. */
  stream: Writable
  /** Keeps the finished part; resolves to its reference (cloud file id / local file name). */
  save(): Promise<string>
  /** Drops a part that failed half-way. */
  discard(): Promise<void>
}

/**
 * Where a long export's parts go (`ledgerExport` job). A part's name is fixed by its key (job and
 * part number), so a part redone after a crash overwrites itself: CloudBase storage overwrites
 * an upload to the same path (Cloud.uploadFile: "如果上传至同一路径则是覆盖",
 * developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/storage/Cloud.uploadFile.html).
 * The client gets each part when the job is read: on CloudBase its cloud file id; locally a link
 * made when asked for, so a part finished early has not expired when the last one is.
 */
export interface ExportParts {
  /** `key`: 22 base64url characters, unguessable (derived from the job id). */
  open(key: string, now: Date): Promise<ExportPart>
  /** How the client gets a saved part: its cloud file id, or a fresh link. */
  link(ref: string, fileName: string, now: Date): Promise<StoredFile>
}

/**
 * Writes one export through `files` and hands it over: `write` fills the stream (and may return a
 * figure such as the row count); the stream is ended here, the file published once it is flushed,
 * and dropped if anything failed half-way (no half file is ever handed out).
 */
export async function publishExport<T>(files: ExportFiles, fileName: string, now: Date, write: (stream: Writable) => Promise<T>): Promise<{ file: FileRef; result: T }> {
  const target = await files.open(fileName, now)
  let result: T
  try {
    const finished = new Promise<void>((resolve, reject) => {
      target.stream.once('finish', resolve)
      target.stream.once('error', reject)
    })
    result = await write(target.stream)
    if (!target.stream.writableEnded) target.stream.end()
    await finished
  } catch (err) {
    await target.discard()
    throw err
  }
  return { file: fileRef({ ...(await target.publish()), fileName }), result }
}
