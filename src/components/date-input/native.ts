/**
 * True where the browser's own date input serves better than the phone wheel: a device whose
 * main pointer is a mouse that hovers (a desktop or laptop). Phones and tablets answer `coarse`.
 * (Media Queries Level 4 `pointer` / `hover`.)
 */
export function prefersNativeDateInput(win: Pick<Window, 'matchMedia'> | undefined): boolean {
  if (!win || typeof win.matchMedia !== 'function') return false
  return win.matchMedia('(hover: hover) and (pointer: fine)').matches
}
