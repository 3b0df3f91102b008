/**
 * A native weapp component that hosts one `<canvas type="2d">` for an echarts chart.
 *
 * Taro renders React trees through a shared recursive template, where a page-level
 * `createSelectorQuery()` cannot reach a node that ends up inside a custom component
 * (NervJS/taro#7116, #14398). Here the query runs in this component's own scope
 * (`this.createSelectorQuery()`), so the canvas is found wherever the chart sits.
 *
 * Once the canvas has a size, it sends `init` with `{ canvas, width, height, dpr }`: the
 * Canvas node (https://developers.weixin.qq.com/miniprogram/dev/api/canvas/Canvas.html),
 * its CSS size taken from the container, and the device pixel ratio. The React side
 * (trend-chart/index.weapp.tsx) initialises echarts on it, as echarts-for-weixin's
 * ec-canvas does. Touches go out as `gesture` events so tooltips work.
 */
const MAX_ATTEMPTS = 20
const RETRY_MS = 50

function pixelRatio() {
  // wx.getWindowInfo (base library 2.20.1+) replaces the deprecated getSystemInfoSync.
  if (typeof wx.getWindowInfo === 'function') return wx.getWindowInfo().pixelRatio
  return wx.getSystemInfoSync().pixelRatio
}

Component({
  lifetimes: {
    ready() {
      this.measure(0)
    },
    detached() {
      this.gone = true
    },
  },
  methods: {
    measure(attempt) {
      if (this.gone) return
      this.createSelectorQuery()
        .select('#ec-canvas')
        .fields({ node: true, size: true })
        .exec((res) => {
          if (this.gone) return
          const r = res && res[0]
          // A canvas inside a container that is not laid out yet has no size: try again shortly.
          if (!r || !r.node || !r.width || !r.height) {
            if (attempt + 1 < MAX_ATTEMPTS) setTimeout(() => this.measure(attempt + 1), RETRY_MS)
            else this.triggerEvent('fail', { reason: r && r.node ? 'no-size' : 'no-node' })
            return
          }
          this.triggerEvent('init', { canvas: r.node, width: r.width, height: r.height, dpr: pixelRatio() })
        })
    },
    touch(kind, e) {
      const t = (e.touches && e.touches[0]) || (e.changedTouches && e.changedTouches[0])
      if (!t) return
      this.triggerEvent('gesture', { kind, x: t.x, y: t.y })
    },
    touchStart(e) {
      this.touch('start', e)
    },
    touchMove(e) {
      this.touch('move', e)
    },
    touchEnd(e) {
      this.touch('end', e)
    },
  },
})
