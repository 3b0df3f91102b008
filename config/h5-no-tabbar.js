// H5 only, in place of @tarojs/components/dist/components/taro-tabbar.js (config/index.ts).
// The app draws its own tab bar on H5 (src/components/tab-bar/index.h5.tsx) and app.config marks
// the H5 `tabBar` custom, so Taro's router never defines its bar; it still imports the element,
// which would put 3 KB gzip of unused code on the first screen. If anything did ask for it, say so.
function missing() {
  throw new Error("Taro's H5 tab bar is replaced by the app's own (src/components/tab-bar); app.config's H5 tabBar must stay `custom: true`")
}

export const defineCustomElement = missing
export const TaroTabbar = missing
export const Tabbar = missing
export const TabbarItem = missing
export { Tabbar as a, TabbarItem as T }
