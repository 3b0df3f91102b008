const STYLE_ID = 'cy-print-style'

/**
 * H5: the browser's print dialog, with a print stylesheet that shows only `selector`, sized to
 * one A4 portrait sheet. (Mini-program stylesheets cannot hold these rules, so they live here.)
 */
export function printPage(selector: string): boolean {
  document.getElementById(STYLE_ID)?.remove()
  const style = document.createElement('style')
  style.id = STYLE_ID
  style.textContent = `
@media print {
  @page { size: A4 portrait; margin: 0; }
  body * { visibility: hidden; }
  ${selector}, ${selector} * { visibility: visible; }
  ${selector} {
    position: fixed; left: 0; top: 0; width: 210mm; max-width: none; height: 297mm;
    box-shadow: none; -webkit-print-color-adjust: exact; print-color-adjust: exact;
  }
}`
  document.head.appendChild(style)
  window.print()
  return true
}
