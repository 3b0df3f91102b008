import * as v from 'valibot'

/**
 * A file handed to the client, one shape for every download (ledger export and its parts,
 * application documents, event and survey exports).
 *
 * - On CloudBase the file sits in cloud storage and travels as its **cloud file id**
 *   (`cloud://…`); the mini-program downloads it with `Taro.cloud.downloadFile({ fileID })`,
 *   which needs no download-domain whitelist ("可以根据文件 ID 下载文件，用户仅可下载其有访问权限的
 *   文件", developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/storage/api.html).
 * - In the local runtime it is a link the runtime serves (`/api/downloads/…`), which the H5
 *   build opens in the browser.
 *
 * At least one of `fileID` / `url` is present; the client prefers `fileID` where it can.
 */
export interface FileRef {
  /** Cloud storage file id (`cloud://env.bucket/path`), CloudBase only. */
  fileID?: string
  /** An HTTP(S) link, or the local runtime's `/api/downloads/…` path. */
  url?: string
  /** The name the user sees and saves the file under. */
  fileName: string
  /** When a link stops working; null when the file is kept (a cloud file id does not expire). */
  expiresAt: string | null
}

const fileIdSchema = v.pipe(v.string(), v.regex(/^cloud:\/\/[^\s/]+\/\S+$/, 'fileID 应为 cloud:// 文件标识'))
const urlSchema = v.pipe(v.string(), v.regex(/^(https?:\/\/\S+|\/api\/downloads\/\S+)$/, 'url 应为下载链接'))

/** The reply shape of every file handed to the client; checked before it leaves the server. */
export const fileRefSchema = v.pipe(
  v.object({
    fileID: v.optional(fileIdSchema),
    url: v.optional(urlSchema),
    fileName: v.pipe(v.string(), v.minLength(1, '缺少文件名'), v.maxLength(120, '文件名过长'), v.regex(/^[^/\\\r\n"]+$/, '文件名含有不允许的字符')),
    expiresAt: v.nullable(v.pipe(v.string(), v.isoTimestamp('expiresAt 应为时间'))),
  }),
  v.check((f) => f.fileID !== undefined || f.url !== undefined, '缺少 fileID 或 url'),
)

/**
 * Builds a `FileRef`, refusing a malformed one (an adapter bug, never user input): a reply the
 * client could not open must fail on the server, where it is logged, not on a resident's phone.
 */
export function fileRef(file: FileRef): FileRef {
  const parsed = v.safeParse(fileRefSchema, file)
  if (!parsed.success) {
    const issue = parsed.issues[0]
    throw new Error(`bad file reference (${v.getDotPath(issue) ?? 'file'}): ${issue.message}`)
  }
  const out: FileRef = { fileName: parsed.output.fileName, expiresAt: parsed.output.expiresAt }
  if (parsed.output.fileID !== undefined) out.fileID = parsed.output.fileID
  if (parsed.output.url !== undefined) out.url = parsed.output.url
  return out
}

/** Where a stored file is and how long its link lasts, as the storage adapters answer. */
export type StoredFile = Omit<FileRef, 'fileName'>

/**
 * A mini-program code (or QR) image as the client gets it, one of:
 * - `fileID`: a code kept in cloud storage (CloudBase); `<Image src>` shows a cloud file id as is
 *   ("支持在 image、audio 等组件中传入云文件 ID", wxcloud guide/storage/api), and the poster
 *   downloads it with `Taro.cloud.downloadFile`;
 * - `image`: PNG base64, sent inline (local runtime, rotating check-in codes, the fallback).
 * Before the mini-program's first release WeChat makes no released code: `fallback: 'trial'` marks
 * a code that opens the 体验版 (for its members), `'unreleased'` a plain QR of the page path when
 * even that failed; staff pages say which, and that the real code comes after the release.
 */
export interface CodeImage {
  image: string | null
  fileID: string | null
  fallback: 'unreleased' | 'trial' | null
}

// ——— Document attachments (简报, 认定报告, 督查 progress) ———

/** A document upload's reference: a cloud fileID under the document folder, or the local runtime's name. */
export const documentRefSchema = v.pipe(
  v.string('附件格式不对'),
  v.maxLength(300, '附件地址过长'),
  v.regex(/^(cloud:\/\/[A-Za-z0-9._-]+\/feedback-uploads\/docs\/[A-Za-z0-9._/-]+|local:[A-Za-z0-9_-]{22}\.(pdf|docx|xlsx|doc|xls))$/, '附件没有上传成功，请重新选择'),
)

/** A document as a form sends it: the upload's reference and the name the chosen file had. */
export const documentInputSchema = v.object({
  ref: documentRefSchema,
  name: v.pipe(v.string('请填写文件名'), v.trim(), v.minLength(1, '请填写文件名'), v.maxLength(200, '文件名过长')),
})
export type DocumentInput = v.InferInput<typeof documentInputSchema>

/** Documents on one form: at most `max`, checked by content when the action runs. */
export function documentsSchema(max: number) {
  return v.optional(v.pipe(v.array(documentInputSchema, '附件格式不对'), v.maxLength(max, `最多 ${max} 个文件`)), [])
}

/** A document attachment as a reader sees it: a row (name, size) that opens the file. */
export interface AttachmentView {
  name: string
  size: number
  kind: 'image' | 'document'
  mime: string
  /** How to open it (a temporary link; `openDownload` in `src/services/files`). */
  file: FileRef
}
