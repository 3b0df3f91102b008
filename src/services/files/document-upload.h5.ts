import { env } from '../../env'
import { ApiError, ErrorCodes, unwrapEnvelope } from '../core/cloud-core'
import { ensureToken } from '../core/token'
import { DOCUMENT_PICK_EXTENSIONS, type ChosenDocument, type PickedDocument } from './document-pick'

export type { ChosenDocument, PickedDocument } from './document-pick'
export { DOCUMENT_PICK_EXTENSIONS } from './document-pick'

/**
 * H5: a file input (Taro's `chooseMessageFile` is WeChat-only), filtered to the accepted
 * extensions; it is put in the page while open so a browser (and Playwright's file chooser)
 * treats it as a user's file input.
 */
export function chooseDocuments(count: number): Promise<ChosenDocument[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = count > 1
    input.accept = DOCUMENT_PICK_EXTENSIONS.map((e) => `.${e}`).join(',')
    input.style.display = 'none'
    input.setAttribute('data-testid', 'document-file-input')
    const done = (files: ChosenDocument[]) => {
      input.remove()
      resolve(files)
    }
    input.addEventListener('change', () => done(Array.from(input.files ?? []).slice(0, count).map((f) => ({ name: f.name, size: f.size, blob: f }))))
    input.addEventListener('cancel', () => done([]))
    document.body.appendChild(input)
    input.click()
  })
}

/** H5: the bytes go to the local runtime, which checks what they are and keeps them. */
export async function uploadDocument(doc: ChosenDocument): Promise<PickedDocument> {
  if (!doc.blob) throw new ApiError(ErrorCodes.badResponse, '没能读取这个文件，请重新选择')
  const { token } = await ensureToken()
  let res: Response
  try {
    res = await fetch(`${env.apiBase}/api/uploads/document?name=${encodeURIComponent(doc.name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
      body: doc.blob,
    })
  } catch {
    throw new ApiError(ErrorCodes.network, '网络不太好，文件没有传上去，请重试')
  }
  const body: unknown = await res.json().catch(() => null)
  const data = unwrapEnvelope(body, res.status) as { ref?: unknown; name?: unknown; size?: unknown }
  if (typeof data?.ref !== 'string') throw new ApiError(ErrorCodes.badResponse, '文件没有上传成功，请重新选择')
  return { ref: data.ref, name: typeof data.name === 'string' ? data.name : doc.name, size: typeof data.size === 'number' ? data.size : doc.size }
}
