const STYLE_ID = 'cy-print-style'

/**
 * H5: the browser's print dialog with a print stylesheet that shows only `selector`.
 * `one-page` (a poster) pins it to one A4 portrait sheet; `flow` (a document) lets it run over
 * as many A4 pages as it needs: every element that neither holds nor sits inside the selector is
 * left out (`:has`), and the ones around it lose their fixed heights and clipping, so nothing is
 * cut at the first page.
 */
export function printPage(selector: string, layout: 'one-page' | 'flow' = 'one-page'): boolean {
  document.getElementById(STYLE_ID)?.remove()
  const style = document.createElement('style')
  style.id = STYLE_ID
  style.textContent =
    layout === 'one-page'
      ? `
@media print {
  @page { size: A4 portrait; margin: 0; }
  body * { visibility: hidden; }
  ${selector}, ${selector} * { visibility: visible; }
  ${selector} {
    position: fixed; left: 0; top: 0; width: 210mm; max-width: none; height: 297mm;
    box-shadow: none; -webkit-print-color-adjust: exact; print-color-adjust: exact;
  }
}`
      : `
@media print {
  @page { size: A4 portrait; margin: 12mm 0; }
  body *:not(:has(${selector})):not(${selector}):not(${selector} *) { display: none !important; }
  html, body, body *:has(${selector}) {
    height: auto !important; min-height: 0 !important; max-height: none !important;
    overflow: visible !important; position: static !important; transform: none !important;
  }
  ${selector} { width: 210mm; max-width: none; box-shadow: none; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`
  document.head.appendChild(style)
  window.print()
  return true
}
