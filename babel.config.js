// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
//
// `targets` (issue 24, bytes): the engines the app supports, for both builds. The mini-program's
// minimum base library is 2.32.3 (the privacy authorisation API, `__usePrivacyCheck__` in
// app.json; set it in 微信公众平台 → 设置 → 基本设置 → 基础库最低版本). WeChat's own compatibility
// table (npm miniprogram-compat, data/browserslist.json) maps base library 2.30.0 and later to
// "ios 13, chrome 86". With the old targets (iOS 8, Android 4.1) every async function became a
// regenerator state machine and every class, spread and for-of a helper call, in every package.
// package.json's browserslist (the stylesheets' autoprefixer on H5) and config/mini-size.json
// (WXSS) name the same engines. Jest keeps its own (node, NODE_ENV=test).
const TARGETS = { ios: '13', chrome: '86' }

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        ...(process.env.NODE_ENV === 'test' ? {} : { targets: TARGETS }),
      },
    ],
  ],
  // H5: each component wrapper from its own module, so a page loads only the ones it draws.
  plugins: process.env.TARO_ENV === 'h5' ? [require.resolve('./config/babel-h5-components.js')] : [],
}
