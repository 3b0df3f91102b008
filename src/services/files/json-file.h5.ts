import type { JsonHandOff } from './json-file'

/** H5: the browser downloads the document as a `.json` file (a Blob link). */
export async function saveJson(filename: string, text: string): Promise<JsonHandOff> {
  downloadBlob(filename, new Blob([text], { type: 'application/json;charset=utf-8' }))
  return 'downloaded'
}

/** H5: the browser downloads `blob` under `filename` (a temporary object link, clicked once). */
function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
