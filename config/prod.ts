import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {
    // Keeps the first screen small: vendor code that only some pages use goes to their chunks.
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>
