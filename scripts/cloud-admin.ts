/**
 * `npm run cloud:admin -- --invite [--city <市名>] [--label <姓名或备注>] [--again] [--demo]`
 *
 * Makes the one-time invitation (8-character code and mini-program path, valid 24 h) that binds
 * the first administrator's WeChat, in the environment named by `TCB_ENV_ID`. There is no
 * default account or password in a cloud deployment; demo data goes in only with `--demo`
 * (and only into an environment without orgs).
 *
 * Needs `TCB_ENV_ID`, `TCB_SECRET_ID`, `TCB_SECRET_KEY` and the same `APP_SECRET` the functions
 * run with (the invitation is stored as a keyed hash of its code).
 */
import { isSet } from '../cloudfunctions/_shared/deploy/desired-state'
import { type Keyring, makeKeyring } from '../cloudfunctions/_shared/runtime/keyring'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { Store } from '../cloudfunctions/_shared/store/port'
import { seedDemo } from '../server/seed'
import { FirstAdminRefused, issueFirstAdminInvite } from './cloud/first-admin'
import { type Credentials, deployerStore, explainFailure, missingCredentialsMessage, readCredentials, scrub } from './cloud/tencent'

export interface AdminRun {
  code: number
  out: string
}

function argValue(argv: readonly string[], name: string): string | null {
  const i = argv.indexOf(name)
  if (i < 0) return null
  const v = argv[i + 1]
  return v && !v.startsWith('--') ? v : ''
}

export const USAGE = 'npm run cloud:admin -- --invite [--city <市名>] [--label <姓名或备注>] [--again] [--demo]'

export async function runCloudAdmin(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  deps: { store?: (c: Credentials) => Store<Collections>; now?: () => Date } = {},
): Promise<AdminRun> {
  if (!argv.includes('--invite')) return { code: 2, out: `用法：${USAGE}` }
  const city = argValue(argv, '--city')
  if (city === '') return { code: 2, out: '--city 后面要写市名，例：--city 攀枝花市' }
  const label = argValue(argv, '--label')
  if (label === '') return { code: 2, out: '--label 后面要写姓名或备注' }
  const creds = readCredentials(env)
  if (!creds.ok) return { code: 2, out: missingCredentialsMessage(creds.missing) }
  const secret = env.APP_SECRET
  if (!isSet(secret) || Buffer.byteLength(secret) < 32) {
    return { code: 2, out: '缺少 APP_SECRET（32 个字符以上）：用与云函数相同的值（npm run cloud:setup 时设置的那个），邀请码按它加密保存' }
  }
  const keyring: Keyring = makeKeyring(Buffer.from(secret, 'utf8'))
  const credentials = creds.credentials
  const now = (deps.now ?? (() => new Date()))()
  const lines: string[] = []
  try {
    const store = (deps.store ?? deployerStore)(credentials)
    if (argv.includes('--demo')) {
      const seeded = await seedDemo(store, now, { keyring, demoData: true, passwords: false })
      lines.push(seeded ? '已写入演示数据（演示单位、政策、活动、问卷、台帐；演示工作人员没有密码，不能登录）。' : '环境里已有单位，跳过演示数据。')
    }
    const invite = await issueFirstAdminInvite(store, keyring, { cityName: city, label: label ?? '第一位系统管理员', now, again: argv.includes('--again') })
    if (invite.orgCreated) lines.push(`已创建顶层单位「${invite.org.name}」。`)
    lines.push(
      `系统管理员邀请码：${invite.code}（只显示这一次，${new Date(invite.expiresAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} 前有效，只能用一次）`,
      `小程序页面路径：${invite.path}`,
      '交给第一位管理员：在微信里打开小程序（体验版或正式版），进入上面的页面（或 我的 → 工作人员 → 绑定邀请码），填姓名与邀请码，完成绑定后即为「系统管理员」。',
      '之后的各级工作人员由管理员在“团队”页邀请；本命令不必再用。',
    )
    return { code: 0, out: lines.join('\n') }
  } catch (err) {
    if (err instanceof FirstAdminRefused) return { code: 1, out: [...lines, err.message].join('\n') }
    return { code: 1, out: scrub([...lines, `cloud:admin 失败：${explainFailure(err, credentials)}`, '没有生成邀请码；修好后重新运行。'].join('\n'), credentials) }
  }
}

if (require.main === module) {
  void runCloudAdmin(process.argv.slice(2), process.env).then((run) => {
    ;(run.code === 0 ? process.stdout : process.stderr).write(`${run.out}\n`)
    process.exitCode = run.code
  })
}
