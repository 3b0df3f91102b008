import { PNG } from 'pngjs'
import type { Browser, Page } from 'playwright-core'
import { readFile } from 'node:fs/promises'
import type { HonorCandidates, HonorList, ReportLine, ReportView } from '../../cloudfunctions/_shared/contracts/report'
import { pageUrl } from '../../cloudfunctions/_shared/domain/pages'
import { byTest, fn, signInStaff, staffToken } from './api'
import { baseUrl, eventually, launch, shot } from './browser'

/**
 * Issue 21 item 6, 简报 upward: 长寿路社区 writes a 简报 with a photo and a PDF and sends it to 大渡口街道;
 * the street's reviewer opens it (the sender's list then says 已读), downloads the PDF under its name, and
 * marks it 好经验; 苏铁社区, in another
 * district, finds it under 好经验. Screenshots of the 简报 list, a 简报 and the 表彰 list at
 * 1366×768 and 390×844 go to the artifacts folder (and to SHOTS_DIR when set).
 */
let browser: Browser
beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const TITLE = '长寿路社区创业沙龙开讲'

/** A small real PNG, like a photo of the event. */
function photo(): Buffer {
  const png = new PNG({ width: 64, height: 48 })
  for (let i = 0; i < 64 * 48 * 4; i += 4) {
    png.data[i] = 90
    png.data[i + 1] = 150
    png.data[i + 2] = 220
    png.data[i + 3] = 255
  }
  return PNG.sync.write(png)
}

/** A small PDF, like a sign-in sheet scanned to PDF. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const PDF_NAME = '沙龙签到表.pdf'

async function desk(username: string, size: { width: number; height: number } = { width: 1366, height: 768 }): Promise<Page> {
  const phone = size.width < 600
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN', deviceScaleFactor: phone ? 2 : 1, isMobile: phone, hasTouch: phone })
  const page = await context.newPage()
  await signInStaff(page, username)
  return page
}

const open = (page: Page, url: string) => page.goto(`${baseUrl()}/#${url}`)

/** The row of the list whose title is `title`. */
const row = (page: Page, title: string) => byTest(page, 'report-row').filter({ hasText: title })

describe('简报 upward', () => {
  it('a community sends, the street reads (sender sees 已读) and marks 好经验, another community reads it there', async () => {
    // The community writes and sends.
    const community = await desk('changshou')
    await open(community, pageUrl('staffReports'))
    await byTest(community, 'reports-empty').waitFor()
    await byTest(community, 'new-report').click()
    await byTest(community, 'report-form').waitFor()
    await byTest(community, 'report-title-input').fill(TITLE)
    await byTest(community, 'report-body-input').fill('本月社区举办两场创业沙龙，邀请 3 位创业导师讲解开店选址和创业担保贷款，到场居民 46 人，当场登记创业意向 5 人。')
    // A photo through the picker (H5: Taro.chooseImage opens a file input) and the upload path.
    const chooser = community.waitForEvent('filechooser')
    await byTest(community, 'report-photo-add').click()
    await (await chooser).setFiles({ name: 'salon.png', mimeType: 'image/png', buffer: photo() })
    await eventually(() => byTest(community, 'report-photo').count(), (n) => expect(n).toBe(1))
    // A PDF through the document picker (H5: a file input filtered to PDF / Word / Excel) and the document upload route.
    const fileChooser = community.waitForEvent('filechooser')
    await byTest(community, 'report-file-add').click()
    await (await fileChooser).setFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF })
    await byTest(community, 'report-file').filter({ hasText: PDF_NAME }).waitFor()
    await shot(community, 'report-form-attachments')
    await byTest(community, 'report-send').click()
    await row(community, TITLE).waitFor()
    expect(await row(community, TITLE).getByText('未读').count()).toBe(1)

    // The street's reviewer sees it unread in its inbox, opens it and marks it 好经验.
    const street = await desk('dadukou')
    await open(street, pageUrl('staffReports', { box: 'inbox', unread: '1' }))
    await row(street, TITLE).click()
    await street.waitForURL(/report-detail/)
    await byTest(street, 'report-hop').filter({ hasText: '已读' }).waitFor()
    // The reader sees the photo (a link the runtime serves).
    const img = byTest(street, 'report-photos').locator('img')
    await eventually(() => img.count(), (n) => expect(n).toBe(1))
    await eventually(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth), (w) => expect(w).toBe(64))
    // And the PDF as a row (name, size); tapping it downloads the file under its name.
    const fileRow = byTest(street, 'report-files-row').filter({ hasText: PDF_NAME })
    await fileRow.getByText(`${PDF.length} B`).waitFor()
    await shot(street, 'report-detail-attachment')
    const download = street.waitForEvent('download')
    await fileRow.click()
    const got = await download
    expect(got.suggestedFilename()).toBe(PDF_NAME)
    expect((await readFile(await got.path())).equals(PDF)).toBe(true)
    // The link the reader got is served with the type and the name; 苏铁社区 (another district) is refused the 简报, so gets no link.
    const streetToken = await staffToken('dadukou')
    const inbox = await fn<{ items: ReportLine[] }>(streetToken, 'report', 'list', { box: 'inbox' })
    const sentId = inbox.items.find((i) => i.title === TITLE)?.id ?? ''
    const view = await fn<ReportView>(streetToken, 'report', 'get', { id: sentId })
    const res = await fetch(`${baseUrl()}${view.files[0].file.url}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(PDF_NAME)}`)
    await expect(fn(await staffToken('sutie'), 'report', 'get', { id: sentId })).rejects.toThrow(/ 404: /)
    await byTest(street, 'report-mark-good').click()
    await byTest(street, 'report-good').waitFor()

    // The sender's list now says 已读.
    await community.reload()
    await byTest(community, 'report-box-sent').click()
    await row(community, TITLE).getByText('已读').waitFor()

    // 苏铁社区 (another district) finds it under 好经验 and can open it.
    const other = await desk('sutie')
    await open(other, pageUrl('staffReports', { box: 'good' }))
    await row(other, TITLE).waitFor()
    await row(other, TITLE).click()
    await byTest(other, 'report-good').waitFor()
    expect(await byTest(other, 'report-mark-good').count()).toBe(0)
  })

  it('东区 names a 优秀创业人员 from the 表彰 page and records the resident’s consent', async () => {
    const token = await staffToken('dongqu')
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4))
    const named = await fn<HonorList>(token, 'report', 'honors', { year })
    const found = await fn<HonorCandidates>(token, 'report', 'honorCandidates', { kind: 'entrepreneur', keyword: '' })
    const pick = found.items.find((c) => !named.items.some((h) => h.kind === 'entrepreneur' && h.subjectName === c.name))
    if (!pick) throw new Error('the demo has no started case in 东区 left to name')
    const page = await desk('dongqu')
    await open(page, pageUrl('staffHonors'))
    await byTest(page, 'honor-form').waitFor()
    await byTest(page, `honor-candidate-${pick.id}`).click()
    await byTest(page, 'honor-citation').fill('自主创业开办小吃店，带动 6 名邻居就业，积极参加社区创业沙龙分享经验。')
    await page.waitForTimeout(300)
    await shot(page, 'honors-name-form')
    await byTest(page, 'honor-save').click()
    const row = byTest(page, 'honor-row').filter({ hasText: pick.name })
    await row.getByText('本人尚未同意展示').waitFor()
    await row.locator('[data-testid="honor-consent-how"]').fill('电话确认')
    await row.locator('.at-button', { hasText: '记录本人同意' }).click()
    await row.getByText('本人同意在创业故事中展示（电话确认').waitFor()
    const after = await fn<HonorList>(token, 'report', 'honors', { year })
    expect(after.items.find((h) => h.kind === 'entrepreneur' && h.subjectName === pick.name)?.consent?.how).toBe('电话确认')
  })

  it('screenshots: the 简报 list, a 简报 and the 表彰 list at both sizes', async () => {
    for (const [name, size] of [
      ['desktop', { width: 1366, height: 768 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const page = await desk('bingcaogang', size)
      await open(page, pageUrl('staffReports'))
      await byTest(page, 'report-list').waitFor()
      await page.waitForTimeout(300)
      await shot(page, `reports-street-${name}`)
      await row(page, '新华社区').first().click()
      await byTest(page, 'report-hops').waitFor()
      await page.waitForTimeout(300)
      await shot(page, `report-detail-${name}`)
      await open(page, pageUrl('staffHonors'))
      await byTest(page, 'honor-list').waitFor()
      await byTest(page, 'honor-row').first().waitFor()
      await page.waitForTimeout(300)
      await shot(page, `honors-${name}`)
      const writer = await desk('jinsha', size)
      await open(writer, pageUrl('staffReports'))
      await byTest(writer, 'new-report').click()
      await byTest(writer, 'report-form').waitFor()
      await writer.waitForTimeout(300)
      await shot(writer, `report-write-${name}`)
    }
  })
})
