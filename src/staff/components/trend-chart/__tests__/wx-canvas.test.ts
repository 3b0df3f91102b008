import { WxCanvas, type CanvasContext2D, type CanvasNode } from '../wx-canvas'

function node(): CanvasNode & { ctx: CanvasContext2D & { fonts: string[] } } {
  const fonts: string[] = []
  const ctx = {
    fonts,
    _font: '',
    get font() {
      return this._font
    },
    set font(f: string) {
      this._font = f
      fonts.push(f)
    },
    measureText: (text: string) => ({ width: text.length * 7 }),
  }
  return { width: 300, height: 150, ctx, getContext: () => ctx }
}

describe('WxCanvas (the weapp stand-in for a DOM canvas)', () => {
  it('sizes go to the Canvas node, so zrender can set width × devicePixelRatio on it', () => {
    const n = node()
    const c = new WxCanvas(n)
    expect([c.width, c.height]).toEqual([300, 150])
    c.width = 750
    c.height = 840
    expect([n.width, n.height]).toEqual([750, 840])
    expect(c.getContext('2d')).toBe(n.ctx)
    expect(c.getContext('webgl')).toBeUndefined()
  })

  it('measures text with the font echarts asks for, defaulting to 12px sans-serif', () => {
    const n = node()
    const c = new WxCanvas(n)
    expect(c.measureText('目标', '10px sans-serif')).toEqual({ width: 14 })
    c.measureText('x')
    expect(n.ctx.fonts).toEqual(['10px sans-serif', '12px sans-serif'])
  })

  it('turns touches into the mouse events zrender handles (tooltips follow the finger); nothing before a chart is set', () => {
    const c = new WxCanvas(node())
    const seen: [string, number, number][] = []
    c.dispatch('start', 1, 2)
    expect(seen).toEqual([])
    c.setChart({ getZr: () => ({ handler: { dispatch: (name, e) => seen.push([name, e.zrX, e.zrY]) } }) })
    c.dispatch('start', 10, 20)
    c.dispatch('move', 11, 21)
    c.dispatch('end', 12, 22)
    expect(seen).toEqual([
      ['mousedown', 10, 20],
      ['mousemove', 10, 20],
      ['mousemove', 11, 21],
      ['mouseup', 12, 22],
      ['click', 12, 22],
    ])
  })
})
