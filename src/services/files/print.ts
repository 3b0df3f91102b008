/**
 * Prints the element matching `selector` alone, on one A4 portrait page, where the platform can
 * (`print.h5.ts`); false when it cannot (WeChat has no printing).
 */
export function printPage(_selector: string): boolean {
  return false
}
