/**
 * The 申报表's figures for a community's year, read from its counter documents (one store read,
 * the same numbers its dashboard shows, plus one of the policies on its chain for 政策享受率 by group), and the self-evaluation report's first draft written
 * from them against each 创建标准.
 */
import type { ApplicationFigures, ApplicationReport, FormRatio, SetupSnapshot } from '../_shared/domain/evaluation'
import { yuanText } from '../_shared/domain/evaluation-form'
import { benefitRows, CRITERIA, type Criterion, flow, INDEX_DEFINITION_VERSION, type IndexKey, type IndexValue } from '../_shared/domain/indices'
import { type OrgSetup, setupChecks } from '../_shared/domain/org-setup'
import { shanghaiDate } from '../_shared/domain/time'
import type { Ctx } from '../_shared/runtime/action'
import { notFound } from '../_shared/runtime/errors'
import { communitySeries, criteriaOf, eligibleListOf, indicesOf } from '../_shared/application/figures-scope'
import { targetsFor } from '../_shared/application/targets'
import { sumEnjoyment } from '../_shared/application/enjoyment'

/** An index value as the form prints it: `18.0%`, `92.5 分`, `3`, or `—` when unknown. */
export function formatValue(unit: IndexValue['unit'], value: number | null): string {
  if (value === null) return '—'
  if (unit === 'percent') return `${(value * 100).toFixed(1)}%`
  if (unit === 'score') return `${value.toFixed(1)} 分`
  return String(value)
}

function ratio(indices: readonly IndexValue[], key: IndexKey): FormRatio {
  const i = indices.find((x) => x.key === key)
  return { num: i?.numerator ?? 0, den: i?.denominator ?? null, value: i?.value ?? null }
}

/** The 组织体系 the 申报表 lists, with the checklist's verdicts for `year`. */
export function setupSnapshot(setup: OrgSetup | null, year: number): SetupSnapshot {
  return {
    groupName: setup?.groupName ?? null,
    members: setup?.members.map((m) => ({ name: m.name, role: m.role, unit: m.unit })) ?? [],
    partners: setup?.partners ?? [],
    liaisons: setup?.liaisons ?? [],
    computers: setup?.computers ?? 0,
    printers: setup?.printers ?? 0,
    plan: setup?.plan ? { title: setup.plan.title, date: setup.plan.date } : null,
    publicity: setup?.publicity ? { title: setup.publicity.title, date: setup.publicity.date } : null,
    checks: setupChecks(setup, year).map((c) => ({ label: c.label, met: c.met, detail: c.detail })),
  }
}

/** The 组织体系 as a sentence of the report's first draft ('' when nothing is recorded). */
function setupSentence(s: SetupSnapshot | undefined): string {
  if (!s?.groupName) return ''
  const parts = [`成立${s.groupName}，成员 ${s.members.length} 人`]
  if (s.partners.length) parts.push(`共建单位 ${s.partners.join('、')}`)
  if (s.liaisons.length) parts.push(`挂点干部 ${s.liaisons.join('、')}`)
  const docs = [s.plan ? `制定《${s.plan.title}》` : '', s.publicity ? `《${s.publicity.title}》` : ''].filter(Boolean).join('和')
  return `${parts.join('，')}；配置计算机 ${s.computers} 台、打印机 ${s.printers} 台${docs ? `；${docs}` : ''}。`
}

/**
 * The figures of `communityId` for `year`, as of now, judged against the community's targets for
 * the year. The result is a snapshot: it records the date and the index definitions' version, so
 * a submitted 申报表 keeps what it said and the live figure can be shown beside it.
 */
export async function figuresFor(ctx: Ctx, communityId: string, year: number): Promise<ApplicationFigures> {
  const period = String(year)
  const org = await ctx.store.collection('orgs').get(communityId)
  if (!org) throw notFound('社区不存在')
  const series = await communitySeries(ctx, communityId, period)
  const asOf = shanghaiDate(ctx.now())
  // 政策享受率 (headline and per group) judged against the policies in force at the year's end: one read.
  const eligible = await eligibleListOf(ctx, [org], period)
  const indices = indicesOf([series], period, false, await targetsFor(ctx.store, org, year), asOf, eligible)
  const benefits = benefitRows([series], period)
  const value = (key: IndexKey) => indices.find((i) => i.key === key)?.value ?? 0
  const setup = setupSnapshot(await ctx.store.collection('orgSetups').get(communityId), year)
  return {
    at: ctx.now().toISOString(),
    asOf,
    definitionVersion: INDEX_DEFINITION_VERSION,
    staffInPlace: value('staffInPlace'),
    benefits,
    benefitCount: benefits.reduce((n, b) => n + b.count, 0),
    benefitAmount: benefits.reduce((n, b) => n + b.amount, 0),
    guided: flow(series, period, 'guided'),
    guidanceShare: ratio(indices, 'assistanceCoverage'),
    registered: flow(series, period, 'registered'),
    started: flow(series, period, 'started'),
    jobsCreated: flow(series, period, 'jobsCreated'),
    newEnterprises: value('newEnterprises'),
    newIndividual: value('newIndividual'),
    activityIndex: ratio(indices, 'activity'),
    policyEnjoyment: ratio(indices, 'policyEnjoyment'),
    enjoyment: sumEnjoyment(new Map([[communityId, series]]), period, new Map([[communityId, eligible(period)[0] ?? { all: false, mask: 0 }]])),
    employmentDriven: ratio(indices, 'employmentDriven'),
    survival12: ratio(indices, 'survival12'),
    survival24: ratio(indices, 'survival24'),
    employmentContribution: ratio(indices, 'employmentContribution'),
    criteria: criteriaOf(indices).map((c) => ({
      criterion: c.criterion,
      label: c.label,
      met: c.met,
      of: c.of,
      items: indices
        .filter((i) => i.criterion === c.criterion)
        .map((i) => ({
          label: i.label,
          text: `${formatValue(i.unit, i.value)}${i.target ? `（目标 ${i.target.text}${i.target.source === 'local' ? '，本级自定' : ''}）` : ''}${i.value === null && i.missing ? `：${i.missing}` : ''}`,
          light: i.light,
        })),
    })),
    setup,
  }
}

const pct = (r: FormRatio) => (r.value === null ? '暂无数据' : `${(r.value * 100).toFixed(1)}%`)

/** The report's first draft for one 创建标准: what the figures say, for the community to complete. */
export function draftSection(criterion: Criterion, f: ApplicationFigures): string {
  const c = f.criteria.find((x) => x.criterion === criterion)
  const status = c && c.of ? `量化指标达标 ${c.met} / ${c.of} 项。` : ''
  switch (criterion) {
    case 'organisation':
      return `社区配备创业指导员 ${f.staffInPlace} 名。${setupSentence(f.setup)}${status}（请补充：${f.setup?.groupName ? '' : '创建工作领导小组、'}工作制度、办公场所等情况）`
    case 'policy':
      return `本年度落实创业扶持政策 ${f.benefitCount} 人次，金额合计 ${yuanText(f.benefitAmount)}；政策享受率 ${pct(f.policyEnjoyment)}。${status}（请补充：政策宣传和落实的做法）`
    case 'environment':
      return `创业活动指数 ${pct(f.activityIndex)}（参与创业 ${f.activityIndex.num} 人）。${status}（请补充：创业氛围营造、办事便利、居民反馈处理等情况）`
    case 'assistance':
      return `本年度新登记创业意向 ${f.registered} 人，开展一对一指导 ${f.guided} 人次，帮扶覆盖率 ${pct(f.guidanceShare)}。${status}（请补充：跟踪回访、项目推介、培训等帮扶做法）`
    case 'results':
      return `本年度帮扶成功创业 ${f.started} 人，带动就业 ${f.jobsCreated} 人；新办企业 ${f.newEnterprises} 户、个体工商户 ${f.newIndividual} 户；1 年存活率 ${pct(f.survival12)}，2 年存活率 ${pct(f.survival24)}。${status}`
  }
}

/** The whole report's first draft. */
export function draftReport(f: ApplicationFigures): ApplicationReport {
  const met = f.criteria.filter((c) => c.of > 0 && c.met === c.of).length
  return {
    sections: CRITERIA.map((c) => ({ criterion: c, text: draftSection(c, f) })),
    summary: `对照创业型社区五项创建标准，本社区量化指标全部达标的有 ${met} 项。（请补充：总体评价、存在的不足和下一步打算）`,
  }
}
