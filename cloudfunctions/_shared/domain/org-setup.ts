/**
 * 组织体系 (seed 000 §二(一)): what a community shows as evidence of its 创建组织 — "社区(村)成立由
 * 社区(村)领导、共建单位、挂点干部参加的创建组织 … 配置计算机、打印机等设备。制定创建工作计划" — and,
 * under 创业环境宽松, "制定宣传方案". One record per community (id = the community's org id); the
 * 创建标准 checklist checks it and the 申报表 lists it. 专职人员 come from the staff records
 * (the 创业指导员在岗 index), not from here.
 */
export const SETUP_MEMBER_ROLES = ['组长', '副组长', '成员'] as const
export type SetupMemberRole = (typeof SETUP_MEMBER_ROLES)[number]

export interface SetupMember {
  name: string
  role: SetupMemberRole
  /** 单位或职务, e.g. 金沙社区党委书记, 区人社局就业股. */
  unit: string
}

/** A dated document: the year's 创建工作计划 or 宣传方案. */
export interface SetupDocument {
  title: string
  /** Shanghai day it was adopted, YYYY-MM-DD. */
  date: string
  /** What it says in a few lines (the file itself stays in the office). */
  summary: string
}

export interface OrgSetup {
  /** The community's org id. */
  _id: string
  orgId: string
  orgPath: string[]
  groupName: string
  members: SetupMember[]
  /** 共建单位 taking part in the group. */
  partners: string[]
  /** 挂点干部 (officials assigned to the community) taking part. */
  liaisons: string[]
  computers: number
  printers: number
  plan: SetupDocument | null
  publicity: SetupDocument | null
  updatedAt: string
  updatedBy: string
  updatedByName: string
  version: number
}

export type SetupCheckKey = 'setupGroup' | 'setupEquipment' | 'setupPlan' | 'setupPublicity'

export interface SetupCheck {
  key: SetupCheckKey
  criterion: 'organisation' | 'environment'
  label: string
  met: boolean
  detail: string
}

const inYear = (doc: SetupDocument | null, year: number) => doc !== null && doc.date.slice(0, 4) === String(year)

/** The checklist's checks of a community's 组织体系 for `year` (all unmet when nothing is recorded). */
export function setupChecks(setup: OrgSetup | null, year: number): SetupCheck[] {
  const leader = setup?.members.some((m) => m.role === '组长') ?? false
  const partners = setup?.partners.length ?? 0
  const liaisons = setup?.liaisons.length ?? 0
  const group = leader && partners > 0 && liaisons > 0
  const groupDetail = !setup
    ? '尚未登记创建组织'
    : `${setup.groupName}：成员 ${setup.members.length} 人${leader ? '' : '（缺组长）'}，共建单位 ${partners} 个，挂点干部 ${liaisons} 名`
  const docDetail = (doc: SetupDocument | null, noun: string) =>
    !doc ? `尚未登记${noun}` : `《${doc.title}》${doc.date}${inYear(doc, year) ? '' : `（不是 ${year} 年的）`}`
  return [
    { key: 'setupGroup', criterion: 'organisation', label: '成立由社区领导、共建单位、挂点干部参加的创建组织', met: group, detail: groupDetail },
    {
      key: 'setupEquipment',
      criterion: 'organisation',
      label: '配置计算机、打印机等设备',
      met: (setup?.computers ?? 0) > 0 && (setup?.printers ?? 0) > 0,
      detail: setup ? `计算机 ${setup.computers} 台，打印机 ${setup.printers} 台` : '尚未登记设备',
    },
    { key: 'setupPlan', criterion: 'organisation', label: `制定 ${year} 年创建工作计划`, met: inYear(setup?.plan ?? null, year), detail: docDetail(setup?.plan ?? null, '工作计划') },
    { key: 'setupPublicity', criterion: 'environment', label: `制定 ${year} 年宣传方案`, met: inYear(setup?.publicity ?? null, year), detail: docDetail(setup?.publicity ?? null, '宣传方案') },
  ]
}
