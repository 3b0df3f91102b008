import Taro from '@tarojs/taro'

/**
 * Scrolls the first field showing an error (`.form-field--error`) into view, just under the top,
 * after the render that marks it (50 ms later). A page that cannot scroll does nothing.
 */
export function scrollToFirstError(): void {
  setTimeout(() => {
    Taro.pageScrollTo({ selector: '.form-field--error', offsetTop: -80, duration: 200 }).catch(() => undefined)
  }, 50)
}
