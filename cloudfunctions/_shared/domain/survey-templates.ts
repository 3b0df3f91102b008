import type { AnySurveyKind, Survey, SurveyDimension, SurveyKind, SurveyQuestion, SurveyStatus, SurveyTemplateKey } from './survey'

// Built-in survey templates, kept apart from `survey.ts` so resident pages do not carry them.

export interface SurveyTemplate {
  key: SurveyTemplateKey
  kind: SurveyKind
  title: string
  /** One line for the staff template picker. */
  description: string
  intro: string
  dimensions: SurveyDimension[]
  questions: SurveyQuestion[]
}

function q(id: string, dimension: string, text: string, allowComment = false): SurveyQuestion {
  return { id, text, dimension, allowComment }
}

/**
 * 创业环境满意度 and 创业服务满意度 follow the seeds' two satisfaction requirements (seed 000
 * §三(三)); their dimensions are the difficulties seed 001 §二(二)3 names (资金难、场地难、办事难,
 * 政策缺、服务缺、能力缺) and the 氛围 it asks for. 活动满意度 is for surveys answered on site.
 */
const SATISFACTION_TEMPLATES: readonly SurveyTemplate[] = [
  {
    key: 'environment',
    kind: 'environment',
    title: '创业环境满意度调查',
    description: '政策扶持、融资、场地、办事、培训、公共服务、创业氛围 7 个方面',
    intro: '想听听你对咱们这里创业环境的真实感受。匿名填写，大约 2 分钟。',
    dimensions: [
      { key: 'policy', label: '政策扶持', weight: 1 },
      { key: 'financing', label: '融资服务', weight: 1 },
      { key: 'site', label: '创业场地', weight: 1 },
      { key: 'procedures', label: '办事手续与证照', weight: 1 },
      { key: 'training', label: '创业培训', weight: 1 },
      { key: 'publicService', label: '公共服务', weight: 1 },
      { key: 'atmosphere', label: '创业氛围', weight: 1 },
    ],
    questions: [
      q('q1', 'policy', '你对本地创业扶持政策的力度满意吗？'),
      q('q2', 'policy', '你能方便地了解到自己可以享受哪些扶持政策吗？', true),
      q('q3', 'financing', '你对申请创业担保贷款等融资渠道满意吗？'),
      q('q4', 'financing', '你对贷款办理的速度和手续满意吗？', true),
      q('q5', 'site', '你对创业场地（园区、工位、门面）的获得和租金满意吗？', true),
      q('q6', 'procedures', '你对办理营业执照等证照的便利程度满意吗？'),
      q('q7', 'procedures', '你对办事窗口的办事效率满意吗？', true),
      q('q8', 'training', '你对参加过或了解到的创业培训满意吗？', true),
      q('q9', 'publicService', '你对创业信息、项目推荐等公共服务满意吗？'),
      q('q10', 'atmosphere', '你对身边支持创业、鼓励创业的氛围满意吗？', true),
    ],
  },
  {
    key: 'service',
    kind: 'service',
    title: '社区创业服务满意度调查',
    description: '创业指导、跟踪回访、政策落实、响应速度、服务态度 5 个方面',
    intro: '社区创业指导员的服务怎么样？请按你的感受打分。匿名填写，大约 1 分钟。',
    dimensions: [
      { key: 'guidance', label: '创业指导', weight: 1 },
      { key: 'followUp', label: '跟踪回访', weight: 1 },
      { key: 'policyDelivery', label: '政策落实', weight: 1 },
      { key: 'responsiveness', label: '响应速度', weight: 1 },
      { key: 'attitude', label: '服务态度', weight: 1 },
    ],
    questions: [
      q('q1', 'guidance', '你对社区提供的一对一创业指导满意吗？', true),
      q('q2', 'followUp', '你对社区定期回访、帮你解决问题满意吗？'),
      q('q3', 'policyDelivery', '你对社区帮你申请到扶持政策满意吗？', true),
      q('q4', 'responsiveness', '遇到问题找社区，你对响应的速度满意吗？'),
      q('q5', 'responsiveness', '你对问题最终得到解决的情况满意吗？', true),
      q('q6', 'attitude', '你对创业指导员的服务态度满意吗？'),
      q('q7', 'attitude', '总体来说，你对社区的创业服务满意吗？', true),
    ],
  },
  {
    key: 'event',
    kind: 'event',
    title: '活动满意度调查',
    description: '活动内容、组织安排、实际收获 3 个方面，适合现场扫码填写',
    intro: '感谢参加本次活动！花 30 秒说说你的感受吧。匿名填写。',
    dimensions: [
      { key: 'content', label: '活动内容', weight: 1 },
      { key: 'organization', label: '组织安排', weight: 1 },
      { key: 'usefulness', label: '实际收获', weight: 1 },
    ],
    questions: [
      q('q1', 'content', '你对本次活动的内容满意吗？'),
      q('q2', 'organization', '你对活动的时间、地点和现场安排满意吗？'),
      q('q3', 'usefulness', '这次活动对你创业有帮助吗？你满意吗？', true),
    ],
  },
]

function choice(id: string, dimension: string, text: string, options: string[]): SurveyQuestion {
  return { id, text, dimension, allowComment: false, options }
}

/**
 * 市民创业状况调查 (seed 001 §二(二)5: 开展市民创业状况调查，掌握并公布本市创业状况): one
 * standard questionnaire every community runs unchanged, so the answers add up across the city.
 * Its four parts are the 意愿, 状况, 困难, 需求; the difficulties are seed 001's own list
 * (资金难、场地难、办事难，政策缺、服务缺、能力缺) and the needs are the help seed 000 §二(四) names
 * (项目、资金、场地、证照办理, 一对一创业指导) and seed 001's 培训. Question ids are fixed: the
 * city's figures are counted per id (`census_<id>_<level>`).
 */
export const CENSUS_TEMPLATE: SurveyTemplate = {
  key: 'census',
  kind: 'census',
  title: '市民创业状况调查',
  description: '创业状况、创业意愿、遇到的困难、需要的帮助，全市统一题目，结果汇总公布',
  intro: '市里正在了解大家的创业情况，结果会汇总后向全市公布（只公布总数，不公布任何个人的回答）。匿名填写，大约 1 分钟。',
  dimensions: [
    { key: 'status', label: '创业状况', weight: 1 },
    { key: 'intent', label: '创业意愿', weight: 1 },
    { key: 'difficulty', label: '困难', weight: 1 },
    { key: 'need', label: '需求', weight: 1 },
  ],
  questions: [
    choice('s1', 'status', '你现在的创业情况是？', ['已经在创业（办了企业或个体户）', '正在筹备', '以前创过业，现在没有', '没有创过业']),
    choice('s2', 'intent', '今后一年，你有创业的打算吗？', ['有，已经想好做什么', '有想法，还没想好', '说不准', '没有打算']),
    choice('s3', 'intent', '你了解本地的创业扶持政策吗？', ['很了解', '了解一些', '听说过', '不了解']),
    choice('s4', 'difficulty', '创业（或想创业）时，你觉得最大的困难是？', ['缺资金', '缺场地', '手续难办', '不懂政策、缺少指导', '缺经验和技能']),
    choice('s5', 'need', '你最需要哪方面的帮助？', ['创业担保贷款等资金扶持', '创业培训', '一对一创业指导', '场地和项目推荐', '办证等手续帮办']),
  ],
}

/** The templates staff pick from: the three satisfaction surveys and the status survey. */
export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [...SATISFACTION_TEMPLATES, CENSUS_TEMPLATE]

/**
 * The city's spot-check questionnaire (seed 000 §四: 问卷调查), sent to a certified community's
 * residents by `evaluation.spotCheck`; not offered to staff as a template.
 */
export const SPOTCHECK_TEMPLATE: Omit<SurveyTemplate, 'key' | 'kind'> & { key: 'spotcheck'; kind: AnySurveyKind } = {
  key: 'spotcheck',
  kind: 'spotcheck',
  title: '创业型社区市级抽查问卷',
  description: '帮扶落实、政策落实、服务满意 3 个方面',
  intro: '市创建办正在抽查咱们社区的创业服务。请按你的真实感受回答，匿名填写，大约 1 分钟。',
  dimensions: [
    { key: 'assistance', label: '帮扶落实', weight: 1 },
    { key: 'policy', label: '政策落实', weight: 1 },
    { key: 'service', label: '服务满意', weight: 1 },
  ],
  questions: [
    q('q1', 'assistance', '社区创业指导员给过你一对一的指导或帮助，你满意吗？', true),
    q('q2', 'assistance', '遇到项目、资金、场地、证照的问题，社区帮你跟进解决，你满意吗？'),
    q('q3', 'policy', '你能享受到的创业扶持政策，社区帮你落实到位了吗？你满意吗？', true),
    q('q4', 'service', '你对社区创业服务的态度和效率满意吗？'),
    q('q5', 'service', '总体来说，你对咱们社区创建创业型社区的工作满意吗？', true),
  ],
}

export function surveyTemplate(key: SurveyTemplateKey): SurveyTemplate {
  const t = SURVEY_TEMPLATES.find((x) => x.key === key)
  if (!t) throw new Error(`unknown survey template ${key}`)
  return t
}

/**
 * What a new survey takes from its template: kind, template key, intro, dimensions and questions,
 * copied so that the survey never shares the template's objects.
 */
export function fromTemplate<K extends string, Kind extends AnySurveyKind>(t: Pick<SurveyTemplate, 'intro' | 'dimensions' | 'questions'> & { key: K; kind: Kind }) {
  return {
    kind: t.kind,
    template: t.key,
    intro: t.intro,
    dimensions: t.dimensions.map((d) => ({ ...d })),
    questions: t.questions.map((q) => ({ ...q, ...(q.options ? { options: [...q.options] } : {}) })),
  }
}

/** What a survey made from a template adds to the template: its id, org, title, window and record fields. */
export interface TemplatedSurvey {
  _id: string
  org: { _id: string; path: string[]; name: string }
  title: string
  period: string
  opensOn: string
  closesOn: string
  status: SurveyStatus
  /** '' unless the survey is made closed. */
  closedAt: string
  /** When and by whom it is made (also its publishing time). */
  at: string
  by: string
  version: number
}

/**
 * A survey made from a template (a seeded survey or census, the city's spot-check questionnaire):
 * no promotion event, published at `at`, the template's questions copied (`fromTemplate`).
 */
export function surveyFromTemplate(
  t: Pick<SurveyTemplate, 'intro' | 'dimensions' | 'questions'> & { key: SurveyTemplateKey | 'spotcheck'; kind: AnySurveyKind },
  s: TemplatedSurvey,
): Survey {
  return {
    _id: s._id,
    orgId: s.org._id,
    orgPath: s.org.path,
    orgName: s.org.name,
    title: s.title,
    ...fromTemplate(t),
    period: s.period,
    opensOn: s.opensOn,
    closesOn: s.closesOn,
    eventId: null,
    status: s.status,
    createdAt: s.at,
    updatedAt: s.at,
    publishedAt: s.at,
    closedAt: s.closedAt,
    updatedBy: s.by,
    version: s.version,
  }
}
