/**
 * Moments sharing (分享到朋友圈) is off: a page opened from Moments runs in 单页模式 (scene 1154),
 * where it can neither log in nor call functions, so every shared page would fail there. No page
 * enables it and nothing registers onShareTimeline.
 */
import fs from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(__dirname, '..', '..', 'src')

function files(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '__tests__') continue
    const p = path.join(dir, e.name)
    if (e.isDirectory()) files(p, out)
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p)
  }
  return out
}

const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')

describe('分享到朋友圈 is off', () => {
  const all = files(SRC)

  it('finds the page configs it checks (the pages that share)', () => {
    const configs = all.filter((f) => f.endsWith('.config.ts')).map((f) => path.relative(SRC, f))
    expect(configs).toEqual(expect.arrayContaining(['pkg-policy/pages/policy-detail/index.config.ts', 'pkg-event/pages/event/index.config.ts']))
    for (const p of ['pkg-policy/pages/policy-detail/index.config.ts', 'pkg-event/pages/event/index.config.ts']) {
      expect(code(fs.readFileSync(path.join(SRC, p), 'utf8'))).toMatch(/enableShareAppMessage:\s*true/)
    }
  })

  it('no page or app config enables timeline sharing, and no code registers it', () => {
    const offenders = all.filter((f) => /enableShareTimeline\s*:\s*true|useShareTimeline|onShareTimeline|showShareMenu\([^)]*shareTimeline/.test(code(fs.readFileSync(f, 'utf8'))))
    expect(offenders.map((f) => path.relative(SRC, f))).toEqual([])
  })
})
