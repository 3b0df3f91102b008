/**
 * The resident tab bar: its three tabs and their icons, as data. WeChat draws the bar from
 * app.config (PNG icons drawn from these shapes by config/tabbar-icons.ts); on H5 the app draws
 * it (tab-bar/index.h5.tsx, the same shapes as SVG). Imported by app.config, so plain data only.
 */
import type { PageKey } from '../../../cloudfunctions/_shared/domain/pages'

/** One stroke of an icon on an 81×81 grid: a rounded box (centre, half sizes, radius), a line, a ring, a dot, an upper half ring. */
export type IconShape =
  | { box: [cx: number, cy: number, hw: number, hh: number, r: number] }
  | { line: [ax: number, ay: number, bx: number, by: number] }
  | { ring: [cx: number, cy: number, r: number] }
  | { dot: [cx: number, cy: number, r: number] }
  | { arc: [cx: number, cy: number, r: number] }

export const ICON_GRID = 81
export const ICON_STROKE = 5.5

export type TabIcon = 'policy' | 'events' | 'mine'

export const TAB_ICONS: Record<TabIcon, readonly IconShape[]> = {
  // A document with lines of text.
  policy: [{ box: [40.5, 40.5, 23, 29, 6] }, { line: [29, 28, 52, 28] }, { line: [29, 40, 52, 40] }, { line: [29, 52, 43, 52] }],
  // A calendar page with two rings.
  events: [
    { box: [40.5, 44, 28, 24, 6] },
    { line: [13, 34, 68, 34] },
    { line: [28, 12, 28, 24] },
    { line: [53, 12, 53, 24] },
    { dot: [30, 50, 3.6] },
    { dot: [40.5, 50, 3.6] },
    { dot: [51, 50, 3.6] },
  ],
  // A person: head and shoulders.
  mine: [{ ring: [40.5, 27, 12.5] }, { arc: [40.5, 72, 25] }],
}

/** The SVG element that draws one shape (stroked by the `<svg>`'s `stroke`; a dot is filled): tag and attributes. */
export function shapeElement(shape: IconShape): [tag: 'rect' | 'line' | 'circle' | 'path', attrs: Record<string, string | number>] {
  if ('box' in shape) {
    const [cx, cy, hw, hh, r] = shape.box
    return ['rect', { x: cx - hw, y: cy - hh, width: hw * 2, height: hh * 2, rx: r }]
  }
  if ('line' in shape) {
    const [x1, y1, x2, y2] = shape.line
    return ['line', { x1, y1, x2, y2 }]
  }
  if ('ring' in shape) return ['circle', { cx: shape.ring[0], cy: shape.ring[1], r: shape.ring[2] }]
  if ('dot' in shape) return ['circle', { cx: shape.dot[0], cy: shape.dot[1], r: shape.dot[2], fill: 'currentColor', stroke: 'none' }]
  const [cx, cy, r] = shape.arc
  return ['path', { d: `M${cx - r} ${cy}A${r} ${r} 0 0 1 ${cx + r} ${cy}` }]
}

export interface ResidentTab {
  page: PageKey
  text: string
  icon: TabIcon
}

export const RESIDENT_TABS: readonly ResidentTab[] = [
  { page: 'index', text: '政策', icon: 'policy' },
  { page: 'events', text: '活动', icon: 'events' },
  { page: 'mine', text: '我的', icon: 'mine' },
]

/** Tab text and icon colours: unselected text at 4.5:1 or better on white (WCAG AA). */
export const TAB_COLORS = { text: '#646a74', selected: '#2861d8', icon: '#8f959e', background: '#ffffff' } as const
