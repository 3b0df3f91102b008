import type { HScrollProps } from './index'
import './index.h5.scss'

/**
 * H5: a block that overflows sideways scrolls by itself in a browser; Taro's ScrollView (a web
 * component, 1.7 KB gzip with its loader) is not needed on the home's first screen (issue 24).
 * A region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable), so the
 * row (the browser's own block) takes focus and names itself; arrow keys then scroll it.
 */
export default function HScroll({ className, label, children }: HScrollProps) {
  return (
    <div className={`${className} h-scroll`} role='group' aria-label={label} tabIndex={0}>
      {children}
    </div>
  )
}
