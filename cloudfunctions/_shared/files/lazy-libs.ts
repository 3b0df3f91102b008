/**
 * Heavy libraries loaded on first use, not when a function starts: exceljs alone takes longer to
 * `require` than the rest of a function bundle with the CloudBase SDK (bench: cold start), and
 * only exports need it; qrcode only the code actions. A cold start pays for neither.
 */
import type ExcelJSModule from 'exceljs'
import type QRCodeModule from 'qrcode'

type Interop<T> = T | { default: T }
const unwrap = <T>(m: Interop<T>): T => ((m as { default?: T }).default ?? m) as T

export async function loadExcelJS(): Promise<typeof ExcelJSModule> {
  return unwrap<typeof ExcelJSModule>(await import('exceljs'))
}

export async function loadQRCode(): Promise<typeof QRCodeModule> {
  return unwrap<typeof QRCodeModule>(await import('qrcode'))
}
