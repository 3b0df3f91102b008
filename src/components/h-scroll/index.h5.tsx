import { View } from '@tarojs/components'
import type { HScrollProps } from './index'
import './index.h5.scss'

/**
 * H5: a block that overflows sideways scrolls by itself in a browser; Taro's ScrollView (a web
 * component, 1.7 KB gzip with its loader) is not needed on the home's first screen (issue 24).
 */
export default function HScroll({ className, children }: HScrollProps) {
  return <View className={`${className} h-scroll`}>{children}</View>
}
