/** H5: the browser downloads `blob` under `filename` (a temporary object link, clicked once). */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The bytes of a base64 string. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
}

/** H5: downloads the file through the browser. */
export async function saveFile(filename: string, mime: string, base64: string): Promise<void> {
  downloadBlob(filename, new Blob([base64Bytes(base64)], { type: mime }))
}
