import { drawPoster, fitText, type PosterContext, wrap } from '../poster-draw'

/** A context whose every character is 30 px wide, recording what is drawn. */
function fakeContext() {
  const drawn: string[] = []
  const ctx: PosterContext = {
    fillStyle: '',
    font: '',
    textBaseline: 'top',
    fillRect: () => undefined,
    fillText: (t) => void drawn.push(t),
    measureText: (t) => ({ width: [...t].length * 30 }),
    drawImage: () => undefined,
  }
  return { ctx, drawn }
}

const LONG = '请社区里开店三年以上的店主讲讲选址、进货和算账，区就业服务中心现场解读一次性创业补贴和创业担保贷款，会后可以一对一咨询。适合正在考虑开店的居民。'.repeat(3)

describe('poster text', () => {
  it('wraps a long description over lines of the width, then ends the last line with … that still fits', () => {
    const { ctx } = fakeContext()
    const lines = wrap(ctx, LONG, 300, 3)
    expect(lines).toHaveLength(3)
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(10)
    expect(lines[2].endsWith('…')).toBe(true)
    expect(lines.slice(0, 2).join('')).toBe(LONG.slice(0, 20))
    // Short text: untouched, no ….
    expect(wrap(ctx, '创业沙龙', 300, 3)).toEqual(['创业沙龙'])
    expect(wrap(ctx, '', 300, 3)).toEqual([])
    expect(fitText('一二三四五六七八九十', 4, 2)).toBe('一二三四五六七…')
  })

  it('draws the description and the contact phone on the share poster', () => {
    const { ctx, drawn } = fakeContext()
    drawPoster(ctx, { badge: '社区活动', title: '返乡青年创业沙龙', facts: [{ label: '地点', value: '金沙社区党群服务中心' }], description: LONG, contact: '0812-2221234', org: '金沙社区 主办', hint: '扫码报名' }, {} as CanvasImageSource)
    const text = drawn.join('\n')
    expect(text).toContain('咨询电话 0812-2221234')
    const first = drawn.findIndex((l) => LONG.startsWith(l) && l.length > 10)
    expect(first).toBeGreaterThan(-1)
    // Wrapped over several lines, the last cut with … (the whole text does not fit).
    const cut = drawn.findIndex((l, i) => i > first && l.endsWith('…'))
    expect(cut - first).toBeGreaterThanOrEqual(2)
  })
})
