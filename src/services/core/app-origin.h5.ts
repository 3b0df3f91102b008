/** The H5 app's origin: the local runtime's QR codes open `<origin>/#/…`. */
export function appOrigin(): string | null {
  return typeof window === 'undefined' ? null : window.location.origin
}
