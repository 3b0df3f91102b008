// The app's own Babel config (babel-preset-taro with the same options), so the floor is compiled
// exactly as the app is. bench/floor.ts hashes the root file into the floor's cache key.
module.exports = require('../../babel.config.js')
