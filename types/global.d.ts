/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string
  export default src
}
declare module '*.scss'
declare module '*.css'

// Only the app's own variables; tsconfig is shared with the server and tests, so nothing
// here narrows NODE_ENV or other keys they use.
declare namespace NodeJS {
  interface ProcessEnv {
    /** CloudBase environment id for the weapp build (`wx.cloud.init({ env })`). Build-time. */
    TARO_APP_CLOUD_ENV?: string
    /** Origin or path prefix of the local runtime's HTTP API for the H5 build; '' = same origin. Build-time. */
    TARO_APP_API_BASE?: string
  }
}
