import { env } from '../env'

/** H5: the browser downloads the file (streamed by the runtime; nothing is buffered in the page). */
export async function openDownload(url: string, fileName: string): Promise<void> {
  const a = document.createElement('a')
  a.href = /^https?:\/\//.test(url) ? url : `${env.apiBase}${url}`
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}
