import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { Store } from '../cloudfunctions/_shared/store/port'
import { DEFAULT_RUBRIC_ITEMS, type ReviewRubric, type ReviewScore, rubricId, scoreId, scoreTotal } from '../cloudfunctions/_shared/domain/review-rubric'
import { shanghaiDate } from '../cloudfunctions/_shared/domain/time'
import { DEMO_ACCOUNTS, DEMO_ORGS } from './seed-data'

/**
 * 评审内容与评分 of the demo year: 东区 has written its 评审内容 (seed 000's five 定性 and five 定量
 * items, with 定量 weighted a little heavier: 8 × 5 + 12 × 5 = 100), and 炳草岗街道 has submitted
 * its 初评 of 金沙社区 with a comment per item. 西区 has none yet (the browser test writes one).
 */
export async function seedDemoScoring(store: Store<Collections>, now: Date): Promise<void> {
  const year = Number(shanghaiDate(now).slice(0, 4))
  const district = DEMO_ORGS.find((o) => o._id === 'd-east')
  const community = DEMO_ORGS.find((o) => o._id === 'c-jinsha')
  const street = DEMO_ACCOUNTS.find((a) => a.username === 'bingcaogang')
  if (!district || !community || !street) return
  const at = now.toISOString()
  const rubric: ReviewRubric = {
    _id: rubricId(district._id, year),
    districtId: district._id,
    districtName: district.name,
    year,
    items: DEFAULT_RUBRIC_ITEMS.map((i) => ({ ...i, weight: i.kind === 'qualitative' ? 8 : 12, indices: [...i.indices] })),
    closed: false,
    closedBy: '',
    closedAt: '',
    updatedBy: 'st_dongqu',
    updatedAt: at,
    version: 1,
  }
  if (!(await store.collection('reviewRubrics').get(rubric._id))) await store.collection('reviewRubrics').put(rubric)
  const comments: Record<string, [number, string]> = {
    q1: [9, '社区书记任组长，每季度开创建工作会'],
    q2: [9, '创业指导站有专职指导员 2 名，台帐齐全'],
    q3: [8, '政策宣传栏、微信群按月更新'],
    q4: [8, '辖区创业氛围较好，创业沙龙每月一次'],
    q5: [7, '工作计划已制定，第三季度落实略有滞后'],
    n1: [10, '指导员全部到岗'],
    n2: [8, '补贴、贴息享受人次与台帐一致'],
    n3: [8, '一对一指导覆盖有需求人员'],
    n4: [7, '带动就业比重接近标准'],
    n5: [8, '创业活动指数达标，存活率待满 12 个月后复核'],
  }
  const items = rubric.items.map((i) => ({ key: i.key, score: comments[i.key]?.[0] ?? 0, comment: comments[i.key]?.[1] ?? '' }))
  const score: ReviewScore = {
    _id: scoreId(community._id, year, 'street'),
    communityId: community._id,
    communityName: community.name,
    communityPath: community.path,
    districtId: district._id,
    year,
    level: 'street',
    items,
    total: scoreTotal(rubric.items, items),
    status: 'submitted',
    rubricVersion: rubric.version,
    byId: `st_${street.username}`,
    byName: street.name,
    updatedAt: at,
    submittedAt: at,
    reopened: [],
    version: 1,
  }
  if (!(await store.collection('reviewScores').get(score._id))) await store.collection('reviewScores').put(score)
}
