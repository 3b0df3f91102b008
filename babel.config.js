// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
  // H5: each component wrapper from its own module, so a page loads only the ones it draws.
  plugins: process.env.TARO_ENV === 'h5' ? [require.resolve('./config/babel-h5-components.js')] : [],
}
