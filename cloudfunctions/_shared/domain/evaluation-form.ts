/**
 * The 申报表 and the self-evaluation report as rows of text: the printable pages and the .xlsx
 * download render exactly these, so paper and file always say the same thing.
 */
import { type ApplicationFigures, type EvaluationApplication, EVALUATION_STATUS_LABELS, EVALUATION_STEP_LABELS, type FormRatio, type SetupSnapshot } from './evaluation'
import { CRITERION_LABELS, LIGHT_LABELS } from './indices'
import { ROLE_LABELS } from './roles'
import { dayText, minuteText } from './time'
import { percentText } from './percent'

/** A titled block of label / value rows. */
export interface DocSection {
  title: string
  rows: [string, string][]
}

/** `18.0%（9 / 50）`, or `暂无数据` with no denominator. */
export function ratioText(r: FormRatio): string {
  if (r.value === null) return `暂无数据（${r.num} / —）`
  return `${percentText(r.value)}（${r.num} / ${r.den ?? '—'}）`
}

/** `12,500 元`. */
export function yuanText(n: number): string {
  return `${n.toLocaleString('en-US')} 元`
}


/** 组织体系 rows of the 申报表: the 创建组织, its members, equipment and the year's documents (or that none was recorded). */
function setupRows(s: SetupSnapshot | undefined): [string, string][] {
  if (!s) return [['创建组织', '（申报时尚未登记组织体系）']]
  const doc = (d: SetupSnapshot['plan']) => (d ? `《${d.title}》（${d.date}）` : '（未登记）')
  return [
    ['创建组织', s.groupName ?? '（未登记）'],
    ['组织成员', s.members.length ? s.members.map((m) => `${m.name}（${m.role}，${m.unit}）`).join('；') : '（未登记）'],
    ['共建单位', s.partners.join('、') || '（未登记）'],
    ['挂点干部', s.liaisons.join('、') || '（未登记）'],
    ['设备', `计算机 ${s.computers} 台，打印机 ${s.printers} 台`],
    ['创建工作计划', doc(s.plan)],
    ['宣传方案', doc(s.publicity)],
  ]
}

/** The 申报表: who applies, then the year's figures under the five 创建标准. */
export function formSections(app: Pick<EvaluationApplication, 'communityName' | 'year' | 'status' | 'form'> & { figures: ApplicationFigures }): DocSection[] {
  const f = app.figures
  return [
    {
      title: '基本情况',
      rows: [
        ['申报社区', app.communityName],
        ['申报年度', `${app.year} 年`],
        ['联系人', app.form.contactName || '（未填写）'],
        ['联系电话', app.form.contactPhone || '（未填写）'],
        ['社区基本情况', app.form.overview || '（未填写）'],
        ['申报状态', EVALUATION_STATUS_LABELS[app.status]],
        ['数据截至', minuteText(f.at)],
      ],
    },
    { title: `一、${CRITERION_LABELS.organisation}`, rows: [['创业指导员在岗', `${f.staffInPlace} 名`], ...setupRows(f.setup)] },
    {
      title: `二、${CRITERION_LABELS.policy}`,
      rows: [
        ...f.benefits.map((b): [string, string] => [b.label, `${b.count} 人次，${yuanText(b.amount)}`]),
        ['合计', `${f.benefitCount} 人次，${yuanText(f.benefitAmount)}`],
        ['政策享受率', ratioText(f.policyEnjoyment)],
        ...(f.enjoyment ?? []).map((r): [string, string] => [
          r.key === 'all' ? '符合在效政策的创业者享受率' : `享受率 · ${r.label}`,
          `${ratioText({ num: r.benefited, den: r.eligible, value: r.value })}${r.missing ? `，应享未享 ${r.missing} 人` : ''}`,
        ]),
      ],
    },
    { title: `三、${CRITERION_LABELS.environment}`, rows: [['创业活动指数', ratioText(f.activityIndex)]] },
    {
      title: `四、${CRITERION_LABELS.assistance}`,
      rows: [
        ['新登记创业意向', `${f.registered} 人`],
        ['一对一指导', `${f.guided} 人次`],
        ['帮扶覆盖率（已指导 / 提出帮扶需求）', ratioText(f.guidanceShare)],
      ],
    },
    {
      title: `五、${CRITERION_LABELS.results}`,
      rows: [
        ['帮扶成功创业', `${f.started} 人`],
        ['带动就业', `${f.jobsCreated} 人`],
        ['新办企业', `${f.newEnterprises} 户`],
        ['新办个体工商户', `${f.newIndividual} 户`],
        ['创业带动就业占比', ratioText(f.employmentDriven)],
        ['1 年存活率', ratioText(f.survival12)],
        ['2 年存活率', ratioText(f.survival24)],
      ],
    },
  ]
}

/** The self-evaluation report: per 创建标准 the figures with their lights and the community's text, then the summary. */
export function reportSections(app: Pick<EvaluationApplication, 'report'> & { figures: ApplicationFigures }): DocSection[] {
  const sections = app.figures.criteria.map((c, i): DocSection => {
    const text = app.report.sections.find((s) => s.criterion === c.criterion)?.text ?? ''
    return {
      title: `${['一', '二', '三', '四', '五'][i] ?? ''}、${c.label}${c.of ? `（量化指标达标 ${c.met} / ${c.of}）` : ''}`,
      rows: [...c.items.map((it): [string, string] => [it.label, `${it.text}${it.light === 'none' ? '' : ` · ${LIGHT_LABELS[it.light]}`}`]), ['自评', text || '（未填写）']],
    }
  })
  return [...sections, { title: '总结', rows: [['自评总结', app.report.summary || '（未填写）']] }]
}

/** Who did what, when, with their opinion. */
export function historySection(app: Pick<EvaluationApplication, 'history'>): DocSection {
  return {
    title: '流程记录',
    rows: app.history.map((h): [string, string] => [
      `${minuteText(h.at)} ${EVALUATION_STEP_LABELS[h.step]}`,
      `${h.byName}（${ROLE_LABELS[h.byRole]}）${h.note ? `：${h.note}` : ''}${h.late ? '（逾期）' : ''}`,
    ]),
  }
}

/** One signed opinion on the printed form: who, on which day, what they wrote. */
export interface SignedOpinion {
  /** 同意 / 退回 / 认定 / 不予认定, or '' when the level has not acted. */
  decision: string
  byName: string
  /** Shanghai day, YYYY-MM-DD, or ''. */
  date: string
  note: string
}

/**
 * The opinion blocks the seeds ask the reviewers to write on the form, filled from the chain's
 * latest entries: the community's submission (signature), the street's initial review and the
 * district's certification. A level that has not acted yet leaves its block blank for ink.
 */
export function chainOpinions(app: Pick<EvaluationApplication, 'history'>): { community: SignedOpinion; street: SignedOpinion; district: SignedOpinion } {
  const latest = (steps: readonly string[]) => [...app.history].reverse().find((h) => steps.includes(h.step))
  const signed = (steps: readonly string[], decisions: Record<string, string>): SignedOpinion => {
    const h = latest(steps)
    return h ? { decision: decisions[h.step] ?? '', byName: h.byName, date: dayText(h.at), note: h.note } : { decision: '', byName: '', date: '', note: '' }
  }
  return {
    community: signed(['submit'], { submit: '已提交' }),
    street: signed(['pass', 'return'], { pass: '同意上报', return: '退回修改' }),
    district: signed(['certify', 'reject'], { certify: '同意认定', reject: '不予认定' }),
  }
}
