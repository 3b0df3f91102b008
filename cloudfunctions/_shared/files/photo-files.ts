/** A stored upload as the action sees it before accepting it. */
export interface StoredPhoto {
  size: number
  /** The file's first bytes (at least 12 when the file has them), for the magic-number check. */
  head: Uint8Array
}

/**
 * Where feedback photos live: on CloudBase, cloud storage (the mini-program uploads there
 * directly and sends the fileID; `cloudbase-photos.ts`); in the local runtime, a
 * folder under DATA_DIR that the H5 app uploads to (`server/photos.ts`). Bound in each
 * composition root, never chosen inside an action.
 */
export interface PhotoFiles {
  /** The upload `ref` names, or null when this store holds no such file. */
  inspect(ref: string): Promise<StoredPhoto | null>
  /** A temporary link to show the photo. */
  link(ref: string, now: Date): Promise<{ url: string; expiresAt: string }>
}
