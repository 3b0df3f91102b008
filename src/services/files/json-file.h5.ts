import type { JsonHandOff } from './json-file'
import { downloadBlob } from './save-file.h5'

/** H5: the browser downloads the document as a `.json` file (a Blob link). */
export async function saveJson(filename: string, text: string): Promise<JsonHandOff> {
  downloadBlob(filename, new Blob([text], { type: 'application/json;charset=utf-8' }))
  return 'downloaded'
}
