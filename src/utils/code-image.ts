import type { CodeImage } from '@shared/contracts/file'

/**
 * What an `<Image>` shows for a code: a kept code's cloud file id as is (the image component
 * takes cloud file ids), an inline PNG as a data URL.
 */
export function codeSrc(code: CodeImage): string {
  return code.fileID ?? `data:image/png;base64,${code.image ?? ''}`
}

/** The line staff see under a fallback QR, or null under a real mini-program code. */
export function codeNotice(code: CodeImage): string | null {
  if (code.fallback === 'trial') return '小程序尚未发布：这个码打开体验版，只有体验成员能扫开；发布后自动换成正式小程序码'
  return code.fallback === 'unreleased' ? '小程序发布后显示小程序码（现在是页面路径的普通二维码，微信扫码打不开小程序）' : null
}
