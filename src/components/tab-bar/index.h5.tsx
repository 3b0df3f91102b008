import { createElement, type CSSProperties, useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import Taro from '@tarojs/taro'
import { pageRoute } from '@shared/domain/pages'
import { routeOfHash } from './route'
import { ICON_GRID, ICON_STROKE, RESIDENT_TABS, shapeElement, TAB_COLORS, TAB_ICONS } from './tabs'
import './index.h5.scss'

/**
 * H5: the resident tab bar, drawn by the app. Taro's own H5 bar is a web component (3 KB gzip)
 * whose icons Taro inlines as data URLs (another 3 KB), all on the first screen (issue 24); this
 * one draws the same tabs (tabs.ts) with SVG icons from the shapes WeChat's PNGs are drawn from.
 *
 * It sits where Taro put its bar, after the page panel in `#container`
 * (@tarojs/router handleAppMountWithTabbar), so the page above scrolls in the space left; it
 * shows on tab pages only and follows the route through Taro's `__taroRouterChange` event, the one
 * Taro's bar listens to. Links, so a tab is reachable by keyboard and opens in a new browser tab
 * with a modifier; a plain tap switches tabs in place (`Taro.switchTab`).
 */
export default function ResidentTabBar() {
  const [route, setRoute] = useState(() => routeOfHash(window.location.hash))
  useEffect(() => {
    const onChange = (e?: { toLocation?: { path?: string } }) => setRoute(routeOfHash(e?.toLocation?.path ?? window.location.hash))
    Taro.eventCenter.on('__taroRouterChange', onChange)
    // The first route may have been drawn before this subscribed.
    onChange()
    return () => void Taro.eventCenter.off('__taroRouterChange', onChange)
  }, [])
  const container = document.getElementById('container')
  const current = RESIDENT_TABS.findIndex((tab) => pageRoute(tab.page) === route)
  if (!container || current < 0) return null
  return createPortal(
    <nav
      className='cy-tab-bar'
      aria-label='主导航'
      data-testid='resident-tab-bar'
      style={{ '--cy-tab-text': TAB_COLORS.text, '--cy-tab-on': TAB_COLORS.selected, '--cy-tab-icon': TAB_COLORS.icon, background: TAB_COLORS.background } as CSSProperties}
    >
      {RESIDENT_TABS.map((tab, i) => {
        const to = pageRoute(tab.page)
        const on = i === current
        return (
          <a
            key={tab.page}
            className={on ? 'cy-tab-bar__item cy-tab-bar__item--on' : 'cy-tab-bar__item'}
            href={`#/${to}`}
            aria-current={on ? 'page' : undefined}
            data-testid={`tab-${tab.page}`}
            onClick={(e) => {
              if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
              e.preventDefault()
              if (!on) void Taro.switchTab({ url: `/${to}` })
            }}
          >
            <svg className='cy-tab-bar__icon' viewBox={`0 0 ${ICON_GRID} ${ICON_GRID}`} strokeWidth={ICON_STROKE} aria-hidden='true'>
              {TAB_ICONS[tab.icon].map((shape, k) => {
                const [tag, attrs] = shapeElement(shape)
                return createElement(tag, { key: k, ...attrs })
              })}
            </svg>
            <span className='cy-tab-bar__label'>{tab.text}</span>
          </a>
        )
      })}
    </nav>,
    container,
  )
}
