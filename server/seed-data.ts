import { keptBy, type Org, type OrgResource } from '../cloudfunctions/_shared/domain/org'
import type { Policy } from '../cloudfunctions/_shared/domain/policy'
import type { StaffRole } from '../cloudfunctions/_shared/domain/roles'

/** Demo org tree: one city, two districts, three streets, six communities. */
export const DEMO_ORGS: Org[] = [
  { _id: 'city', name: '攀枝花市', level: 'city', parentId: null, path: ['city'] },
  { _id: 'd-east', name: '东区', level: 'district', parentId: 'city', path: ['city', 'd-east'] },
  { _id: 'd-west', name: '西区', level: 'district', parentId: 'city', path: ['city', 'd-west'] },
  { _id: 's-bcg', name: '炳草岗街道', level: 'street', parentId: 'd-east', path: ['city', 'd-east', 's-bcg'] },
  { _id: 's-ddk', name: '大渡口街道', level: 'street', parentId: 'd-east', path: ['city', 'd-east', 's-ddk'] },
  { _id: 's-qxp', name: '清香坪街道', level: 'street', parentId: 'd-west', path: ['city', 'd-west', 's-qxp'] },
  { _id: 'c-jinsha', name: '金沙社区', level: 'community', parentId: 's-bcg', path: ['city', 'd-east', 's-bcg', 'c-jinsha'] },
  { _id: 'c-xinhua', name: '新华社区', level: 'community', parentId: 's-bcg', path: ['city', 'd-east', 's-bcg', 'c-xinhua'] },
  { _id: 'c-changshou', name: '长寿路社区', level: 'community', parentId: 's-ddk', path: ['city', 'd-east', 's-ddk', 'c-changshou'] },
  { _id: 'c-wushisi', name: '五十四社区', level: 'community', parentId: 's-ddk', path: ['city', 'd-east', 's-ddk', 'c-wushisi'] },
  { _id: 'c-sutie', name: '苏铁社区', level: 'community', parentId: 's-qxp', path: ['city', 'd-west', 's-qxp', 'c-sutie'] },
  { _id: 'c-yuquan', name: '玉泉社区', level: 'community', parentId: 's-qxp', path: ['city', 'd-west', 's-qxp', 'c-yuquan'] },
]

/** A demo record's id: `<prefix>_demo_<key>`, the key's other characters made `_` (`pol_demo_fee_waiver`). */
export const demoId = (prefix: string, key: string): string => `${prefix}_demo_${key.replace(/[^A-Za-z0-9]/g, '_')}`

/**
 * Demo items kept by an org, in list order, as records of their org (which must exist) made by the
 * admin: `kept` (id `<prefix>_demo_<key>`, owner, times, version 1) and the item's own `fields`.
 * Each is made an hour after the one before, the last an hour before `now`: lists sorted by time
 * get a stable, meaningful order.
 */
export function keptDemoItems<T extends { key: string; orgId: string }>(
  what: string,
  prefix: string,
  items: readonly T[],
  now: Date,
): { kept: OrgResource; fields: Omit<T, 'key'>; stamp: string }[] {
  return items.map(({ key, ...fields }, i) => {
    const org = DEMO_ORGS.find((o) => o._id === fields.orgId)
    if (!org) throw new Error(`seed ${what} ${key} names unknown org ${fields.orgId}`)
    const stamp = new Date(now.getTime() - (items.length - i) * 3600_000).toISOString()
    return { kept: { _id: demoId(prefix, key), ...keptBy(org, 'st_admin', stamp) }, fields, stamp }
  })
}

/** The demo password every seeded staff account starts with (local runtime only). */
export const DEMO_PASSWORD = 'Demo#2026'

export interface DemoAccount {
  username: string
  name: string
  role: StaffRole
  orgId: string
}

const COMMUNITIES: [string, string, string][] = [
  ['c-jinsha', 'jinsha', '金沙社区'],
  ['c-xinhua', 'xinhua', '新华社区'],
  ['c-changshou', 'changshou', '长寿路社区'],
  ['c-wushisi', 'wushisi', '五十四社区'],
  ['c-sutie', 'sutie', '苏铁社区'],
  ['c-yuquan', 'yuquan', '玉泉社区'],
]

/** Staff accounts for every level and every community. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', name: '系统管理员', role: 'admin', orgId: 'city' },
  { username: 'city', name: '市创建办 王芳', role: 'city_officer', orgId: 'city' },
  { username: 'dongqu', name: '东区创建办 李强', role: 'district_officer', orgId: 'd-east' },
  { username: 'xiqu', name: '西区创建办 赵敏', role: 'district_officer', orgId: 'd-west' },
  { username: 'bingcaogang', name: '炳草岗街道 陈静', role: 'street_reviewer', orgId: 's-bcg' },
  { username: 'dadukou', name: '大渡口街道 刘洋', role: 'street_reviewer', orgId: 's-ddk' },
  { username: 'qingxiangping', name: '清香坪街道 杨帆', role: 'street_reviewer', orgId: 's-qxp' },
  ...COMMUNITIES.flatMap(([orgId, key, name]): DemoAccount[] => [
    { username: key, name: `${name} 创业指导员`, role: 'community_staff', orgId },
    { username: `${key}-lead`, name: `${name} 负责人`, role: 'community_lead', orgId },
  ]),
]

/** A demo policy: the stored policy's own fields, its key in the demo data and a status of the two seeded. */
export interface DemoPolicy
  extends Pick<
    Policy,
    'orgId' | 'title' | 'category' | 'summary' | 'benefit' | 'targetGroups' | 'eligibility' | 'materials' | 'process' | 'contact' | 'capFen' | 'validFrom' | 'validTo'
  > {
  key: string
  status: 'published' | 'draft'
}

const RSJ = { department: '市人力资源和社会保障局 就业促进科', phone: '0812-3335123', address: '攀枝花市东区炳草岗大街 56 号 市民服务中心 3 楼' }
const EAST = { department: '东区就业服务中心', phone: '0812-2226688', address: '东区人民街 12 号 东区政务服务大厅 2 号窗口' }

export const DEMO_POLICIES: DemoPolicy[] = [
  {
    key: 'startup-subsidy',
    capFen: 700000,
    orgId: 'city',
    title: '首次创业一次性创业补贴',
    category: 'startup_subsidy',
    summary: '首次创办小微企业或从事个体经营、正常经营满 6 个月的，可申请一次性创业补贴。',
    benefit: '每户一次性补贴 5000 元；带动 3 人以上就业的，再补 2000 元',
    targetGroups: ['graduate', 'returning_migrant', 'unemployed', 'veteran', 'disabled'],
    eligibility: [
      '在本市首次创办小微企业或个体工商户，并担任法定代表人或负责人',
      '取得营业执照并正常经营 6 个月以上',
      '按规定为招用人员缴纳社会保险（个体户本人除外）',
      '此前未领取过一次性创业补贴',
    ],
    materials: ['身份证', '营业执照副本', '经营场所租赁合同或产权证明', '银行账户信息', '近 6 个月经营情况说明'],
    process: ['向所在社区创业指导员咨询并提交材料', '街道初审（5 个工作日）', '区就业服务中心复核并公示 5 天', '补贴发放到本人银行账户'],
    contact: RSJ,
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    status: 'published',
  },
  {
    key: 'guaranteed-loan',
    capFen: 30000000,
    orgId: 'city',
    title: '创业担保贷款及财政贴息',
    category: 'guaranteed_loan',
    summary: '自主创业缺少资金的，可申请创业担保贷款，政府按规定给予贴息。',
    benefit: '个人最高 30 万元，合伙创业最高 110 万元，期限最长 3 年，财政全额贴息',
    targetGroups: ['graduate', 'returning_migrant', 'unemployed', 'veteran', 'disabled', 'farmer'],
    eligibility: ['在本市创业并已办理营业执照', '本人及配偶无不良信用记录', '除住房贷款外无其他商业贷款余额'],
    materials: ['身份证及户口簿', '营业执照', '创业项目计划书', '担保或反担保材料', '婚姻状况证明', '近 6 个月银行流水'],
    process: ['社区受理并推荐', '担保机构调查审核', '经办银行审批放款', '按季申请贴息'],
    contact: { department: '市创业担保贷款服务中心', phone: '0812-3337789', address: '攀枝花市东区炳草岗大街 56 号 市民服务中心 1 楼' },
    validFrom: '2025-01-01',
    validTo: null,
    status: 'published',
  },
  {
    key: 'tax-relief',
    capFen: 2000000,
    orgId: 'city',
    title: '重点群体创业税收扣减',
    category: 'tax_relief',
    summary: '重点群体从事个体经营的，3 年内按每户每年限额依次扣减增值税、城市维护建设税、个人所得税等。',
    benefit: '每户每年最高扣减 20000 元，期限 3 年',
    targetGroups: ['graduate', 'unemployed', 'returning_migrant', 'veteran'],
    eligibility: ['持《就业创业证》或毕业年度内高校毕业生', '从事个体经营并办理税务登记'],
    materials: ['身份证', '《就业创业证》或毕业证书', '营业执照'],
    process: ['在电子税务局或办税服务厅备案', '申报纳税时直接享受扣减'],
    contact: { department: '国家税务总局攀枝花市税务局 纳税服务科', phone: '12366', address: '各区办税服务厅' },
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    status: 'published',
  },
  {
    key: 'fee-waiver',
    orgId: 'city',
    title: '创业登记行政事业性收费减免',
    category: 'fee_waiver',
    summary: '登记注册、证照办理等环节的行政事业性收费，符合条件的 3 年内免收。',
    benefit: '管理类、登记类和证照类行政事业性收费全部免收，期限 3 年',
    targetGroups: ['graduate', 'unemployed', 'returning_migrant', 'disabled', 'veteran'],
    eligibility: ['首次从事个体经营或创办小微企业', '属于重点扶持人群'],
    materials: ['身份证', '人群身份证明（如毕业证、就业创业证）'],
    process: ['办理登记时在窗口出示证明', '窗口当场减免'],
    contact: { department: '市政务服务中心 市场准入窗口', phone: '0812-3336012', address: '攀枝花市东区炳草岗大街 56 号 市民服务中心 2 楼' },
    validFrom: '2025-01-01',
    validTo: null,
    status: 'published',
  },
  {
    key: 'rent-subsidy',
    capFen: 600000,
    orgId: 'd-east',
    title: '东区创业场租补贴',
    category: 'rent_subsidy',
    summary: '在东区租用经营场地创业的，按实际租金给予补贴，减轻起步阶段的房租压力。',
    benefit: '按实际租金的 50% 补贴，每年最高 6000 元，最长 2 年',
    targetGroups: ['graduate', 'returning_migrant', 'unemployed'],
    eligibility: ['在东区注册并租用经营场地', '正常经营 3 个月以上', '未享受政府提供的免费场地'],
    materials: ['身份证', '营业执照', '租赁合同', '租金支付凭证'],
    process: ['社区受理', '街道核实场地', '东区就业服务中心审核发放'],
    contact: EAST,
    validFrom: '2026-01-01',
    validTo: '2027-12-31',
    status: 'published',
  },
  {
    key: 'social-insurance',
    orgId: 'city',
    title: '灵活就业和个体经营社保补贴',
    category: 'social_insurance_subsidy',
    summary: '就业困难人员、离校未就业高校毕业生从事个体经营或灵活就业并缴纳社保的，给予社保补贴。',
    benefit: '按实际缴纳基本养老、医疗保险费的 2/3 补贴，最长 3 年',
    targetGroups: ['unemployed', 'graduate', 'disabled'],
    eligibility: ['属于就业困难人员或离校 2 年内未就业的高校毕业生', '以个人身份缴纳社会保险'],
    materials: ['身份证', '《就业创业证》', '社保缴费凭证', '银行账户信息'],
    process: ['每半年向社区提出申请', '区就业服务中心审核', '补贴发放到本人账户'],
    contact: RSJ,
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    status: 'published',
  },
  {
    key: 'job-subsidy',
    capFen: 360000,
    orgId: 'city',
    title: '小微企业吸纳就业岗位补贴',
    category: 'job_subsidy',
    summary: '创业实体招用就业困难人员、高校毕业生并签订 1 年以上劳动合同的，按人给予岗位补贴。',
    benefit: '每招用 1 人，每月补贴 300 元，最长 12 个月',
    targetGroups: ['graduate', 'unemployed', 'returning_migrant', 'veteran', 'disabled'],
    eligibility: ['创业实体在本市注册', '与招用人员签订 1 年以上劳动合同并缴纳社保'],
    materials: ['营业执照', '劳动合同', '社保缴费明细', '招用人员身份证'],
    process: ['按季度向区就业服务中心申请', '审核公示', '补贴拨付到企业账户'],
    contact: RSJ,
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    status: 'published',
  },
  {
    key: 'training-subsidy',
    orgId: 'city',
    title: '创业培训(SYB)补贴',
    category: 'training_subsidy',
    summary: '有创业意愿的人员参加“创办你的企业(SYB)”等创业培训，培训费由政府补贴，学完可享后续跟踪指导。',
    benefit: '培训免费；取得合格证书后按每人 1000 元标准补贴培训机构',
    targetGroups: ['graduate', 'returning_migrant', 'unemployed', 'farmer', 'veteran', 'disabled', 'newcomer'],
    eligibility: ['有创业意愿和一定创业条件', '法定劳动年龄内', '同一类培训只补贴一次'],
    materials: ['身份证', '一寸照片 2 张'],
    process: ['向社区报名', '参加 10 天左右的集中培训', '考核合格取得证书', '培训后 1 年内跟踪指导'],
    contact: RSJ,
    validFrom: '2025-01-01',
    validTo: null,
    status: 'published',
  },
  {
    key: 'incubator',
    orgId: 'city',
    title: '创业孵化基地免费入驻',
    category: 'incubation',
    summary: '返乡创业园、大学生创业园为初创项目提供免费场地、水电补贴和一站式代办服务。',
    benefit: '入驻 2 年内免收场地租金，并提供工商、税务代办和创业导师辅导',
    targetGroups: ['graduate', 'returning_migrant', 'tech_staff', 'newcomer'],
    eligibility: ['创业项目符合园区产业方向', '注册成立不超过 3 年', '通过入园评审'],
    materials: ['入驻申请表', '创业计划书', '身份证', '营业执照（已注册的）'],
    process: ['提交入驻申请', '园区组织专家评审', '签订入驻协议', '入驻并接受孵化服务'],
    contact: { department: '攀枝花市返乡创业园管理办公室', phone: '0812-3318866', address: '攀枝花市仁和区返乡创业园综合楼 1 楼' },
    validFrom: '2025-06-01',
    validTo: null,
    status: 'published',
  },
  {
    key: 'farmer-loan',
    capFen: 20000000,
    orgId: 'city',
    title: '农民规模种养创业贷款贴息',
    category: 'guaranteed_loan',
    summary: '农民从事规模种植、养殖和农产品加工流通创业的，贷款可享受财政贴息。',
    benefit: '贷款最高 20 万元，按贷款市场报价利率的 50% 贴息，最长 2 年',
    targetGroups: ['farmer', 'returning_migrant'],
    eligibility: ['本市农村户籍', '从事种植、养殖、农产品加工或流通', '项目经乡镇(街道)推荐'],
    materials: ['身份证及户口簿', '土地流转合同或养殖场地证明', '创业项目计划书'],
    process: ['向村(社区)申请', '乡镇(街道)推荐', '农业农村部门审核', '银行放款并按季贴息'],
    contact: { department: '市农业农村局 产业发展科', phone: '0812-3325566', address: '攀枝花市东区机场路 18 号' },
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    status: 'published',
  },
  {
    key: 'tech-staff',
    capFen: 10000000,
    orgId: 'city',
    title: '科技人员兼职创业与成果转化支持',
    category: 'incubation',
    summary: '鼓励科技人员在完成本职工作的同时兼职创业、参与成果转化，技术可作为生产要素参与分配。',
    benefit: '入驻科技企业孵化器免租 3 年，成果转化项目最高资助 10 万元',
    targetGroups: ['tech_staff'],
    eligibility: ['在本市单位从事科研、技术工作', '所在单位同意兼职创业', '项目具有技术含量和转化前景'],
    materials: ['单位同意书', '项目申报书', '技术成果证明（专利、鉴定等）'],
    process: ['向市科技部门申报', '专家评审', '签订资助协议'],
    contact: { department: '市科学技术局 成果转化科', phone: '0812-3339900', address: '攀枝花市东区三线大道 1 号' },
    validFrom: '2025-03-01',
    validTo: null,
    status: 'published',
  },
  {
    key: 'newcomer',
    capFen: 300000,
    orgId: 'd-west',
    title: '西区外来创业人员同等享受政策',
    category: 'startup_subsidy',
    summary: '外地来西区创业的人员，与本地户籍人员同等享受创业补贴、担保贷款和培训政策。',
    benefit: '与本地人员同等享受各项创业扶持，另给予 3000 元安家创业补贴',
    targetGroups: ['newcomer'],
    eligibility: ['在西区办理营业执照并正常经营 6 个月以上', '在西区连续缴纳社保 6 个月以上'],
    materials: ['身份证', '居住证', '营业执照', '社保缴费证明'],
    process: ['向所在社区申请', '西区就业服务中心审核', '公示后发放'],
    contact: { department: '西区就业服务中心', phone: '0812-5553210', address: '西区苏铁中路 8 号 西区政务服务中心' },
    validFrom: '2026-01-01',
    validTo: '2027-06-30',
    status: 'published',
  },
  {
    key: 'jinsha-site',
    orgId: 'c-jinsha',
    title: '金沙社区创业工位免费申请',
    category: 'incubation',
    summary: '社区党群服务中心开设创业工位，为刚起步的居民提供免费办公桌、网络和打印设备。',
    benefit: '免费使用工位 6 个月，可预约洽谈室',
    targetGroups: ['graduate', 'unemployed', 'returning_migrant', 'disabled'],
    eligibility: ['金沙社区居民', '已登记创业意向'],
    materials: ['身份证', '创业意向登记表'],
    process: ['到社区服务站登记', '指导员面谈', '安排工位'],
    contact: { department: '金沙社区服务站', phone: '0812-2221234', address: '炳草岗街道金沙社区党群服务中心 1 楼' },
    validFrom: '2026-03-01',
    validTo: '2026-12-31',
    status: 'published',
  },
  {
    key: 'veteran',
    capFen: 800000,
    orgId: 'city',
    title: '退役军人创业扶持',
    category: 'startup_subsidy',
    summary: '自主就业退役军人创业的，优先提供创业场地、担保贷款和创业培训。',
    benefit: '一次性创业补贴 8000 元，优先入驻孵化基地',
    targetGroups: ['veteran'],
    eligibility: ['自主就业退役军人', '退役后首次创业并取得营业执照'],
    materials: ['身份证', '退役证', '营业执照'],
    process: ['向区退役军人事务局申请', '审核公示', '补贴发放'],
    contact: { department: '市退役军人事务局 就业创业科', phone: '0812-3312211', address: '攀枝花市东区人民街 88 号' },
    validFrom: '2024-01-01',
    validTo: '2025-12-31',
    status: 'published',
  },
  {
    key: 'draft-women',
    capFen: 10000000,
    orgId: 'd-east',
    title: '东区巾帼创业小额贷款（征求意见稿）',
    category: 'guaranteed_loan',
    summary: '面向东区女性创业者的小额贷款，正在征求意见。',
    benefit: '最高 10 万元，财政贴息 2 年',
    targetGroups: ['unemployed', 'returning_migrant'],
    eligibility: ['东区户籍或常住女性', '有明确创业项目'],
    materials: ['身份证', '项目计划书'],
    process: ['社区推荐', '区妇联审核', '银行放款'],
    contact: EAST,
    validFrom: '2027-01-01',
    validTo: '2028-12-31',
    status: 'draft',
  },
]

/**
 * Demo satisfaction surveys (issue 4), dated relative to the seeding day: 金沙社区's environment
 * survey of the current quarter, open with no answers yet, and the same survey of the previous
 * quarter, closed with `answers` generated answers so results and the quarter-on-quarter
 * comparison have something to show.
 */
export interface DemoSurvey {
  key: string
  orgId: string
  template: 'environment' | 'service' | 'event'
  /** 0 = the quarter of the seeding day, -1 = the one before. */
  quarterOffset: 0 | -1
  status: 'published' | 'closed'
  answers: number
}

export const DEMO_SURVEYS: DemoSurvey[] = [
  { key: 'jinsha-env-now', orgId: 'c-jinsha', template: 'environment', quarterOffset: 0, status: 'published', answers: 0 },
  { key: 'jinsha-env-prev', orgId: 'c-jinsha', template: 'environment', quarterOffset: -1, status: 'closed', answers: 36 },
]

/**
 * Demo promotion events (issue 5) for 金沙社区, timed relative to the seeding moment: one
 * upcoming and open for sign-up, one on today (under way, so check-in works at once).
 */
export interface DemoEvent {
  /** Becomes the event code (8 letters/digits) and the id `ev_<code>`. */
  code: string
  orgId: string
  title: string
  description: string
  place: string
  /** Hours from the seeding moment to the start, and the length in hours. */
  startsInHours: number
  hours: number
  capacity: number
  walkIn: boolean
  surveyId: string | null
  policyKeys: string[]
}

export const DEMO_EVENTS: DemoEvent[] = [
  {
    code: 'JinSha01',
    orgId: 'c-jinsha',
    title: '返乡青年创业沙龙：开一家社区小店',
    description:
      '请社区里开店三年以上的店主讲讲选址、进货和算账，区就业服务中心现场解读一次性创业补贴和创业担保贷款，会后可以一对一咨询。适合正在考虑开店的居民。',
    place: '金沙社区党群服务中心 二楼多功能厅',
    startsInHours: 72,
    hours: 2,
    capacity: 60,
    walkIn: true,
    surveyId: null,
    policyKeys: ['startup-subsidy', 'guaranteed-loan'],
  },
  {
    code: 'JinSha02',
    orgId: 'c-jinsha',
    title: '创业担保贷款政策宣讲会',
    description: '银行和人社部门工作人员讲解创业担保贷款的申请条件、额度和贴息，现场帮你看材料是否齐全。',
    place: '金沙社区居委会 一楼会议室',
    startsInHours: -0.5,
    hours: 4,
    capacity: 40,
    walkIn: true,
    surveyId: 'svy_demo_jinsha_env_now',
    policyKeys: ['guaranteed-loan'],
  },
]

/** Demo project reserve (创业项目库): what community guides recommend to residents. */
export interface DemoProject {
  key: string
  orgId: string
  title: string
  industry: 'agriculture' | 'retail' | 'catering' | 'services' | 'ecommerce' | 'culture_tourism'
  investment: 'lt1' | '1to5' | '5to10' | '10to30' | 'gt30'
  description: string
  contactName: string
  contactPhone: string
}

export const DEMO_PROJECTS: DemoProject[] = [
  {
    key: 'jinsha-breakfast',
    orgId: 'c-jinsha',
    title: '社区早餐车',
    industry: 'catering',
    investment: '1to5',
    description: '在社区固定点位经营早餐车，卖包子、馒头、豆浆。社区协调摊位，投入小、回本快，适合有面点手艺的居民。',
    contactName: '金沙社区 张老师',
    contactPhone: '0812-2221234',
  },
  {
    key: 'jinsha-groupbuy',
    orgId: 'c-jinsha',
    title: '社区团购自提点',
    industry: 'retail',
    investment: 'lt1',
    description: '和平台合作开设团购自提点，利用自家门面或车库，不压货，适合在家带孩子的居民。',
    contactName: '金沙社区 张老师',
    contactPhone: '0812-2221234',
  },
  {
    key: 'east-livestream',
    orgId: 'd-east',
    title: '芒果电商直播带货',
    industry: 'ecommerce',
    investment: '1to5',
    description: '东区电商基地免费提供直播间和培训，帮你把攀枝花芒果、枇杷卖到全国，适合返乡青年。',
    contactName: '东区电商服务中心',
    contactPhone: '0812-3330001',
  },
  {
    key: 'city-homestay',
    orgId: 'city',
    title: '阳光康养民宿',
    industry: 'culture_tourism',
    investment: '10to30',
    description: '利用自家闲置房屋改造康养民宿，市里提供设计指导和客源对接，适合城郊有住房的居民。',
    contactName: '市创业指导中心',
    contactPhone: '0812-3335123',
  },
]

export interface DemoDutyTask {
  key: string
  text: string
  /** A department of seed 001's 职责分工 (the city answers), or a district/street id. */
  department?: string
  ownerOrgId?: string
  /** Deadline, in days from the seeding day (negative: already passed). */
  dueInDays: number
  measure: string
  weight: number
  /** Progress reports, days from the seeding day (each dated, kept as history). */
  reports: { daysAgo: number; text: string; percent: number; figures?: { label: string; value: number; unit: string }[] }[]
  /** The reporting schedule (every N weeks / months from the last report), if any. */
  schedule?: { every: number; unit: 'week' | 'month' }
}

/**
 * Seed 001's 职责分工 as the demo plan (赤水市创建国家级创业型城市工作方案, (三) 职责分工), plus the
 * 乡镇（街道）as 责任主体 in the demo tree; some are overdue or at risk so the 督查 view has work.
 */
export const DEMO_DUTY_TASKS: DemoDutyTask[] = [
  { key: 'gsj', department: '市工商局', text: '制定降低门槛、放宽登记条件和实行试营业制度的具体办法', dueInDays: -40, measure: '办法经市政府印发', weight: 8, reports: [{ daysAgo: 70, text: '已起草试营业制度办法初稿，征求意见中', percent: 40 }, { daysAgo: 45, text: '征求意见结束，待提交常务会', percent: 70 }] },
  { key: 'rmyh', department: '人民银行', text: '制定落实小额担保贷款等金融扶持政策的措施和办法', dueInDays: -20, measure: '措施办法印发并报领导小组办公室', weight: 7, schedule: { every: 2, unit: 'week' }, reports: [{ daysAgo: 30, text: '与各商业银行座谈两次', percent: 50, figures: [{ label: '已发放小额担保贷款', value: 1260, unit: '万元' }] }] },
  { key: 'rsj', department: '市人力资源社会保障局', text: '制定创业培训体系和劳动就业、社保政策支持创业的实施办法', dueInDays: -30, measure: '实施办法印发；培训覆盖有意愿人员', weight: 10, reports: [{ daysAgo: 60, text: '办法已起草', percent: 60 }, { daysAgo: 35, text: '办法已印发', percent: 100 }] },
  { key: 'czj', department: '市财政局', text: '制定鼓励和支持创业的财政投入和激励办法，为创建工作提供财政支持', dueInDays: 10, measure: '扶持创业专项资金列入预算', weight: 8, reports: [{ daysAgo: 20, text: '资金规模测算中', percent: 30 }] },
  { key: 'fgj', department: '市发展改革局', text: '制定项目库建设和项目咨询的具体方法，建立备案发布制度', dueInDays: 45, measure: '项目库上线并发布首批项目', weight: 5, schedule: { every: 1, unit: 'week' }, reports: [{ daysAgo: 10, text: '已收集项目 36 个', percent: 50, figures: [{ label: '入库项目', value: 36, unit: '个' }] }] },
  { key: 'wtj', department: '市文体广电旅游局', text: '制定创建工作宣传方案，宣传政策措施和先进典型', dueInDays: 6, measure: '宣传方案印发，典型报道不少于 10 篇', weight: 4, reports: [{ daysAgo: 15, text: '方案已定稿，报道 4 篇', percent: 85 }] },
  { key: 'tjj', department: '市统计局', text: '逐步构建全民创业统计指标体系', dueInDays: 120, measure: '指标体系经领导小组审定', weight: 3, schedule: { every: 1, unit: 'month' }, reports: [] },
  { key: 'east', ownerOrgId: 'd-east', text: '结合本区实际制定创建具体措施，报市领导小组办公室', dueInDays: -15, measure: '区级方案及配套措施报送', weight: 6, reports: [{ daysAgo: 25, text: '方案已起草', percent: 60 }] },
  { key: 'west', ownerOrgId: 'd-west', text: '结合本区实际制定创建具体措施，报市领导小组办公室', dueInDays: -15, measure: '区级方案及配套措施报送', weight: 6, reports: [{ daysAgo: 18, text: '方案已报送', percent: 100 }] },
  { key: 'bcg', ownerOrgId: 's-bcg', text: '在街道劳动保障平台设立创业服务窗口', dueInDays: 12, measure: '窗口对外办理业务', weight: 5, reports: [{ daysAgo: 5, text: '场地已落实', percent: 40 }] },
  { key: 'qxp', ownerOrgId: 's-qxp', text: '成立街道创建工作领导小组并报组成情况', dueInDays: -5, measure: '组成情况报市领导小组办公室', weight: 3, reports: [] },
]
