import type { PageOf } from '../../cloudfunctions/_shared/contracts/common'
import type { HonorList, ReportLine, ReportView } from '../../cloudfunctions/_shared/contracts/report'
import { FUNCTIONS } from '../functions'
import { seedDemo } from '../seed'
import { demoDb } from './demo-db'

/**
 * 简报 and 表彰 on a freshly seeded demo database (issue 21), each as the user concerned sees it
 * through the report function's actions: 新华社区's 简报 sent, read by 炳草岗街道 with a comment and
 * marked 好经验 (every community sees it in 好经验), 金沙's still unread at the street, 东区's 认定报告
 * unread at the city, and the demo year's 表彰 of the city and 东区.
 */
describe('demo 简报 and 表彰', () => {
  const { store, keyring, now, call } = demoDb(FUNCTIONS.report, { fn: 'report', secret: 'r'.repeat(32) })
  const box = async (staffId: string, name: 'inbox' | 'sent' | 'good') => (await call<PageOf<ReportLine>>('list', { box: name }, staffId)).items
  beforeAll(async () => {
    await seedDemo(store, now, { forcePasswordChange: false, keyring })
  })
  afterAll(async () => {
    await store.close()
  })

  it("新华社区's 简报: sent, read by its street with a comment, and 好经验", async () => {
    const sent = (await box('st_xinhua', 'sent')).find((l) => l.id === 'rp_demo_xinhua_market')
    expect(sent).toMatchObject({ kind: 'brief', fromOrgName: '新华社区', good: true, commentCount: 1 })
    expect(sent?.readAt).toEqual(expect.any(String))
    const inbox = await box('st_bingcaogang', 'inbox')
    expect(inbox.find((l) => l.id === 'rp_demo_xinhua_market')).toMatchObject({ readByMe: true, good: true })
    // 金沙's 工作情况 is still unread at the street.
    expect(inbox.find((l) => l.id === 'rp_demo_jinsha_month')).toMatchObject({ kind: 'situation', readByMe: false })
    const view = await call<ReportView>('get', { id: 'rp_demo_xinhua_market' }, 'st_bingcaogang')
    expect(view.hops[0]).toMatchObject({ readByName: '炳草岗街道 陈静' })
    expect(view.comments).toEqual([expect.objectContaining({ orgName: '炳草岗街道', text: '做法实在，场地减免要跟进到位。' })])
    expect(view.goodBy).toMatchObject({ orgName: '炳草岗街道', note: expect.stringContaining('各社区可借鉴') })
  })

  it('the 好经验 is shared with every community, in another street and another district too', async () => {
    for (const staffId of ['st_changshou', 'st_sutie', 'st_jinsha']) {
      const good = await box(staffId, 'good')
      expect(good.map((l) => l.id)).toContain('rp_demo_xinhua_market')
      expect(good.every((l) => l.good)).toBe(true)
    }
    // 好经验 only: 金沙's unread 工作情况 is not shared.
    expect((await box('st_sutie', 'good')).map((l) => l.id)).not.toContain('rp_demo_jinsha_month')
  })

  it("东区's 认定报告 for the demo year is in the city's inbox, unread", async () => {
    const line = (await box('st_city', 'inbox')).find((l) => l.id === 'rp_demo_deast_cert')
    expect(line).toMatchObject({ kind: 'certification', fromOrgName: '东区', readByMe: false })
    const view = await call<ReportView>('get', { id: 'rp_demo_deast_cert' }, 'st_city')
    expect(view).toMatchObject({ year: 2026, fromLevel: 'district' })
    expect(view.hops).toEqual([expect.objectContaining({ orgName: '攀枝花市', sentByName: '东区创建办 李强' })])
    // A street does not see it.
    expect((await box('st_bingcaogang', 'inbox')).map((l) => l.id)).not.toContain('rp_demo_deast_cert')
  })

  it("the demo year's 表彰: the city's and 东区's lists, the 先进集体 and the 创业人员 with consent", async () => {
    const city = await call<HonorList>('honors', { year: 2026 }, 'st_city')
    expect(city.items.map((h) => `${h.byOrgName}/${h.kind}/${h.subjectName}`)).toEqual([
      '攀枝花市/worker/炳草岗街道 陈静',
      expect.stringMatching(/^东区\/entrepreneur\//),
      '东区/collective/新华社区',
      '东区/worker/新华社区 创业指导员',
    ])
    expect(city.items.find((h) => h.kind === 'entrepreneur')?.consent).toMatchObject({ recordedByName: '东区创建办 李强' })
    const east = await call<HonorList>('honors', { year: 2026 }, 'st_dongqu')
    expect(east.items).toHaveLength(4)
    // 西区 sees the city's list only, not 东区's.
    const west = await call<HonorList>('honors', { year: 2026 }, 'st_xiqu')
    expect(west.items.map((h) => h.byOrgName)).toEqual(['攀枝花市'])
  })
})
