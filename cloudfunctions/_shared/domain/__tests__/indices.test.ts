import { type Contribution, counterId, MONTHLY_PREFIX } from '../counter'
import { ALL_OF_AGE, cohortMonthsOfAge, flow, type Figure, monthlyFlow, type Metrics, stock, toIndex, INDEX_DEF_BY_KEY, type IndexKey, type Series, sumFigures } from '../indices'
import { addMonths, type Case, intentContributions } from '../case'
import { periodsOf } from '../period'
import { resolveTarget, type ResolvedTarget, targetId, type TargetRecord } from '../target'
import { SEED_TARGET_YEAR, TARGET_SEEDS } from '../target-seeds'

/** The seeds' targets as the migration stores them for a city `city` (year 2010, standing since). */
const SEEDED: TargetRecord[] = TARGET_SEEDS.map((t) => ({
  _id: targetId(SEED_TARGET_YEAR, 'city', t.index), index: t.index, orgId: 'city', orgPath: ['city'], year: SEED_TARGET_YEAR, value: t.value, source: t.source, splitFrom: null, setBy: 'seed', setAt: '',
}))
/** The seeded target of `key` for the city in `period`'s year. */
function seeded(key: IndexKey, period: string): ResolvedTarget | null {
  return resolveTarget(SEEDED, key, INDEX_DEF_BY_KEY.get(key)!.unit, ['city'], Number(period.slice(0, 4)))
}
/** `toIndex` with the seeded target, the previous and last year's figures given. */
function judged(key: IndexKey, period: string, figures: Figure[], previous: Figure[] = [], upper = false, lastYear?: Figure[]) {
  return toIndex(key, period, figures, previous, upper, { target: seeded(key, period), lastYearFigures: lastYear })
}

/** Sums contributions into period documents the way the counters do. */
function seriesFrom(list: readonly Contribution[], extra: Record<string, Metrics> = {}): Series {
  const out = new Map<string, Metrics>()
  for (const c of list) {
    const periods = Object.values(periodsOf(new Date(`${c.date}T12:00:00+08:00`)))
    for (const [k, n] of Object.entries(c.inc)) {
      // As `seriesOf` hands them out: `mo_` metrics on their month only, the others on every period.
      for (const period of k.startsWith(MONTHLY_PREFIX) ? periods.slice(0, 1) : periods) {
        const m = out.get(period) ?? {}
        m[k] = (m[k] ?? 0) + n
        out.set(period, m)
      }
    }
  }
  for (const [p, m] of Object.entries(extra)) out.set(p, { ...(out.get(p) ?? {}), ...m })
  return out
}

/** A case: registered 10 Mar 2024 asking for help, guided 20 Mar, an individual business from 1 May 2024 (3 jobs, still
 * open), an enterprise 15 Jan – 30 Sep 2025 (5 jobs), a rent subsidy of 1,200 yuan on 1 Jun 2024, closed 30 Jun 2026. */
function theCase(over: Partial<Case> = {}): Case {
  const at = (d: string) => new Date(`${d}T12:00:00+08:00`).toISOString()
  return {
    _id: 'int_1',
    status: 'accepted',
    createdAt: at('2024-03-10'),
    askedHelp: true,
    needs: ['funding', 'training'],
    guidedAt: at('2024-03-20'),
    trainedAt: at('2024-04-15'),
    courseCompletedAt: at('2024-04-15'),
    startedAt: at('2024-05-01'),
    stage: 'closed',
    stageHistory: [{ stage: 'closed', at: at('2026-06-30'), byId: 's', byName: 's', note: '办结' }],
    ventures: [
      { id: 'v1', name: '早餐店', kind: 'individual', registrationDate: '2024-05-01', jobsCreated: 3, status: 'operating', closureDate: '', updatedAt: '', byName: '' },
      { id: 'v2', name: '食品公司', kind: 'enterprise', registrationDate: '2025-01-15', jobsCreated: 5, status: 'closed', closureDate: '2025-09-30', updatedAt: '', byName: '' },
    ],
    followUps: [],
    targetGroups: ['unemployed'],
    benefits: [{ id: 'b1', policyId: null, policyTitle: '场租补贴', kind: 'rent_subsidy', amountFen: 120_000, date: '2024-06-01', approvedBy: '', documentNo: '', note: '', eligible: true, overrideReason: '', loanId: null, at: '', byName: '', history: [] }],
    ...over,
  } as Case
}

describe('what a case counts for (intentContributions)', () => {
  const s = seriesFrom(intentContributions(theCase()))

  it('counts flows in the period they happened in', () => {
    expect(flow(s, '2024-M03', 'registered')).toBe(1)
    expect(flow(s, '2024-M03', 'guided')).toBe(1)
    // 培训覆盖率: asked for training at registration, completed a course in April.
    expect(flow(s, '2024-M03', 'askedTraining')).toBe(1)
    expect(flow(s, '2024-M04', 'trainedAsked')).toBe(1)
    expect(flow(s, '2024-M05', 'started')).toBe(1)
    expect(flow(s, '2024', 'jobsCreated')).toBe(3)
    expect(flow(s, '2025-Q1', 'jobsCreated')).toBe(5)
    expect(flow(s, '2025-Q1', 'ventures_enterprise')).toBe(1)
    expect(flow(s, '2024-Q2', 'ventures_individual')).toBe(1)
    expect(flow(s, '2024-M06', 'mo_bn_rent_subsidy')).toBe(1)
    expect(flow(s, '2024-M06', 'mo_bf_rent_subsidy')).toBe(120_000)
    expect(flow(s, '2024-M06', 'mo_gn_unemployed')).toBe(1)
    // Money metrics live on month documents only; a quarter or year sums its months.
    expect(flow(s, '2024-Q2', 'mo_bn_rent_subsidy')).toBe(0)
    expect(monthlyFlow(s, '2024-Q2', 'mo_bn_rent_subsidy')).toBe(1)
    expect(monthlyFlow(s, '2024', 'mo_bf_rent_subsidy')).toBe(120_000)
  })

  it('keeps engagement while the registration is open or a venture is under 42 months old', () => {
    expect(stock(s, '2024-M02', 'engaged')).toBe(0)
    expect(stock(s, '2024-M03', 'engaged')).toBe(1)
    // Closed in June 2026, but the May 2024 business still counts until 1 Nov 2027.
    expect(addMonths('2024-05-01', 42)).toBe('2027-11-01')
    expect(stock(s, '2027-M10', 'engaged')).toBe(1)
    expect(stock(s, '2027-M11', 'engaged')).toBe(0)
    expect(stock(s, '2027', 'engaged')).toBe(0)
  })

  it('tracks entrepreneurs and jobs in operation as stocks', () => {
    expect(stock(s, '2024-M04', 'entrepreneursOperating')).toBe(0)
    expect(stock(s, '2024-M05', 'entrepreneursOperating')).toBe(1)
    expect(stock(s, '2025-M12', 'entrepreneursOperating')).toBe(1)
    expect(stock(s, '2024-M05', 'jobsOperating')).toBe(3)
    expect(stock(s, '2025-M01', 'jobsOperating')).toBe(8)
    expect(stock(s, '2025-M09', 'jobsOperating')).toBe(3)
    expect(stock(s, '2025-Q3', 'jobsOperating')).toBe(3)
  })

  it('dates cohort numerators with their cohort', () => {
    expect(flow(s, '2024-M03', 'cohortStarted')).toBe(1)
    expect(flow(s, '2024', 'survived12')).toBe(1)
    expect(flow(s, '2025', 'survived12')).toBe(0) // closed after 8 months
    expect(flow(s, '2024', 'survived24')).toBe(1)
  })

  it('a withdrawn registration stops counting as registered and guided; its ventures and benefits stay', () => {
    const w = seriesFrom(intentContributions(theCase({ status: 'withdrawn', stage: 'started', stageHistory: [] })))
    expect(flow(w, '2024-M03', 'registered')).toBe(0)
    expect(stock(w, '2024-M12', 'guided')).toBe(0)
    expect(stock(w, '2024-M12', 'askedHelp')).toBe(0)
    expect(flow(w, '2024-M05', 'started')).toBe(1)
    expect(flow(w, '2024-M06', 'mo_bn_rent_subsidy')).toBe(1)
  })
})

describe('index formulas against hand-computed figures', () => {
  const index = (key: IndexKey, s: Series, period: string) => {
    const def = INDEX_DEF_BY_KEY.get(key)!
    return judged(key, period, [def.figure(s, period, ALL_OF_AGE)], [def.figure(s, '2000', ALL_OF_AGE)])
  }
  const s = seriesFrom(intentContributions(theCase()), { '2024': { base_workingAge: 8, base_employed: 20 }, '2024-M05': { base_newEmployment: 10 } })

  it('创业活动指数 = engaged ÷ working-age baseline, with its light', () => {
    const i = index('activity', s, '2024-M06')
    expect([i.numerator, i.denominator, i.value]).toEqual([1, 8, 0.125])
    expect(i.light).toBe('close') // 12.5% is at least 80% of 15%
  })

  it('says the baseline is missing instead of showing a number', () => {
    const i = index('activity', s, '2023-M06')
    expect(i.value).toBeNull()
    expect(i.missing).toBe('请先录入本期基数')
    expect(i.light).toBe('none')
  })

  it('创业带动就业占比 = (entrepreneurs + jobs in operation) ÷ employed', () => {
    const i = index('employmentDriven', s, '2024-M06')
    expect([i.numerator, i.denominator, i.value]).toEqual([4, 20, 0.2])
    expect(i.light).toBe('meets')
  })

  it('新增创业带动就业占新增就业 = (new entrepreneurs + their jobs) ÷ new employment of the period', () => {
    const i = index('newEmploymentDriven', s, '2024-M05')
    expect([i.numerator, i.denominator, i.value]).toEqual([4, 10, 0.4])
    expect(i.light).toBe('close')
    // A quarter without its own entry and with months missing has no denominator.
    expect(index('newEmploymentDriven', s, '2024-Q2').value).toBeNull()
  })

  it('初始创业成功率 reads the cohort registered in the period', () => {
    const i = index('initialSuccess', s, '2024-M03')
    expect([i.numerator, i.denominator, i.value]).toEqual([1, 1, 1])
  })

  it('1- and 2-year survival read the start-month cohorts one and two years back, against the seeded 60% / 70%', () => {
    expect(index('survival12', s, '2025').value).toBe(1) // cohort 2024-M05: the shop survived
    const y26 = index('survival12', s, '2026') // cohort 2025-M01: the company closed after 8 months
    expect([y26.numerator, y26.denominator, y26.value, y26.light]).toEqual([0, 1, 0, 'below'])
    expect(y26.target?.text).toBe('≥ 60%')
    expect(y26.target?.source).toBe('seed-001')
    expect(index('survival24', s, '2026').value).toBe(1)
    expect(index('survival24', s, '2026').target?.text).toBe('≥ 70%')
  })

  it('政策享受率 counts entrepreneurs with a benefit by the period end', () => {
    expect(index('policyEnjoyment', s, '2024-M05').value).toBe(0)
    expect(index('policyEnjoyment', s, '2024-M06').value).toBe(1)
  })

  it('帮扶覆盖率 = guided ÷ asked for help, cumulative', () => {
    const i = index('assistanceCoverage', s, '2024-M03')
    expect([i.numerator, i.denominator, i.value, i.light]).toEqual([1, 1, 1, 'meets'])
  })

  it('satisfaction is the mean score with n, flagged under 30 answers', () => {
    const sat = new Map([['2026-Q4', { satisfactionServiceResponses: 4, satisfactionServiceScoreCenti: 4 * 8500 }]])
    const i = index('satisfactionService', sat, '2026-Q4')
    expect([i.value, i.denominator, i.lowN]).toEqual([85, 4, true])
  })

  it('私营企业 / 个体工商户 are the net increase over the previous period end, judged on the year against seed 001', () => {
    // 2025: 1 200 individual businesses opened, 30 closed; 2026: 1 300 opened, 100 closed.
    const g: Series = new Map([
      ['2025', { operating_individual: 1170 }],
      ['2026-M03', { operating_individual: 1300 }],
      ['2026-M09', { operating_individual: -100 }],
      ['2026', { operating_individual: 1200 }],
    ])
    const def = INDEX_DEF_BY_KEY.get('newIndividual')!
    const y = judged('newIndividual', '2026', [def.figure(g, '2026', ALL_OF_AGE)], [def.figure(g, '2025', ALL_OF_AGE)])
    expect([y.value, y.previous, y.light, y.target?.text]).toEqual([1200, 1170, 'meets', '比上年净增 1180'])
    // A month is on its way to the year's target, not judged against it.
    const m = judged('newIndividual', '2026-M09', [def.figure(g, '2026-M09', ALL_OF_AGE)])
    expect([m.value, m.light]).toEqual([-100, 'none'])
    // Ventures add to and closures take from the stock the index reads.
    const c = seriesFrom(intentContributions(theCase()))
    expect(stock(c, '2025-M06', 'operating_enterprise')).toBe(1)
    expect(stock(c, '2025', 'operating_enterprise')).toBe(0)
    expect(judged('newEnterprises', '2025', [def && INDEX_DEF_BY_KEY.get('newEnterprises')!.figure(c, '2025', ALL_OF_AGE)]).value).toBe(0)
  })

  it('创业对就业的贡献率 = Δ(entrepreneurs + their jobs) ÷ Δ employed over the previous year, against seed 001’s 30%', () => {
    // The shop (1 entrepreneur + 3 jobs) opened in 2024; employed went from 100 (2023) to 110 (2024).
    const e = seriesFrom(intentContributions(theCase()), { '2023': { base_employed: 100 }, '2024': { base_employed: 110 } })
    const def = INDEX_DEF_BY_KEY.get('employmentContribution')!
    const i = judged('employmentContribution', '2024', [def.figure(e, '2024', ALL_OF_AGE)])
    expect([i.numerator, i.denominator, i.value, i.light, i.target?.text]).toEqual([4, 10, 0.4, 'meets', '≥ 30%'])
    // Without last year's baseline there is no growth to divide by.
    expect(judged('employmentContribution', '2023', [def.figure(e, '2023', ALL_OF_AGE)]).missing).toMatch(/上年同期/)
  })

  it('创业环境满意度 is judged against the same period a year before (seed 001: 明显提高)', () => {
    const sat: Series = new Map([
      ['2025', { satisfactionEnvironmentResponses: 40, satisfactionEnvironmentScoreCenti: 40 * 8000 }],
      ['2026', { satisfactionEnvironmentResponses: 40, satisfactionEnvironmentScoreCenti: 40 * 8200 }],
    ])
    const def = INDEX_DEF_BY_KEY.get('satisfactionEnvironment')!
    const up = judged('satisfactionEnvironment', '2026', [def.figure(sat, '2026', ALL_OF_AGE)], [], false, [def.figure(sat, '2025', ALL_OF_AGE)])
    expect([up.value, up.lastYear, up.light, up.target?.text]).toEqual([82, 80, 'meets', '高于上年同期'])
    const flat = judged('satisfactionEnvironment', '2025', [def.figure(sat, '2025', ALL_OF_AGE)], [], false, [def.figure(sat, '2024', ALL_OF_AGE)])
    expect(flat.light).toBe('none') // nothing a year before to compare with
  })

  it('a target the seeds never set is marked local and left out of the 创建标准 count', () => {
    expect(seeded('satisfactionService', '2026')?.source).toBe('local')
    expect(seeded('feedbackOnTime', '2026')?.source).toBe('local')
    expect(seeded('activity', '2026')?.source).toBe('seed-001')
  })
})

describe('feedback indices (创业环境)', () => {
  const fb: Series = new Map<string, Metrics>([
    ['2026-M10', { complaintsUnresolved: 2 }],
    ['2026-M11', { feedbackAnswered: 5, feedbackAnsweredOnTime: 4, feedbackRatings: 2, feedbackRatingSum: 9, complaintsUnresolved: -1 }],
  ])
  const index = (key: IndexKey, period: string) => {
    const def = INDEX_DEF_BY_KEY.get(key)!
    return judged(key, period, [def.figure(fb, period, ALL_OF_AGE)])
  }

  it('on-time answers ÷ answers in the period, against 90%', () => {
    const i = index('feedbackOnTime', '2026-M11')
    expect([i.numerator, i.denominator, i.value, i.light]).toEqual([4, 5, 0.8, 'close'])
  })

  it('the average rating of answers', () => {
    expect(index('feedbackRating', '2026-M11').value).toBe(4.5)
  })

  it('unresolved complaints are a stock that must be zero', () => {
    expect([index('complaintsUnresolved', '2026-M10').value, index('complaintsUnresolved', '2026-M10').light]).toEqual([2, 'below'])
    expect([index('complaintsUnresolved', '2026-M11').value, index('complaintsUnresolved', '2026-M11').light]).toEqual([1, 'below'])
    expect(index('complaintsUnresolved', '2026-M09').light).toBe('meets')
  })
})

describe('roll-ups', () => {
  it('sum numerators and denominators, never average ratios, and leave out communities without a baseline', () => {
    const a = { num: 1, den: 10 } // 10%
    const b = { num: 9, den: 30 } // 30%
    const c = { num: 5, den: null } // no baseline
    const { figure, coverage } = sumFigures([a, b, c])
    expect(figure).toEqual({ num: 10, den: 40 }) // 25%, not the 20% an average would give
    expect(coverage).toEqual({ with: 2, of: 3 })
    const i = judged('activity', '2026-M11', [a, b, c], [], true)
    expect(i.value).toBe(0.25)
    expect(i.coverage).toEqual({ with: 2, of: 3 })
  })

  it('count staff in place at an upper level as communities with someone in place', () => {
    const i = judged('staffInPlace', '2026-M11', [{ num: 2, den: 1 }, { num: 0, den: 1 }], [], true)
    expect([i.numerator, i.denominator, i.value, i.light]).toEqual([1, 2, 0.5, 'below'])
  })
})

describe('survival counts only cohorts that have reached the age (cohort by start month)', () => {
  const today = '2026-12-04'
  /** A venture registered `monthsAgo` months before today, still operating. */
  const venture = (monthsAgo: number) =>
    seriesFrom(
      intentContributions(
        theCase({
          _id: `v${monthsAgo}`,
          ventures: [{ id: 'v', name: '店', kind: 'individual', registrationDate: addMonths(today, -monthsAgo), jobsCreated: 1, status: 'operating', closureDate: '', updatedAt: '', byName: '' }],
          benefits: [],
        }),
      ),
    )
  const survival = (s: Series, key: 'survival12' | 'survival24', period: string) => {
    const def = INDEX_DEF_BY_KEY.get(key)!
    return toIndex(key, period, [def.figure(s, period, today)], [], false, { cohorts: def.cohorts?.(s, period, today) })
  }

  it('a venture started 11 months ago is in no 12-month figure; one started 13 months ago is', () => {
    const young = venture(11) // 2026-01-04
    const old = venture(13) // 2025-11-04
    for (const p of ['2026', '2026-Q4', '2026-M12', '2027', '2027-M01']) expect(survival(young, 'survival12', p).denominator).toBeNull()
    const y = survival(old, 'survival12', '2026')
    expect([y.numerator, y.denominator, y.value]).toEqual([1, 1, 1])
    expect(y.cohorts).toEqual([{ cohort: '2025-M11', num: 1, den: 1 }])
    expect(survival(old, 'survival12', '2026-M11').denominator).toBe(1)
    // The same 13-month-old venture is not yet in any 24-month figure.
    expect(survival(old, 'survival24', '2027').denominator).toBeNull()
  })

  it('a cohort month counts once its last day is 12 months past, so a partly grown month waits', () => {
    expect(cohortMonthsOfAge('2026', 12, today)).toEqual(['2025-M01', '2025-M02', '2025-M03', '2025-M04', '2025-M05', '2025-M06', '2025-M07', '2025-M08', '2025-M09', '2025-M10', '2025-M11'])
    expect(cohortMonthsOfAge('2026', 24, today)).toHaveLength(11)
    expect(cohortMonthsOfAge('2026-M12', 12, today)).toEqual([])
    expect(cohortMonthsOfAge('2025', 12, today)).toHaveLength(12)
  })
})

it('counter ids join org and period', () => {
  expect(counterId('comm-a', '2026-M11')).toBe('comm-a:2026-M11')
})
