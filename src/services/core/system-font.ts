/**
 * Whether the system asks for large text. The H5 build has no reliable reading of the phone's
 * font setting (the browser's own zoom already scales the page), so it never turns care mode on.
 */
export function systemLargeFont(): boolean {
  return false
}
