/**
 * The safety net for taps that need the network and were started with `void` (a navigation, a
 * background read): in the browser build an unanswered rejection while offline is said once
 * (`offline-taps.h5.ts`). WeChat pages are in the package and calls report their own errors, so
 * here it does nothing.
 */
export function sayWhenOffline(): void {}
