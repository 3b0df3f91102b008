/** WeChat pages are not keyboard-scrolled; nothing to do outside the H5 build. */
export function makePageScrollerFocusable(): void {}
