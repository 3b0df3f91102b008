/**
 * The object echarts draws on in weapp: it stands in for a DOM canvas, as
 * echarts-for-weixin's `wx-canvas.js` (the `<canvas type="2d">` branch) does. zrender's
 * canvas painter treats a root without `nodeName` as a single canvas: it sets `width` and
 * `height` (CSS size × devicePixelRatio) and draws through `getContext('2d')`, which here is
 * the Canvas node's own 2d context.
 */
export interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): CanvasContext2D
}

export interface CanvasContext2D {
  font: string
  measureText(text: string): { width: number }
}

interface ZrHandler {
  dispatch(name: string, e: { zrX: number; zrY: number }): void
}

export interface ChartLike {
  getZr(): { handler: ZrHandler }
}

export class WxCanvas {
  private chart: ChartLike | null = null
  private readonly ctx: CanvasContext2D

  constructor(private readonly node: CanvasNode) {
    this.ctx = node.getContext('2d')
  }

  getContext(type: string): CanvasContext2D | undefined {
    return type === '2d' ? this.ctx : undefined
  }

  /** zrender measures label text through the platform API; it must use this canvas's context. */
  measureText(text: string, font?: string): { width: number } {
    this.ctx.font = font || '12px sans-serif'
    return this.ctx.measureText(text)
  }

  setChart(chart: ChartLike): void {
    this.chart = chart
  }

  /** A touch on the canvas (its own coordinates) as the mouse event echarts expects: tooltips follow the finger. */
  dispatch(kind: 'start' | 'move' | 'end', x: number, y: number): void {
    if (!this.chart) return
    const handler = this.chart.getZr().handler
    const names = kind === 'start' ? ['mousedown', 'mousemove'] : kind === 'move' ? ['mousemove'] : ['mouseup', 'click']
    for (const name of names) handler.dispatch(name, { zrX: x, zrY: y })
  }

  // echarts binds no DOM listeners on a non-DOM root; these keep it from trying.
  addEventListener(): void {}
  removeEventListener(): void {}
  attachEvent(): void {}
  detachEvent(): void {}

  get width(): number {
    return this.node.width
  }
  set width(w: number) {
    this.node.width = w
  }
  get height(): number {
    return this.node.height
  }
  set height(h: number) {
    this.node.height = h
  }
}
