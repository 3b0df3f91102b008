/** What a share poster shows. */
export interface PosterContent {
  /** A small line above the title: 创业扶持政策 / 社区活动. */
  badge: string
  title: string
  /** Key facts, one per line (扶持内容, 时间, 地点…). */
  facts: { label: string; value: string }[]
  /** A paragraph under the facts (the event's description): wrapped, then cut with … where the space ends. */
  description?: string
  /** 咨询电话 (the nearest office's hotline), drawn beside the publisher. */
  contact?: string
  /** Who publishes it. */
  org: string
  /** Under the code: what scanning does. */
  hint: string
}

/** The poster's size in canvas pixels (2× a 375-wide phone screen, sharp when saved). */
export const POSTER_WIDTH = 750
export const POSTER_HEIGHT = 1200

/** The drawing calls both platforms' 2D contexts have (DOM canvas and WeChat's canvas 2d). */
export interface PosterContext {
  fillStyle: string | CanvasGradient | CanvasPattern
  font: string
  textBaseline: CanvasTextBaseline
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  drawImage(image: CanvasImageSource, x: number, y: number, w: number, h: number): void
}

const FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif'

/**
 * Breaks text into lines no wider than `width` (character by character: Chinese has no spaces)
 * and, when it does not fit in `maxLines`, ends the last line with … (the … itself fitting).
 */
export function wrap(ctx: Pick<PosterContext, 'measureText'>, text: string, width: number, maxLines: number): string[] {
  if (maxLines <= 0) return []
  const lines: string[] = []
  let line = ''
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  if (!chars.length) return []
  let i = 0
  for (; i < chars.length; i++) {
    const ch = chars[i]
    if (ctx.measureText(line + ch).width > width && line) {
      lines.push(line)
      line = ''
      if (lines.length === maxLines) break
    }
    line += ch
  }
  if (lines.length < maxLines && line) {
    lines.push(line)
    return lines
  }
  // Cut: the last line loses characters until it and the … fit.
  let last = lines[lines.length - 1] ?? ''
  while (last && ctx.measureText(`${last}…`).width > width) last = [...last].slice(0, -1).join('')
  lines[lines.length - 1] = `${last}…`
  return lines
}

/** Character-count version for layouts measured by the page (the A4 sheet): same cut, same …. */
export function fitText(text: string, charsPerLine: number, maxLines: number): string {
  return wrap({ measureText: (t) => ({ width: [...t].length }) }, text, charsPerLine, maxLines).join('')
}

/**
 * Draws the poster: a blue head with the title, the key facts in large type (older residents
 * read it on a phone in a group chat), and the code to scan at the bottom.
 */
export function drawPoster(ctx: PosterContext, content: PosterContent, code: CanvasImageSource): void {
  const W = POSTER_WIDTH
  const pad = 56
  ctx.textBaseline = 'top'
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, W, POSTER_HEIGHT)
  ctx.fillStyle = '#2861d8'
  ctx.fillRect(0, 0, W, 400)

  ctx.fillStyle = '#dfe8fb'
  ctx.font = `600 30px ${FONT}`
  ctx.fillText(`创业社区 · ${content.badge}`, pad, 56)
  ctx.fillStyle = '#ffffff'
  ctx.font = `700 54px ${FONT}`
  let y = 120
  for (const line of wrap(ctx, content.title, W - pad * 2, 4)) {
    ctx.fillText(line, pad, y)
    y += 72
  }

  y = 440
  for (const fact of content.facts) {
    ctx.fillStyle = '#555b66'
    ctx.font = `500 28px ${FONT}`
    ctx.fillText(fact.label, pad, y)
    y += 42
    ctx.fillStyle = '#1f2329'
    ctx.font = `600 36px ${FONT}`
    for (const line of wrap(ctx, fact.value, W - pad * 2, 2)) {
      ctx.fillText(line, pad, y)
      y += 50
    }
    y += 22
  }

  const codeSize = 240
  const codeTop = POSTER_HEIGHT - codeSize - 80
  // The description takes the lines left above the code area, then ends with ….
  if (content.description) {
    ctx.fillStyle = '#555b66'
    ctx.font = `500 30px ${FONT}`
    const room = Math.floor((codeTop - 60 - y) / 44)
    for (const line of wrap(ctx, content.description, W - pad * 2, Math.min(6, room))) {
      ctx.fillText(line, pad, y)
      y += 44
    }
  }
  ctx.fillStyle = '#f4f5f7'
  ctx.fillRect(0, codeTop - 40, W, POSTER_HEIGHT - codeTop + 40)
  ctx.drawImage(code, pad, codeTop, codeSize, codeSize)
  const textX = pad + codeSize + 40
  ctx.fillStyle = '#1f2329'
  ctx.font = `700 36px ${FONT}`
  ctx.fillText('扫码查看详情', textX, codeTop + 40)
  ctx.fillStyle = '#555b66'
  ctx.font = `500 28px ${FONT}`
  let hy = codeTop + 96
  for (const line of wrap(ctx, content.hint, W - textX - pad, 3)) {
    ctx.fillText(line, textX, hy)
    hy += 40
  }
  ctx.font = `500 26px ${FONT}`
  for (const line of wrap(ctx, content.org, W - textX - pad, 2)) {
    ctx.fillText(line, textX, hy + 12)
    hy += 36
  }
  if (content.contact) {
    ctx.fillStyle = '#1f2329'
    ctx.font = `600 28px ${FONT}`
    ctx.fillText(`咨询电话 ${content.contact}`, textX, hy + 16)
  }
}
