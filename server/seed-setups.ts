import type { OrgSetup } from '../cloudfunctions/_shared/domain/org-setup'
import { shanghaiDate } from '../cloudfunctions/_shared/domain/time'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { Store } from '../cloudfunctions/_shared/store/port'

/**
 * Demo 组织体系: 金沙 has recorded everything the standard asks for this year; 新华 has its group
 * and equipment but last year's plan and no 宣传方案, so its checklist shows what is missing.
 */
export async function seedDemoSetups(store: Store<Collections>, now: Date): Promise<void> {
  const year = Number(shanghaiDate(now).slice(0, 4))
  const at = now.toISOString()
  const base = { updatedAt: at, updatedBy: 'st_jinsha-lead', updatedByName: '金沙社区 负责人', version: 1 }
  const setups: OrgSetup[] = [
    {
      _id: 'c-jinsha',
      orgId: 'c-jinsha',
      orgPath: ['city', 'd-east', 's-bcg', 'c-jinsha'],
      groupName: '金沙社区创建创业型社区工作领导小组',
      members: [
        { name: '杨秀英', role: '组长', unit: '金沙社区党委书记、居委会主任' },
        { name: '陈建国', role: '副组长', unit: '炳草岗街道劳动保障所所长' },
        { name: '刘海燕', role: '成员', unit: '金沙社区创业指导员' },
        { name: '周强', role: '成员', unit: '农商银行金沙支行客户经理' },
      ],
      partners: ['东区人力资源和社会保障局', '农商银行金沙支行', '金沙农贸市场管理处'],
      liaisons: ['炳草岗街道办事处 陈建国'],
      computers: 3,
      printers: 1,
      plan: { title: `金沙社区 ${year} 年创建创业型社区工作计划`, date: `${year}-02-18`, summary: '全年新登记创业意向 40 人、帮扶成功创业 15 人；每月一次政策进楼入户，每季度一次创业沙龙；分工到每名成员。' },
      publicity: { title: `金沙社区 ${year} 年创业宣传方案`, date: `${year}-03-05`, summary: '社区公示栏和微信群每月更新政策；创业故事展播；市民学校开设创业讲座两期。' },
      ...base,
    },
    {
      _id: 'c-xinhua',
      orgId: 'c-xinhua',
      orgPath: ['city', 'd-east', 's-bcg', 'c-xinhua'],
      groupName: '新华社区创建工作小组',
      members: [
        { name: '黄丽', role: '组长', unit: '新华社区居委会主任' },
        { name: '吴志明', role: '成员', unit: '新华社区创业指导员' },
      ],
      partners: ['新华街小微企业协会'],
      liaisons: ['炳草岗街道办事处 李娜'],
      computers: 1,
      printers: 1,
      plan: { title: `新华社区 ${year - 1} 年创建工作计划`, date: `${year - 1}-03-01`, summary: '上一年度的计划，本年度尚未更新。' },
      publicity: null,
      ...base,
      updatedBy: 'st_xinhua-lead',
      updatedByName: '新华社区 负责人',
    },
  ]
  for (const s of setups) if (!(await store.collection('orgSetups').get(s._id))) await store.collection('orgSetups').insert(s)
}
