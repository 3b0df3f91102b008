import { type ComponentType, useEffect } from 'react'
import { View } from '@tarojs/components'
import { useCareMode } from '../../hooks/use-care-mode'
import { makePageScrollerFocusable } from '../../services/core/page-focus'

/**
 * Wraps a resident page so care mode (关怀模式) applies to all of it — loading and error states
 * included: `export default withCareMode(MyPage)`. The root carries `cy-care` when it is on,
 * which switches the theme's font, contrast and tap-target variables (styles/_care.scss). In
 * H5 it also gives the page's scrolling container a tab stop, for keyboard scrolling.
 */
export function withCareMode<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function CarePage(props: P) {
    const care = useCareMode()
    useEffect(makePageScrollerFocusable, [])
    return (
      <View className={care.on ? 'cy-root cy-care' : 'cy-root'} data-care={care.on ? 'on' : 'off'}>
        <Page {...props} />
      </View>
    )
  }
  CarePage.displayName = `withCareMode(${Page.displayName ?? Page.name ?? 'Page'})`
  return CarePage
}
