/**
 * H5: Taro's page container and scroll views are the elements that scroll. Keyboard and
 * switch-access users can only scroll a region they can focus (axe
 * `scrollable-region-focusable`), so each gets a tab stop.
 */
export function makePageScrollerFocusable(): void {
  if (typeof document === 'undefined') return
  for (const el of Array.from(document.querySelectorAll('.taro_page:not([tabindex]), taro-scroll-view-core:not([tabindex])'))) el.setAttribute('tabindex', '0')
}
