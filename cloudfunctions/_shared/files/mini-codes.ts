/**
 * Mini-program codes on CloudBase: made once per (page, scene, width) and kept in cloud storage,
 * with a link fallback before the mini-program's first release.
 *
 * - **Cache.** A code's cloud path is fixed by its key: `mini-codes/<sha256(page, scene, width)>.png`.
 *   A view first asks storage for that path's file id (`getUploadMetadata` names it without
 *   writing; `getTempFileURL` answers `STORAGE_FILE_NONEXIST` when nothing is there); on a hit the
 *   file id is returned and WeChat is not called. On a miss the code is made, uploaded to that
 *   path and its file id returned. Two concurrent misses both upload to the same path; CloudBase
 *   overwrites an upload to the same path ("如果上传至同一路径则是覆盖", Cloud.uploadFile), so
 *   one file remains and both views get the same id.
 * - **Before the first release** `wxacode.getUnlimited` / `wxacode.get` answer errcode 41030
 *   ("invalid page": 页面不存在或者小程序没有发布, getUnlimitedQRCode's error list). The view then
 *   gets a plain QR of a link (the H5 page when one is configured, else the page path) marked
 *   `fallback: 'unreleased'`, so the staff page can say 小程序发布后显示小程序码. A fallback is
 *   never cached: the first view after the release makes the real code.
 */
import { createHash } from 'node:crypto'
import type { CodeImage } from '../contracts/file'
import { loadQRCode } from './lazy-libs'

/** What identifies a code: the page it opens, its scene (or full path for `wxacode.get`), its size. */
export interface CodeKey {
  page: string
  scene: string
  width: number
}

/** A code as a function hands it to its action. */
export interface MadeCode {
  /** PNG bytes, sent inline: the fallback, a code that is not kept, or one storage refused to keep. */
  png: Buffer | null
  /** Cloud file id of the kept code. */
  fileID: string | null
  /** The link a fallback QR holds (or the H5 URL locally); null for a mini-program code. */
  url: string | null
  /** Why this is not a mini-program code; null when it is one. */
  fallback: 'unreleased' | 'trial' | null
}

/** The reply part of a made code (what the client shows or draws). */
export function codeImage(made: MadeCode): CodeImage {
  return { image: made.png ? made.png.toString('base64') : null, fileID: made.fileID, fallback: made.fallback }
}

/** The storage calls the cache makes (`@cloudbase/node-sdk`'s app has them). */
export interface CodeStorage {
  getUploadMetadata(options: { cloudPath: string }): Promise<{ data?: { fileId?: string } }>
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{ fileList?: { code?: string; fileID?: string }[] }>
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>
}

/** WeChat's answer when the page is not in a released version (or does not exist). */
export const UNRELEASED_ERRCODE = 41030

/** The errcode of a failed `wxacode` call, whether wx-server-sdk threw it or returned it. */
export function wxErrCode(errOrResult: unknown): number | null {
  const o = (typeof errOrResult === 'object' && errOrResult !== null ? errOrResult : {}) as { errCode?: unknown; errcode?: unknown }
  const code = Number(o.errCode ?? o.errcode)
  return Number.isFinite(code) && code !== 0 ? code : null
}

/** Thrown by the wxacode adapters when WeChat refused; carries WeChat's errcode. */
export class WxacodeError extends Error {
  constructor(
    readonly errCode: number,
    errMsg: string,
  ) {
    super(`wxacode failed: ${errCode} ${errMsg}`)
    this.name = 'WxacodeError'
  }
}

/** Deterministic cloud path of a code: same key, same path, whichever instance asks. */
export function codePath({ page, scene, width }: CodeKey): string {
  const digest = createHash('sha256').update(`${page}\n${scene}\n${width}`).digest('hex')
  return `mini-codes/${digest.slice(0, 40)}.png`
}

export interface CodeCacheOptions {
  /** Where codes are kept; null keeps nothing (every view makes its code). */
  storage: (() => CodeStorage) | null
  /** The link a pre-release fallback QR holds for this key. */
  fallbackLink: (key: CodeKey) => string
  /** Where a storage failure is reported (the code is still served inline). */
  log?: (message: string) => void
}

/**
 * Serves the code for `key`: the kept one when there is one (when `keep`), otherwise `generate`s
 * it (WeChat), keeps it, and returns its file id. Rotating check-in codes pass `keep: false`: each
 * scene lives 30 seconds on one screen, so keeping them would only fill storage.
 */
export function miniCodeCache(options: CodeCacheOptions) {
  const log = options.log ?? ((m: string) => console.warn(m))
  return async function serve(key: CodeKey, keep: boolean, generate: () => Promise<Buffer>, preRelease?: () => Promise<Buffer>): Promise<MadeCode> {
    const storage = keep ? options.storage : null
    const cloudPath = codePath(key)
    if (storage) {
      const hit = await lookup(storage(), cloudPath).catch((err: unknown) => {
        // Storage cannot answer: make the code anyway (the upload below may still keep it).
        log(`mini-code lookup failed at ${cloudPath}: ${err instanceof Error ? err.message : String(err)}`)
        return null
      })
      if (hit) return { png: null, fileID: hit, url: null, fallback: null }
    }
    let png: Buffer
    try {
      png = await generate()
    } catch (err) {
      if (wxErrCode(err) !== UNRELEASED_ERRCODE) throw err
      // Before the first release: a real code that opens the 体验版 (check_path false,
      // env_version trial; scannable by the trial's members), never kept, so the first view
      // after the release makes and keeps the released one.
      if (preRelease) {
        try {
          return { png: await preRelease(), fileID: null, url: null, fallback: 'trial' }
        } catch (trialErr) {
          log(`trial mini-code failed for ${key.page}: ${trialErr instanceof Error ? trialErr.message : String(trialErr)}`)
        }
      }
      const link = options.fallbackLink(key)
      const qr = await (await loadQRCode()).toBuffer(link, { type: 'png', errorCorrectionLevel: 'Q', margin: 2, width: key.width })
      return { png: qr, fileID: null, url: link, fallback: 'unreleased' }
    }
    if (!storage) return { png, fileID: null, url: null, fallback: null }
    try {
      const uploaded = await storage().uploadFile({ cloudPath, fileContent: png })
      if (!uploaded.fileID) throw new Error('cloud storage upload returned no fileID')
      return { png: null, fileID: uploaded.fileID, url: null, fallback: null }
    } catch (err) {
      // The code is made: serve it now and try keeping it again on the next view.
      log(`mini-code not kept at ${cloudPath}: ${err instanceof Error ? err.message : String(err)}`)
      return { png, fileID: null, url: null, fallback: null }
    }
  }
}

/** The file id kept at `cloudPath`, or null when nothing is there yet. */
async function lookup(storage: CodeStorage, cloudPath: string): Promise<string | null> {
  const meta = await storage.getUploadMetadata({ cloudPath })
  const fileID = meta.data?.fileId
  if (!fileID) throw new Error(`cloud storage named no file id for ${cloudPath}`)
  const found = await storage.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })
  const code = found.fileList?.[0]?.code
  if (code === 'SUCCESS') return fileID
  if (code === 'STORAGE_FILE_NONEXIST') return null
  throw new Error(`cloud storage could not tell whether ${cloudPath} exists: ${code ?? 'no answer'}`)
}

/**
 * The page path a code opens, as text: what the pre-release fallback QR holds. `wxacode.get`'s
 * key carries the whole path as its scene; `getUnlimited`'s passes the scene as `?scene=`.
 */
export function pathLink({ page, scene }: CodeKey): string {
  return scene.startsWith(`${page}?`) || scene === page ? scene : `${page}?scene=${encodeURIComponent(scene)}`
}
