/**
 * Demo 简报 and 表彰 (issue 21 items 6–7), so the pages are not empty: a community's 简报 its
 * street read and marked 好经验, one still unread at the street, a street's 工作情况 read by its
 * district, the district's 认定报告 to the city; and the demo year's 表彰 of the city and 东区.
 */
import type { Honor, Report, ReportHop } from '../cloudfunctions/_shared/domain/report'
import { shanghaiDate } from '../cloudfunctions/_shared/domain/time'
import type { Case } from '../cloudfunctions/_shared/domain/case'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { type Store, where } from '../cloudfunctions/_shared/store/port'
import { DEMO_ACCOUNTS, DEMO_ORGS } from './seed-data'

const org = (id: string) => {
  const o = DEMO_ORGS.find((x) => x._id === id)
  if (!o) throw new Error(`seed-reports: unknown org ${id}`)
  return o
}
const staff = (username: string) => {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username)
  if (!a) throw new Error(`seed-reports: unknown account ${username}`)
  return { id: `st_${username}`, name: a.name }
}

export async function seedDemoReports(store: Store<Collections>, now: Date): Promise<void> {
  const ago = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString()
  const hop = (to: string, by: string, fromOrg: string, at: string, readBy: string | null, readAt: string | null): ReportHop => {
    const s = staff(by)
    const r = readBy ? staff(readBy) : null
    return { orgId: to, orgName: org(to).name, sentById: s.id, sentByName: s.name, sentByOrgName: org(fromOrg).name, sentAt: at, readAt, readById: r?.id ?? null, readByName: r?.name ?? null }
  }
  const report = (id: string, kind: Report['kind'], from: string, author: string, title: string, body: string, hops: ReportHop[], extra: Partial<Report> = {}): Report => {
    const o = org(from)
    const a = staff(author)
    return {
      _id: id,
      kind,
      title,
      body,
      photos: [],
      year: null,
      fromOrgId: o._id,
      fromOrgName: o.name,
      fromLevel: o.level,
      fromOrgPath: o.path,
      authorId: a.id,
      authorName: a.name,
      createdAt: hops[0].sentAt,
      hops,
      toOrgIds: hops.map((h) => h.orgId),
      unreadOrgIds: hops.filter((h) => !h.readAt).map((h) => h.orgId),
      comments: [],
      good: false,
      goodBy: null,
      updatedAt: hops[hops.length - 1].sentAt,
      version: 1,
      ...extra,
    }
  }
  const year = Number(shanghaiDate(now).slice(0, 4))
  const reports: Report[] = [
    report(
      'rp_demo_xinhua_market',
      'brief',
      'c-xinhua',
      'xinhua',
      '新华社区“创业夜市”带动 20 人就业',
      '本月社区在广场开设创业夜市，12 户创业者入驻，其中失业人员 5 人、返乡农民工 4 人。社区一对一指导办理证照，协调免收场地费三个月，带动就业 20 人。下一步将夜市与创业培训结合，每周组织一次经营交流。',
      [hop('s-bcg', 'xinhua', 'c-xinhua', ago(72), 'bingcaogang', ago(70))],
      {
        comments: [{ id: 'rc_demo_1', orgId: 's-bcg', orgName: '炳草岗街道', byId: 'st_bingcaogang', byName: staff('bingcaogang').name, text: '做法实在，场地减免要跟进到位。', at: ago(69) }],
        good: true,
        goodBy: { orgName: '炳草岗街道', byName: staff('bingcaogang').name, at: ago(68), note: '场地+指导+培训一起抓，各社区可借鉴' },
        updatedAt: ago(68),
      },
    ),
    report(
      'rp_demo_jinsha_month',
      'situation',
      'c-jinsha',
      'jinsha',
      '金沙社区本月创业帮扶工作情况',
      '本月新登记创业意向 6 人，完成一对一指导 5 人，推荐创业担保贷款 2 笔。仍有 1 人等待场地，已联系街道孵化基地。',
      [hop('s-bcg', 'jinsha', 'c-jinsha', ago(5), null, null)],
    ),
    report(
      'rp_demo_bcg_quarter',
      'situation',
      's-bcg',
      'bingcaogang',
      '炳草岗街道第三季度创建工作情况',
      '街道各社区本季度共登记创业意向 31 人，指导 27 人，落实各类创业扶持政策 18 人次。新华社区创业夜市的做法已在街道推广。',
      [hop('d-east', 'bingcaogang', 's-bcg', ago(48), 'dongqu', ago(30))],
    ),
    report(
      'rp_demo_deast_cert',
      'certification',
      'd-east',
      'dongqu',
      `东区 ${year} 年创业型社区评审认定情况`,
      `东区创建办对照创建标准，对 ${year} 年申报的社区进行了审查认定，认定结果和评审意见见评估申报。现将评审认定情况书面报市创建办。`,
      [hop('city', 'dongqu', 'd-east', ago(24), null, null)],
      { year },
    ),
  ]
  for (const r of reports) await store.collection('reports').insert(r)

  const at = ago(12)
  const cases = await store.collection('cases').find({ where: where.eq<Case>('communityId', 'c-xinhua'), limit: 1 })
  const honor = (id: string, by: string, kind: Honor['kind'], subjectId: string, subjectName: string, subjectOrgName: string, citation: string, extra: Partial<Honor> = {}): Honor => ({
    _id: id,
    year,
    kind,
    byOrgId: by,
    byOrgName: org(by).name,
    byOrgPath: org(by).path,
    subjectId,
    subjectName,
    subjectOrgName,
    citation,
    consent: null,
    storyId: null,
    awardId: null,
    createdAt: at,
    createdByName: by === 'city' ? staff('city').name : staff('dongqu').name,
    updatedAt: at,
    version: 1,
    ...extra,
  })
  const honors: Honor[] = [
    honor('hn_demo_worker_city', 'city', 'worker', 'st_bingcaogang', staff('bingcaogang').name, '炳草岗街道', '组织街道各社区推广创业夜市做法，全年初评社区申报材料零差错。'),
    honor('hn_demo_collective_xinhua', 'd-east', 'collective', 'c-xinhua', '新华社区', '新华社区', '创业帮扶台帐完整，创业夜市带动就业 20 人，帮扶做法在全区推广。', {
      awardId: (await store.collection('evaluations').get(`c-xinhua:${year}`))?.award ? `c-xinhua:${year}` : null,
    }),
    honor('hn_demo_worker_xinhua', 'd-east', 'worker', 'st_xinhua', staff('xinhua').name, '新华社区', '全年一对一指导创业者 40 余人次，帮助 6 人办成创业担保贷款。'),
  ]
  const c = cases.items[0]
  if (c) {
    honors.push(
      honor('hn_demo_person_xinhua', 'd-east', 'entrepreneur', c._id, c.name, c.communityName, '从夜市摊位起步，一年内开出门店，吸纳 3 名失业人员就业。', {
        consent: { how: '本人电话确认同意展示', at, recordedByName: staff('dongqu').name },
      }),
    )
  }
  for (const h of honors) await store.collection('honors').insert(h)
}
