// WeChat (and tests): the toasts are Taro's own calls, with nothing to load. The browser build
// loads them on first use instead (toast.h5.ts).
export { confirm, toastSuccess, toastText } from './toast-now'

/** Nothing to fetch ahead here: the calls are in the package. */
export function preloadToasts(): Promise<void> {
  return Promise.resolve()
}
