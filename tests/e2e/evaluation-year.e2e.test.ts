import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { ApplicationView } from '../../cloudfunctions/_shared/contracts/evaluation'
import { byTest, fn, staffPage, staffToken } from './api'
import { ARTIFACTS, baseUrl, eventually, launch, screenshot } from './browser'

/**
 * The evaluation year run from the app: with this year's apply deadline passed, 金沙社区's lead is
 * told who can lift it, the city officer extends it for 金沙 on the 评估年度管理 page, and the
 * lead submits. Then, with the street's and district's opinions on the chain, the 申报表 and the
 * 自评报告 are printed to PDF (Chromium's `page.pdf`): every page the content needs is there and
 * the last block (县(区)认定意见) is laid out in the printed flow.
 *
 * How "whole" is checked: no PDF text extractor is in node_modules, so the page count is read
 * from the PDF itself (its `/Type /Page` objects) and compared with the sheet's height laid out
 * under `emulateMedia({ media: 'print' })`; the last block's text is checked in that print
 * layout (present, visible, inside the sheet), not in the PDF's text layer.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const today = new Date(Date.now() + 8 * 3600_000)
const year = today.getUTCFullYear()
const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10)
// Yesterday closes the apply step (on 1 January there is no earlier day in the year: then it is today).
const applyClosed = day(-1).startsWith(String(year)) ? day(-1) : day(0)
const extendedTo = day(7) <= `${year}-12-31` ? day(7) : `${year}-12-31`
const APP = `c-jinsha:${year}`
const STREET_OPINION = '金沙社区台帐完整，帮扶覆盖率达标，同意上报。'
const DISTRICT_OPINION = '经审核，金沙社区达到创业型社区创建标准，予以认定。'

async function signedIn(username: string, path: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' })
  return staffPage(context, username, `${baseUrl()}/#${path}`)
}

/** Pages of a PDF Chromium wrote: its page objects (`/Type /Page`, not `/Pages`). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length
}

describe('the evaluation year from the app', () => {
  let lead = ''
  let city = ''

  beforeAll(async () => {
    lead = await staffToken('jinsha-lead')
    city = await staffToken('city')
    const end = `${year}-12-31`
    await fn(city, 'evaluation', 'deadlines', { year, set: { apply: applyClosed, review: end, certify: end, spotCheck: end } })
    const d = await fn<ApplicationView>(lead, 'evaluation', 'draft', { year })
    await fn(lead, 'evaluation', 'draft', {
      year,
      version: d.version,
      form: { contactName: '金沙社区 张主任', contactPhone: '0812-2221234', overview: '金沙社区 2800 户，创业服务站 1 个，创业指导员 2 名。' },
      report: { sections: d.report.sections, summary: '五项创建标准基本达到，下一步扩大创业场地，做好动态管理。' },
    })
  })

  it('after the deadline the lead is told the city can extend it; the city extends it for 金沙 and the lead submits', async () => {
    const page = await signedIn('jinsha-lead', `/staff/pages/evaluation-edit/index?year=${year}`)
    await byTest(page, 'evaluation-edit').waitFor()
    if (applyClosed < day(0)) {
      await byTest(page, 'ev-submit').click()
      await page.locator('.taro-modal__foot').getByText('提交', { exact: true }).click()
      await page.getByText(`申报截止日（${applyClosed}）已过，请联系市创建办延期`).first().waitFor()
    }

    const office = await signedIn('city', '/staff/pages/evaluation/index')
    await byTest(office, 'evaluation-year-entry').click()
    await byTest(office, 'evaluation-year').waitFor()
    await byTest(office, 'extend-step-apply').click()
    await byTest(office, 'extend-who-c-jinsha').click()
    await byTest(office, 'extend-until-input').fill(extendedTo)
    await byTest(office, 'extend-reason-input').fill('社区换届，申报材料晚交')
    await byTest(office, 'extend-save').click()
    await eventually(() => byTest(office, 'extend-result').innerText(), (t) => expect(t).toContain(`金沙社区的社区申报截止日已延到 ${extendedTo}`))
    await byTest(office, 'remind-behind').click()
    await byTest(office, 'remind-result').waitFor()
    await office.waitForTimeout(300)
    await screenshot(office, 'evaluation-year-desktop')
    // Only 金沙: the year's own date is unchanged.
    expect((await fn<{ apply: string }>(city, 'evaluation', 'deadlines', { year })).apply).toBe(applyClosed)

    await page.reload()
    await byTest(page, 'evaluation-edit').waitFor()
    await byTest(page, 'ev-submit').click()
    await page.locator('.taro-modal__foot').getByText('提交', { exact: true }).click()
    await byTest(page, 'evaluation-detail').waitFor()
    await eventually(() => byTest(page, 'evaluation-detail-status').innerText(), (t) => expect(t).toContain('待街道初评'))
    const view = await fn<ApplicationView>(lead, 'evaluation', 'get', { id: APP })
    expect(view).toMatchObject({ status: 'submitted', deadlines: { apply: extendedTo }, extended: expect.arrayContaining(['apply']) })
  })

  it('prints the 申报表 and the 自评报告 whole on A4, with the street’s and the district’s opinions', async () => {
    const reviewer = await staffToken('bingcaogang')
    const district = await staffToken('dongqu')
    let app = await fn<ApplicationView>(reviewer, 'evaluation', 'get', { id: APP })
    app = await fn<ApplicationView>(reviewer, 'evaluation', 'review', { id: APP, version: app.version, decision: 'pass', opinion: STREET_OPINION })
    await fn<ApplicationView>(district, 'evaluation', 'certify', { id: APP, version: app.version, decision: 'certify', opinion: DISTRICT_OPINION })

    for (const doc of ['form', 'report'] as const) {
      const page = await signedIn('jinsha-lead', `/staff/pages/evaluation-print/index?id=${encodeURIComponent(APP)}&doc=${doc}`)
      const sheet = byTest(page, 'print-sheet')
      await sheet.waitFor()
      await screenshot(page, `evaluation-print-${doc}-whole`)
      // The 打印 button's own print stylesheet (window.print stubbed: headless Chromium has no dialog).
      await page.evaluate(() => {
        window.print = () => undefined
      })
      await byTest(page, 'print-button').click()
      await page.emulateMedia({ media: 'print' })

      const layout = await page.evaluate(() => {
        const s = document.querySelector('.ev-print__sheet') as HTMLElement
        const last = document.querySelector('[data-testid="opinion-district"]') as HTMLElement
        const street = document.querySelector('[data-testid="opinion-street"]') as HTMLElement
        const box = s.getBoundingClientRect()
        const lastBox = last.getBoundingClientRect()
        return {
          sheetHeight: box.height,
          lastInside: lastBox.bottom <= box.bottom + 1 && lastBox.height > 0,
          lastVisible: getComputedStyle(last).display !== 'none' && getComputedStyle(last).visibility !== 'hidden',
          lastText: last.innerText,
          streetText: street.innerText,
          // Nothing around the sheet clips it.
          clipped: (() => {
            for (let el = s.parentElement; el; el = el.parentElement) {
              const cs = getComputedStyle(el)
              if ((cs.overflow === 'hidden' || cs.overflowY === 'hidden') && el.getBoundingClientRect().height < box.height) return el.className
            }
            return ''
          })(),
        }
      })
      expect(layout.lastVisible).toBe(true)
      expect(layout.lastInside).toBe(true)
      expect(layout.clipped).toBe('')
      expect(layout.lastText).toContain('县(区)认定意见')
      expect(layout.lastText).toContain(DISTRICT_OPINION)
      expect(layout.lastText).toMatch(new RegExp(`${year} 年 \\d+ 月 \\d+ 日`))
      expect(layout.streetText).toContain(STREET_OPINION)

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
      writeFileSync(join(ARTIFACTS, `evaluation-${doc}.pdf`), pdf)
      const pages = pdfPages(pdf)
      // A4 with 12 mm top and bottom margins leaves 273 mm (≈ 1032 px at 96 dpi) a page.
      const needed = Math.ceil(layout.sheetHeight / 1032)
      expect(pages).toBeGreaterThanOrEqual(needed)
      if (needed > 1) expect(pages).toBeGreaterThan(1)
      console.log(`${doc}: sheet ${Math.round(layout.sheetHeight)} px in print layout → ${pages} A4 pages (needs ≥ ${needed})`)
      await page.context().close()
    }
  })

  it('the city records the 授牌 on the application’s page, with the date from the date input and a certificate scan', async () => {
    const office = await signedIn('city', `/staff/pages/evaluation-detail/index?id=${encodeURIComponent(APP)}`)
    await byTest(office, 'evaluation-manage').waitFor()
    // A desktop gets the browser's own date input, not the phone wheel.
    const dateInput = byTest(office, 'manage-date')
    expect(await dateInput.evaluate((el) => `${el.tagName}:${(el as HTMLInputElement).type}`)).toBe('INPUT:date')
    await dateInput.fill(day(0))
    await byTest(office, 'manage-docno').fill('攀创办〔2026〕12 号')
    // The certificate: a picture of one, made by the browser itself.
    const maker = await office.context().newPage()
    await maker.setViewportSize({ width: 640, height: 440 })
    await maker.setContent('<body style="margin:0;font-family:sans-serif"><div style="margin:20px;height:400px;border:12px double #b8860b;text-align:center;background:#fffaf0"><h1 style="color:#b22222;margin-top:90px">创业型社区</h1><p style="font-size:22px">金沙社区</p><p>攀枝花市创建国家级创业型城市工作领导小组办公室</p></div></body>')
    const scan = await maker.screenshot({ type: 'png' })
    await maker.close()
    const chooser = office.waitForEvent('filechooser')
    await byTest(office, 'manage-certificate-add').click()
    await (await chooser).setFiles({ name: 'certificate.png', mimeType: 'image/png', buffer: scan })
    await byTest(office, 'manage-certificate').waitFor()
    await byTest(office, 'evaluation-manage').scrollIntoViewIfNeeded()
    await office.waitForTimeout(300)
    await byTest(office, 'evaluation-manage').screenshot({ path: join(ARTIFACTS, 'evaluation-award-form.png') })
    await byTest(office, 'manage-award').click()
    await office.locator('.taro-modal__foot').getByText('确定', { exact: true }).click()
    await byTest(office, 'evaluation-award').waitFor()
    expect(await byTest(office, 'evaluation-award').innerText()).toContain('证书扫描件已存档')
    const view = await fn<ApplicationView>(city, 'evaluation', 'get', { id: APP })
    expect(view.award).toMatchObject({ date: day(0), documentNo: '攀创办〔2026〕12 号', certificate: expect.stringMatching(/^local:/) })
    // 查看证书扫描件: the stored scan opens full screen, the very picture that was chosen.
    await byTest(office, 'award-certificate').click()
    const name = String(view.award?.certificate).replace(/^local:/, '')
    const shown = office.locator(`img[src*="${name}"]:visible`)
    await shown.waitFor()
    const src = await shown.getAttribute('src')
    const served = Buffer.from(await (await fetch(new URL(String(src), baseUrl()))).arrayBuffer())
    expect(served.equals(scan)).toBe(true)
    await office.screenshot({ path: join(ARTIFACTS, 'evaluation-award-certificate.png') })
    await office.context().close()
  })
})
