/**
 * The privacy notice, as data: the resident page renders it, and a test checks that every
 * collection is either described here or declared free of personal data, so a new kind of
 * personal data cannot ship without the notice saying so.
 */
export const PRIVACY_NOTICE_VERSION = '2026-12-04'

export interface PrivacyItem {
  /** The collections holding this data. */
  collections: string[]
  what: string
  why: string
  keep: string
}

export const PRIVACY_ITEMS: PrivacyItem[] = [
  {
    collections: ['profiles'],
    what: '你选择的所在社区和所属人群（如高校毕业生、返乡农民工）',
    why: '只给你看适合你的政策和你所在社区的活动、问卷',
    keep: '直到你修改或删除',
  },
  {
    collections: ['cases', 'caseSlots', 'claimCodes', 'pairings'],
    what: '创业意向登记：姓名、电话、身份证号、性别、年龄段、文化程度、户籍类型、家庭情况、技能和证书、想做的行业和项目、需要的帮助、方便联系的时间；工作人员记录的指导、培训、创业和享受政策情况；领导干部挂帮你时，记下挂帮的人、起止日期和原因；社区工作人员代你登记时，还记录你同意的方式、日期和凭证，你认领时用的验证码（只存无法反推的校验值，10 分钟失效）',
    why: '社区创业指导员一对一帮你解决项目、资金、场地、证照等问题，落实扶持政策，并按规定统计创业情况',
    keep: '办结后按规定期限保存，期满匿名化，只保留统计数字',
  },
  {
    collections: ['surveyResponses', 'surveyDevices'],
    what: '满意度问卷的答案',
    why: '了解大家对创业环境和社区服务的满意程度',
    keep: '答案不带你的身份：只保存一个无法反推的编号，用来保证每人只算一份（浏览器版还按设备保存一个同样无法反推的编号，保证每台设备只算一份）',
  },
  {
    collections: ['eventSignups', 'eventRequests', 'eventReach'],
    what: '活动报名、签到记录，以及报名时留下的称呼和电话',
    why: '安排名额、现场签到，统计活动参与情况',
    keep: '活动结束后按规定期限保存',
  },
  {
    collections: ['shareArrivals'],
    what: '你通过别人分享的链接或海报打开了哪条政策或哪场活动，以及分享人的分享编号',
    why: '统计有多少居民是通过转发知道这条政策或活动的',
    keep: '不带你的身份：只保存一个无法反推的编号，用来保证每人每条只算一次',
  },
  {
    collections: ['inbox', 'noticeSettings'],
    what: '发给你的消息（活动变动、政策提醒、帮扶进展、场地申请、反馈回复、报名变动）和是否已读；你关掉了哪几类提醒',
    why: '在“消息”里提醒你',
    keep: '直到你删除个人数据',
  },
  {
    collections: ['feedback'],
    what: '你提交的反馈和投诉：内容、照片、留下的称呼，社区的答复和你的评价；选择匿名时社区看不到你是谁',
    why: '让社区答复和处理你的问题，并统计按时答复和满意情况',
    keep: '办结后按规定期限保存',
  },
  {
    collections: ['subscriptions', 'subscribeQuotas'],
    what: '你订阅的政策提醒：关心的政策类别和人群、所在社区，以及你在微信里允许我们发提醒的次数',
    why: '有适合你的新政策时提醒你；微信每允许一次只能发一条，所以要记下次数',
    keep: '直到你关闭提醒或删除个人数据',
  },
  {
    collections: ['pushDeliveries', 'noticeDeliveries', 'outbox'],
    what: '每条政策提醒和进展提醒是否通过微信发给了你、何时打开',
    why: '保证同一条提醒不重复发给你，并统计提醒有没有帮上忙',
    keep: '直到你删除个人数据',
  },
  {
    collections: ['evaluations'],
    what: '创建评估中市里电话回访的记录：被抽到的创业档案编号，是否接通、是否确认得到帮扶、满意度打分和回访备注',
    why: '市创建办抽查社区的帮扶是否真实、居民是否满意，评选示范社区',
    keep: '评估年度结束后按规定期限保存',
  },
  {
    collections: ['courseEnrolments'],
    what: '创业培训报名：报名时留下的称呼和电话（只保存遮挡后的号码）、每节课的签到和结业证书编号',
    why: '安排培训名额、记录出勤、发结业证书，并把培训情况记入你的创业档案、落实培训补贴',
    keep: '培训结束后按规定期限保存',
  },
  {
    collections: ['mentorRequests', 'siteApplications'],
    what: '你向创业导师约时间、申请入驻创业场地时写下的内容',
    why: '让社区为你安排导师辅导和场地，并记入你的创业档案',
    keep: '办结后按规定期限保存',
  },
  {
    collections: ['mentors', 'stories', 'searchEntries'],
    what: '创业导师的姓名、单位和联系电话；创业故事里主人公同意公开的称呼和经历，以及他们同意的方式和时间（搜索索引里存有已公开故事的文字，故事撤下时一并删除）',
    why: '让居民找到导师；宣传身边的创业榜样。没有本人同意的故事不会发布',
    keep: '直到导师退出或故事撤下',
  },
  {
    collections: ['honors'],
    what: '市、县(区)表彰的优秀创业人员的姓名、所在社区和表彰事迹，以及本人是否同意在创业故事里展示、同意的方式和时间',
    why: '总结表彰创业先进典型；没有本人同意，表彰不会出现在创业故事里',
    keep: '按表彰档案的规定期限保存',
  },
  {
    collections: ['orgSetups'],
    what: '社区创建组织成员（社区领导、共建单位、挂点干部）的姓名和单位或职务，以及设备、工作计划和宣传方案',
    why: '作为组织体系健全的证明，供创建标准自查和申报表使用',
    keep: '按工作档案的规定期限保存',
  },
  {
    collections: ['reports'],
    what: '社区、街道、县(区)向上报送的工作简报、照片、批注，以及谁在何时阅读',
    why: '及时报送创建工作情况，推广好经验、好做法',
    keep: '按工作档案的规定期限保存',
  },
  {
    collections: ['staff', 'audit', 'invitations', 'jobs', 'dutyTasks', 'dutyAdjustments', 'reviewScores'],
    what: '工作人员的姓名、岗位、账号；工作人员的每次修改、导出、查看敏感信息和登录记录；导出、重算等较长任务的进度和筛选条件；督查任务的进展报告、催办和考核调整，评审员给社区的评分和评语（记下经办人姓名）',
    why: '确认谁能看、谁改过居民信息，保护居民数据',
    keep: '操作记录至少保存 180 天，只增不改',
  },
  {
    collections: ['rateLimits'],
    what: '微信版里你最近一两分钟内的操作次数（只保存由你的微信身份换算出的编号，不保存身份本身）',
    why: '防止有人短时间内大量操作，拖慢大家的使用',
    keep: '一天没有操作后自动删除',
  },
]

/** Collections that hold no personal data (public content, aggregates, org structure). */
export const NON_PERSONAL_COLLECTIONS = ['orgs', 'policies', 'counters', 'surveys', 'surveyTallies', 'projects', 'events', 'pushes', 'evaluationDeadlines', 'evaluationExtensions', 'courses', 'sites', 'guides', 'hotlines', 'migrations', 'targets', 'targetYears', 'honorYears', 'localAverages', 'reviewRubrics']

export const PRIVACY_RIGHTS: string[] = [
  '敏感信息（身份证号、家庭情况等）需要你单独勾选同意后才会保存，我们会记下你同意的版本和时间。',
  '身份证号加密保存，工作人员看到的是遮挡后的号码；查看完整号码需要专门授权，并会留下记录。',
  '你可以在“我的 → 我的数据”里导出你的全部数据，或删除它们。',
  '我们不会把你的信息用于广告，也不会提供给与创业帮扶无关的单位。',
]
