import type { Writable } from 'node:stream'

/** A file being written for download. */
export interface ExportTarget {
  /** Where the workbook is streamed. The caller ends it. */
  stream: Writable
  /** Makes the finished file downloadable; resolves to a temporary link. */
  publish(): Promise<{ url: string; expiresAt: string }>
  /** Drops a file that failed half-way. */
  discard(): Promise<void>
}

/**
 * Where exports go: on CloudBase, cloud storage and a temporary link
 * (`_shared/files/cloudbase.ts`); in the local runtime, a file served once from the runtime
 * (`server/downloads.ts`). Bound in each composition root, never chosen inside an action.
 */
export interface ExportFiles {
  open(fileName: string, now: Date): Promise<ExportTarget>
}
