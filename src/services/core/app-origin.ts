/**
 * Where this app is served from, for QR codes of its own URLs. Only the H5 build has one
 * (`app-origin.h5.ts`); in WeChat codes are mini-program codes and need none.
 */
export function appOrigin(): string | null {
  return null
}
