/** A stored document upload as the action sees it before accepting it. */
export interface StoredDocument {
  size: number
  /** The whole file (at most `DOCUMENT_MAX_BYTES` is ever accepted): OOXML is told apart by its zip directory at the end. */
  bytes: Uint8Array
}

/**
 * Where document attachments (PDF, Word, Excel) live: on CloudBase, cloud storage (the
 * mini-program uploads under `feedback-uploads/docs/`, `cloudbase-documents.ts`); in the local
 * runtime, `DATA_DIR/documents`, which the H5 app uploads to (`server/documents.ts`). Bound in
 * each composition root, never chosen inside an action.
 */
export interface DocumentFiles {
  /** The upload `ref` names, or null when this store holds no such file. */
  inspect(ref: string): Promise<StoredDocument | null>
  /** A temporary link to download it, offered under `name`. */
  link(ref: string, name: string, now: Date): Promise<{ url: string; expiresAt: string }>
}
