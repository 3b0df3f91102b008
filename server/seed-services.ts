import { keptBy, type Org } from '../cloudfunctions/_shared/domain/org'
import type { Guide, Hotline, Mentor, OrgResource, Site, Story } from '../cloudfunctions/_shared/domain/service'
import type { Course, CourseSession } from '../cloudfunctions/_shared/domain/training'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { TxStore } from '../cloudfunctions/_shared/store/port'
import { demoId } from './seed-data'

const MIN = 60_000
const DAY = 24 * 60 * MIN
const policyId = (key: string) => demoId('pol', key)

/**
 * Demo training courses, mentors, sites, guides, stories and hotlines (issue 11), inside the
 * caller's transaction. 金沙社区's SYB class has its first two sessions open for check-in at
 * seeding time (the browser test attends both); nobody is enrolled and no case is touched.
 */
export async function seedDemoServices(tx: TxStore<Collections>, now: Date, orgs: readonly Org[]): Promise<void> {
  const at = now.toISOString()
  const org = (id: string) => {
    const o = orgs.find((x) => x._id === id)
    if (!o) throw new Error(`seed service names unknown org ${id}`)
    return o
  }
  const kept = (id: string, key: string, by: string): OrgResource => {
    return { _id: key, ...keptBy(org(id), by, at) }
  }
  // Sessions on whole ten minutes, as a timetable has them.
  const t0 = Math.floor(now.getTime() / (10 * MIN)) * 10 * MIN
  const session = (index: number, title: string, from: number, minutes: number): CourseSession => ({
    index,
    title,
    startAt: new Date(from).toISOString(),
    endAt: new Date(from + minutes * MIN).toISOString(),
  })
  const course = (id: string, code: string, over: Omit<Course, keyof OrgResource | 'code' | 'status' | 'enrolledCount' | 'completedCount'>): Course => ({
    ...kept(id, `co_${code}`, 'st_jinsha'),
    code,
    status: 'published',
    enrolledCount: 0,
    completedCount: 0,
    ...over,
  })
  const courses: Course[] = [
    course('c-jinsha', 'JinShaT1', {
      title: 'SYB 创业培训（金沙社区班）',
      kind: 'syb',
      description: '“创办你的企业”课程：评价自己是否适合创业、找准项目、评估市场、算清成本和利润。出勤满 2 节即可结业，结业后按规定享受培训补贴。',
      place: '金沙社区党群服务中心 3 楼培训室',
      provider: '东区就业训练中心',
      sessions: [
        session(0, '第一课 我适合创业吗', t0 - 60 * MIN, 150),
        session(1, '第二课 找到好的创业项目', t0 + 25 * MIN, 150),
        session(2, '第三课 评估市场和成本', t0 + DAY, 120),
      ],
      capacity: 30,
      requiredSessions: 2,
      subsidyAmount: 800,
      policyId: policyId('training-subsidy'),
      enrolUntil: new Date(t0 + DAY).toISOString(),
    }),
    course('d-east', 'EastIYB1', {
      title: 'IYB 改善你的企业（东区第 2 期）',
      kind: 'iyb',
      description: '给已经开业的小老板：怎样管好账、做营销、控制成本，让生意稳下来。',
      place: '东区人力资源市场 5 楼',
      provider: '东区就业训练中心',
      sessions: [session(0, '营销与顾客', t0 + 7 * DAY, 180), session(1, '成本与记账', t0 + 8 * DAY, 180), session(2, '员工与管理', t0 + 9 * DAY, 180)],
      capacity: 40,
      requiredSessions: 3,
      subsidyAmount: 600,
      policyId: policyId('training-subsidy'),
      enrolUntil: new Date(t0 + 6 * DAY).toISOString(),
    }),
    course('city', 'CityChef', {
      title: '中式面点师技能培训',
      kind: 'skills',
      description: '包子、馒头、花卷等面点的制作，结业可参加初级工鉴定。适合想开早餐店的朋友。',
      place: '攀枝花市技师学院烹饪实训楼',
      provider: '攀枝花市技师学院',
      sessions: [session(0, '和面与发酵', t0 + 3 * DAY, 240), session(1, '包子与花卷', t0 + 4 * DAY, 240)],
      capacity: 25,
      requiredSessions: 2,
      subsidyAmount: 0,
      policyId: null,
      enrolUntil: new Date(t0 + 2 * DAY).toISOString(),
    }),
  ]
  for (const c of courses) await tx.collection('courses').insert(c)

  const mentors: Mentor[] = [
    { ...kept('d-east', 'mtr_demo_liu', 'st_dongqu'), name: '刘建国', field: 'entrepreneur', specialty: '餐饮门店经营、选址', organisation: '建国餐饮连锁（创业成功人士）', phone: '13808121001', availability: '每周三下午', active: true },
    { ...kept('d-east', 'mtr_demo_chen', 'st_dongqu'), name: '陈晓燕', field: 'finance', specialty: '创业担保贷款、记账报税', organisation: '攀枝花农商银行东区支行', phone: '13808121002', availability: '工作日上午', active: true },
    { ...kept('city', 'mtr_demo_he', 'st_admin'), name: '何志明', field: 'official', specialty: '个体工商户登记、证照办理', organisation: '市市场监督管理局', phone: '13808121003', availability: '每月第一个周五', active: true },
    { ...kept('c-jinsha', 'mtr_demo_wang', 'st_jinsha'), name: '王丽', field: 'expert', specialty: '电商直播、农产品网店', organisation: '金沙电商服务站', phone: '13808121004', availability: '周末全天', active: true },
  ]
  for (const m of mentors) await tx.collection('mentors').insert(m)

  const sites: Site[] = [
    { ...kept('c-jinsha', 'site_demo_jinsha', 'st_jinsha'), name: '金沙社区创业孵化工位', kind: 'incubator', address: '炳草岗街道金沙社区党群服务中心 2 楼', capacity: 12, vacancies: 3, conditions: '已登记创业意向的金沙社区居民，工位免租 2 年，水电网自理。', industries: [], contactName: '张主任', contactPhone: '0812-2221234', active: true },
    { ...kept('d-east', 'site_demo_park', 'st_dongqu'), name: '东区返乡创业园', kind: 'park', address: '东区炳草岗大道 168 号', capacity: 60, vacancies: 8, conditions: '返乡人员、高校毕业生创办的小微企业，前 3 年租金减半。', industries: ['catering', 'retail', 'services', 'manufacturing'], contactName: '李经理', contactPhone: '0812-3335566', active: true },
    { ...kept('city', 'site_demo_ecom', 'st_admin'), name: '攀枝花市电商孵化基地', kind: 'incubator', address: '仁和区迤资路 9 号', capacity: 40, vacancies: 5, conditions: '电商、直播带货项目，提供免费直播间和培训。', industries: ['ecommerce', 'agriculture'], contactName: '吴老师', contactPhone: '0812-6668899', active: true },
    { ...kept('d-east', 'site_demo_shop', 'st_dongqu'), name: '大渡口低租金门面', kind: 'low_rent', address: '大渡口街道长寿路 21–35 号', capacity: 10, vacancies: 0, conditions: '每月租金 300 元，限首次创业。', industries: ['retail', 'catering'], contactName: '赵主任', contactPhone: '0812-3337788', active: true },
  ]
  for (const s of sites) await tx.collection('sites').insert(s)

  const guides: Guide[] = [
    {
      ...kept('city', 'gd_demo_licence', 'st_admin'),
      title: '个体工商户登记指南',
      topic: 'licence',
      summary: '开小店、摆固定摊位前先办营业执照，不收费，材料齐全当场办结。',
      steps: [
        { title: '想好字号和经营范围', detail: '名称可以不起字号；经营范围按实际要做的写，如“早餐、面点零售”。' },
        { title: '准备经营场所证明', detail: '租房的带租赁合同，自有房屋带房产证复印件。' },
        { title: '网上或窗口提交', detail: '微信搜“四川政务服务”小程序提交，或带材料到区政务服务中心市场监管窗口。' },
        { title: '领取营业执照', detail: '审核通过后当场或 1 个工作日内领取，也可选择邮寄。' },
      ],
      materials: ['经营者身份证', '经营场所证明（租赁合同或房产证）', '一寸照片 1 张（网上办理不需要）'],
      where: '东区政务服务中心 2 楼市场监管窗口（工作日 9:00–17:00）',
      duration: '材料齐全当场办结',
      policyIds: [policyId('fee-waiver'), policyId('tax-relief'), policyId('startup-subsidy')],
      published: true,
    },
    {
      ...kept('d-east', 'gd_demo_loan', 'st_dongqu'),
      title: '创业担保贷款申请指南',
      topic: 'loan',
      summary: '个人最高 30 万元，小微企业最高 400 万元，符合条件的由财政贴息。',
      steps: [
        { title: '社区初审', detail: '带材料到社区创业服务站，指导员帮你填申请表。' },
        { title: '街道和人社部门审核', detail: '审核资格和项目，一般 5 个工作日。' },
        { title: '担保机构和银行调查', detail: '银行上门了解经营情况，签订借款和担保合同。' },
        { title: '放款和贴息', detail: '按期还款，贴息由财政直接拨付给银行。' },
      ],
      // The same list as the policy (创业担保贷款及财政贴息): a test keeps the two in step.
      materials: ['身份证及户口簿', '营业执照', '创业项目计划书（社区可帮你写）', '担保或反担保材料', '婚姻状况证明', '近 6 个月银行流水', '土地流转合同或养殖场地证明（农民创业贷款另需）'],
      where: '东区就业服务中心 1 楼 3 号窗口',
      duration: '约 15 个工作日',
      policyIds: [policyId('guaranteed-loan'), policyId('farmer-loan')],
      published: true,
    },
    {
      ...kept('d-east', 'gd_demo_subsidy', 'st_dongqu'),
      title: '创业补贴和培训补贴申领指南',
      topic: 'subsidy',
      summary: '一次性创业补贴、培训补贴、场租补贴怎么领：先到社区登记，材料一次交齐。',
      steps: [
        { title: '确认符合条件', detail: '对照政策看自己属于哪类人群、开业是否满 6 个月。' },
        { title: '社区受理', detail: '社区创业指导员核对材料，录入帮扶台帐。' },
        { title: '审核公示', detail: '街道、区人社局审核后公示 5 个工作日。' },
        { title: '补贴到账', detail: '补贴直接打到你登记的本人银行账户。' },
      ],
      // Exactly what the three policies ask for, each marked with the subsidy that needs it: a test keeps them in step.
      materials: ['身份证', '营业执照副本（创业补贴）', '营业执照（场租补贴）', '经营场所租赁合同或产权证明（创业补贴）', '租赁合同（场租补贴）', '租金支付凭证（场租补贴）', '近 6 个月经营情况说明（创业补贴）', '银行账户信息（补贴打到这个账户）', '一寸照片 2 张（培训补贴）'],
      where: '所在社区创业服务站',
      duration: '约 30 个工作日',
      policyIds: [policyId('startup-subsidy'), policyId('training-subsidy'), policyId('rent-subsidy')],
      published: true,
    },
  ]
  for (const g of guides) await tx.collection('guides').insert(g)

  const consent = (date: string) => ({ how: '本人签署书面同意书', at: date, recordedByName: '金沙社区创业指导员' })
  const stories: Story[] = [
    {
      ...kept('c-jinsha', 'sty_demo_breakfast', 'st_jinsha'),
      title: '从推车到门店：张姐的早餐店',
      person: '张女士',
      business: '幸福早餐店',
      summary: '返乡后参加 SYB 培训、贷到 10 万元担保贷款，如今带动 3 位邻居就业。',
      body: '张女士在外打工十年，2024 年返乡后想在家门口做点事。社区创业指导员上门一对一帮她梳理了想法，推荐她参加 SYB 创业培训。结业后，社区帮她申请了 10 万元创业担保贷款，又在创业孵化工位落了脚。如今“幸福早餐店”每天卖出六百多个包子，还请了三位邻居帮忙。',
      policyIds: [policyId('guaranteed-loan'), policyId('training-subsidy')],
      helpUsed: ['一对一指导', 'SYB 创业培训', '创业担保贷款'],
      consent: consent('2026-01-10'),
      publishedAt: new Date(now.getTime() - 3 * DAY).toISOString(),
    },
    {
      ...kept('d-east', 'sty_demo_livestream', 'st_dongqu'),
      title: '大学毕业回乡直播卖芒果',
      person: '小李',
      business: '果园直播间',
      summary: '入驻电商孵化基地，第一年网上卖出 8 万斤芒果。',
      body: '小李大学毕业后回到家乡，在电商孵化基地免费用上了直播间。创业导师王丽手把手教她选品、拍短视频，第一年网上卖出芒果 8 万斤，还领到了一次性创业补贴。',
      policyIds: [policyId('startup-subsidy')],
      helpUsed: ['导师辅导', '入驻孵化基地', '一次性创业补贴'],
      consent: consent('2026-02-18'),
      publishedAt: new Date(now.getTime() - 10 * DAY).toISOString(),
    },
  ]
  for (const s of stories) await tx.collection('stories').insert(s)

  const hotline = (id: string, phone: string, hours: string, address: string): Hotline => {
    const o = org(id)
    return { _id: o._id, orgId: o._id, orgPath: o.path, orgName: o.name, phone, hours, address, updatedAt: at }
  }
  for (const h of [
    hotline('city', '0812-12333', '工作日 8:30–12:00，14:30–18:00', '攀枝花市人力资源和社会保障局'),
    hotline('d-east', '0812-3335123', '工作日 9:00–17:00', '东区就业服务中心 1 楼'),
    hotline('c-jinsha', '0812-2221234', '工作日 8:30–17:30，周六上午', '金沙社区党群服务中心 1 楼'),
  ]) {
    await tx.collection('hotlines').insert(h)
  }
}
