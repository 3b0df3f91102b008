/**
 * Browser build: Taro's H5 toast, modal and action sheet (@tarojs/taro-h5 api/ui/interaction,
 * about 10 KiB gzip with their inline font and styles) are loaded the first time one is shown, or
 * ahead of time by `preloadToasts()` once the first page has been drawn (app.tsx), not with the
 * app's first screen (issue 24 item 3). Same functions as toast.ts; each waits for the module.
 */
type Now = typeof import('./toast-now')

let loading: Promise<Now> | null = null

function now(): Promise<Now> {
  // A failed load (offline) is not remembered: the next call tries again.
  loading ??= import(/* webpackChunkName: "toast" */ './toast-now').catch((err: unknown) => {
    loading = null
    throw err
  })
  return loading
}

/** Fetches the toast code ahead of its first use (so a toast still shows after the network goes away). */
export function preloadToasts(): Promise<void> {
  return now().then(
    () => undefined,
    () => undefined,
  )
}

/** A short confirmation after an action (保存成功, 已发布). */
export function toastSuccess(title: string): void {
  void now().then((m) => m.toastSuccess(title), () => undefined)
}

/** A short message when something needs attention; no icon so long text fits. */
export function toastText(title: string): void {
  void now().then((m) => m.toastText(title), () => undefined)
}

/** Asks before an action that others will notice (发布, 下架, 退出登录). */
export async function confirm(title: string, content: string, confirmText: string): Promise<boolean> {
  return (await now()).confirm(title, content, confirmText)
}
