/**
 * Prints the element matching `selector` alone, where the platform can (`print.h5.ts`): on one
 * A4 portrait page (`one-page`), or over as many as it needs (`flow`); false when it cannot
 * (WeChat has no printing).
 */
export function printPage(_selector: string, _layout: 'one-page' | 'flow' = 'one-page'): boolean {
  return false
}
