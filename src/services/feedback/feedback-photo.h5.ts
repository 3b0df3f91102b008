import { env } from '../../env'
import { ApiError, ErrorCodes, unwrapEnvelope } from '../core/cloud-core'
import { ensureToken } from '../core/token'

/** H5: the chosen file (a blob: URL) is posted as raw bytes to the local runtime, which checks and keeps it. */
export async function uploadFeedbackPhoto(path: string): Promise<string> {
  let blob: Blob
  try {
    blob = await (await fetch(path)).blob()
  } catch {
    throw new ApiError(ErrorCodes.badResponse, '没能读取这张照片，请重新选择')
  }
  const { token } = await ensureToken()
  let res: Response
  try {
    res = await fetch(`${env.apiBase}/api/uploads/feedback-photo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
      body: blob,
    })
  } catch {
    throw new ApiError(ErrorCodes.network, '网络不太好，照片没有传上去，请重试')
  }
  const body: unknown = await res.json().catch(() => null)
  const data = unwrapEnvelope(body, res.status) as { ref?: unknown }
  if (typeof data?.ref !== 'string') throw new ApiError(ErrorCodes.badResponse, '照片没有上传成功，请重新选择')
  return data.ref
}
