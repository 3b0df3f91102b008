import Taro from '@tarojs/taro'

/** WeChat's default text size in px (我 → 设置 → 通用 → 字体大小, standard). */
const STANDARD_PX = 17

/**
 * WeChat exposes the resident's font size setting (`fontSizeSetting`, px); anything above the
 * standard size turns care mode on until the resident chooses otherwise in 我的.
 */
export function systemLargeFont(): boolean {
  try {
    const info = typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()
    const size = Number((info as { fontSizeSetting?: number }).fontSizeSetting ?? 0)
    return size > STANDARD_PX
  } catch {
    return false
  }
}
