/**
 * The default targets, as data copied from the two seed documents (and the few an office set
 * itself, marked `local`). They are not read by any figure: the migration
 * `2026-12-targets-seeded` writes them into the `targets` collection once, for the city, and
 * from then on offices change them there. This is the one file a target value may appear in
 * (`scripts/__tests__/no-target-constants.test.ts`).
 *
 * The seed-001 plan is the 2010 plan (“全市私营企业和个体工商户的数量分别比2009年增加49个、1180户；
 * 新创办企业存活率达到60%以上；创业对就业的贡献率达到30%以上；创业活动指数达到15%以上；创业环境满意度
 * 明显提高”): its records carry year 2010 and stand for later years until an office replaces them.
 */
import type { IndexKey } from './indices'
import type { TargetSource } from './target'

export interface TargetSeed {
  index: IndexKey
  value: number | null
  source: TargetSource
  /** The seed's words, for the README and the staff page. */
  quote: string
}

/** The year of seed 001's plan. */
export const SEED_TARGET_YEAR = 2010

export const TARGET_SEEDS: readonly TargetSeed[] = [
  { index: 'newEnterprises', value: 49, source: 'seed-001', quote: '私营企业数量比上年增加 49 个' },
  { index: 'newIndividual', value: 1180, source: 'seed-001', quote: '个体工商户数量比上年增加 1180 户' },
  { index: 'survival12', value: 0.6, source: 'seed-001', quote: '新创办企业存活率达到 60% 以上' },
  { index: 'employmentContribution', value: 0.3, source: 'seed-001', quote: '创业对就业的贡献率达到 30% 以上' },
  { index: 'activity', value: 0.15, source: 'seed-001', quote: '创业活动指数达到 15% 以上' },
  { index: 'satisfactionEnvironment', value: null, source: 'seed-001', quote: '创业环境满意度明显提高' },
  { index: 'trainingCoverage', value: 1, source: 'seed-001', quote: '对有创业意愿的人员实现创业培训全覆盖' },
  { index: 'staffInPlace', value: 1, source: 'seed-000', quote: '社区(村)创业指导专职工作人员不少于 1 名' },
  { index: 'policyEnjoyment', value: 1, source: 'seed-000', quote: '使符合享受条件的创业者 100% 享受到创业扶持政策' },
  { index: 'assistanceCoverage', value: 1, source: 'seed-000', quote: '使有需求的创业者 100% 享受到创业帮扶' },
  { index: 'employmentDriven', value: 0.2, source: 'seed-000', quote: '通过创业带动就业人数占辖区内就业人数的 20% 以上' },
  { index: 'newEmploymentDriven', value: 0.45, source: 'seed-000', quote: '新增创业人数及其带动就业人数之和占新增就业人数的比例达 45% 以上' },
  { index: 'initialSuccess', value: 0.5, source: 'seed-000', quote: '初始创业成功率达 50% 以上' },
  { index: 'survival24', value: 0.7, source: 'seed-000', quote: '1-2 年存活率达 70% 以上' },
  { index: 'complaintsUnresolved', value: 0, source: 'seed-000', quote: '无因创业服务问题出现上访事件' },
  // Not set by either seed: an office's own reference values, shown as 自定.
  { index: 'satisfactionService', value: 90, source: 'local', quote: '（文件只说“满意度高”，未给数值）' },
  { index: 'satisfactionComposite', value: 90, source: 'local', quote: '（文件未规定）' },
  { index: 'feedbackOnTime', value: 0.9, source: 'local', quote: '（文件未规定）' },
  { index: 'feedbackRating', value: 4, source: 'local', quote: '（文件未规定）' },
]
