/**
 * Every cloud function's deployment, declared once: `build:functions` (config.json per function,
 * cloudbaserc.json for the CLI) and `npm run cloud:setup` read it.
 *
 * Limits (CloudBase CLI function configuration, docs.cloudbase.net/cli-v1/functions/configs):
 * `timeout` 1–60 s, `memorySize` one of 128, 256, 512, 1024, 2048 MB; the WeChat 云开发 console
 * offers the same 60 s at most, so nothing here asks for more. Sizes come from `bench/function-sizing.ts`
 * (README, 长任务与配置) at a city of 300 communities and 1,000,000 cases: the recount job's calls
 * took at most 38.0 s with the 40 s budget (slowest chunk 4.9 s) at 204 MB peak; the city-wide
 * export's calls wrote 16 parts of 10,000 rows each at 203 MB peak; a push stops itself at 40 s.
 * Hence 60 s and 512 MB for `indices` and `ledger` (2.5× the peak), 60 s for `notify`.
 */

/** A configuration variable a function reads, by name only (values come from the deployer's shell). */
export interface EnvDeclaration {
  name: string
  /** A required one missing stops `cloud:setup`; an optional one is reported as 未配置 with its feature. */
  required: boolean
  /** What it enables, in the words the report and the staff UI use. */
  feature: string
}

/** A timer trigger (cron with seconds and years, Beijing time). */
export interface TimerTrigger {
  name: string
  type: 'timer'
  config: string
}

export interface FunctionDeclaration {
  runtime: 'Nodejs16.13'
  /** Seconds, ≤ MAX_TIMEOUT_S. */
  timeout: number
  /** MB. */
  memorySize: 128 | 256 | 512 | 1024 | 2048
  env: readonly EnvDeclaration[]
  triggers: readonly TimerTrigger[]
  /** Packages only the cloud installs (loaded at run time). */
  runtimeDependencies: Record<string, string>
  /** WeChat open-API permissions (config.json). */
  openapi: readonly string[]
}

/** The longest timeout the WeChat 云开发 console accepts. */
export const MAX_TIMEOUT_S = 60

const APP_SECRET: EnvDeclaration = { name: 'APP_SECRET', required: true, feature: '数据加密与匿名编号的主密钥（各函数须相同）' }
const POLICY_TEMPLATE: readonly EnvDeclaration[] = [
  { name: 'SUBSCRIBE_TEMPLATE_POLICY', required: false, feature: '政策更新订阅消息（未配置时推送只进入站内消息）' },
  { name: 'SUBSCRIBE_TEMPLATE_POLICY_FIELDS', required: false, feature: '订阅消息模板字段对应（未配置时用默认 thing1:title,thing2:org,time3:time,thing4:note）' },
  { name: 'SUBSCRIBE_TEMPLATE_NOTICE', required: false, feature: '办事进展订阅消息（受理、指导、导师、场地、反馈、报名；未配置时只进入站内消息）' },
  { name: 'SUBSCRIBE_TEMPLATE_NOTICE_FIELDS', required: false, feature: '办事进展模板字段对应（未配置时用默认 thing1:title,thing2:org,time3:time,thing4:note）' },
]
/** Goes on with unfinished jobs (exports, recounts) every 5 minutes, so no page has to stay open. */
const CLAIM_TEMPLATE: EnvDeclaration = { name: 'SUBSCRIBE_TEMPLATE_CLAIM', required: false, feature: '代登记认领验证码的订阅消息（字段 character_string1 验证码、thing2 事项、time3 有效期；未配置时居民不能在小程序里认领）' }
const EVALUATION_TEMPLATE: EnvDeclaration = { name: 'SUBSCRIBE_TEMPLATE_EVALUATION', required: false, feature: '市创建办催办的订阅消息（字段 thing1 事项、time2 截止日、thing3 说明；未配置时只进站内消息）' }
const RESUME_JOBS: TimerTrigger = { name: 'resumeJobs', type: 'timer', config: '0 */5 * * * * *' }
const WX_SDK = { 'wx-server-sdk': '^3.0.1' }

function fn(over: Partial<FunctionDeclaration> = {}): FunctionDeclaration {
  return { runtime: 'Nodejs16.13', timeout: 10, memorySize: 256, env: [APP_SECRET], triggers: [], runtimeDependencies: {}, openapi: [], ...over }
}

/** One entry per folder under cloudfunctions/ (a test keeps the two equal). */
export const FUNCTION_DECLARATIONS: Record<string, FunctionDeclaration> = {
  // The plan's tasks, 督查 and 目标责任考核 (one store scan per call); once a day, the same hour as
  // the evaluation chain's: reminders of overdue tasks and late scheduled progress reports.
  duty: fn({ timeout: 20, triggers: [{ name: 'dailyRemind', type: 'timer', config: '0 0 9 * * * *' }] }),
  // Once a day: deadline reminders of the evaluation chain.
  evaluation: fn({ timeout: 20, env: [APP_SECRET, EVALUATION_TEMPLATE], runtimeDependencies: WX_SDK, openapi: ['subscribeMessage.send'], triggers: [{ name: 'dailyRemind', type: 'timer', config: '0 0 9 * * * *' }] }),
  event: fn({ timeout: 60, runtimeDependencies: WX_SDK, openapi: ['wxacode.getUnlimited'] }),
  feedback: fn(),
  // The nightly recount job (1M cases: calls ≤ 38 s, 204 MB peak in bench/function-sizing.ts).
  // Every 5 minutes `resumeJobs` goes on with an unfinished recount (jobs.ts: one call's budget each).
  indices: fn({ timeout: 60, memorySize: 512, triggers: [{ name: 'nightlyReconcile', type: 'timer', config: '0 30 3 * * * *' }, RESUME_JOBS] }),
  intent: fn({ env: [APP_SECRET, CLAIM_TEMPLATE], runtimeDependencies: WX_SDK, openapi: ['subscribeMessage.send'] }),
  // Ledger export job (parts of 10,000 rows, 16 a call, 203 MB peak in bench/function-sizing.ts).
  // Exports whose page was closed are finished by the `resumeJobs` timer.
  ledger: fn({ timeout: 60, memorySize: 512, triggers: [RESUME_JOBS] }),
  // Hourly: removes the rate counts of callers idle for a day (runtime/rate-limit.ts), 40 s at most per run.
  maintenance: fn({ timeout: 60, triggers: [{ name: 'sweepRateLimits', type: 'timer', config: '0 15 * * * * *' }] }),
  // Every minute: progress notices (case, site, feedback, sign-up) queued by other functions go out as subscribe messages.
  notify: fn({ timeout: 60, triggers: [{ name: 'sendNotices', type: 'timer', config: '0 * * * * * *' }], env: [APP_SECRET, ...POLICY_TEMPLATE], runtimeDependencies: WX_SDK, openapi: ['subscribeMessage.send'] }),
  org: fn(),
  policy: fn(),
  profile: fn({ timeout: 20 }),
  project: fn(),
  // 简报 upward (send, read receipts, 好经验) and 表彰.
  report: fn(),
  service: fn(),
  // Share posters' codes carry the item and referral id in the path (longer than a scene allows).
  share: fn({ runtimeDependencies: WX_SDK, openapi: ['wxacode.get'] }),
  survey: fn({ timeout: 60 }),
  training: fn({ runtimeDependencies: WX_SDK, openapi: ['wxacode.getUnlimited'] }),
  // The staff home: one count per line (a city's evaluation list and counter documents at most).
  workbench: fn(),
}
