/**
 * WeChat: pages come from the package, there is no first-screen download to protect, so work
 * deferred with `afterFirstScreen` runs at once. The browser build waits (after-first-screen.h5.ts).
 */
export function afterFirstScreen(run: () => void): void {
  run()
}
