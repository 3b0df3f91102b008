/**
 * Tap-to-call. Taro resolves `./dial` to `dial.weapp.ts` (WeChat's dialer) or `dial.h5.ts` (a
 * `tel:` link) by build target; this file is what the type checker and other targets see.
 */
export function dial(_phone: string): void {
  // No dialer on other targets: the number stays on screen to copy.
}
