import { describeError } from '../../services/core/cloud'

/** What the button says after a failed "load more": what happened, then that a tap retries. */
export function moreFailedText(error: unknown): string {
  return `加载失败：${describeError(error).message}，点击重试`
}
