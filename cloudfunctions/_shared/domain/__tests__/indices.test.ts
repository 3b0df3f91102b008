import { type Contribution, counterId, periodsOfMetric } from '../counter'
import { flow, monthlyFlow, type Metrics, stock, toIndex, INDEX_DEF_BY_KEY, type IndexKey, type Series, sumFigures } from '../indices'
import { addMonths, type Intent, intentContributions } from '../intent'
import { periodsOf } from '../period'

/** Sums contributions into period documents the way the counters do. */
function seriesFrom(list: readonly Contribution[], extra: Record<string, Metrics> = {}): Series {
  const out = new Map<string, Metrics>()
  for (const c of list) {
    const periods = Object.values(periodsOf(new Date(`${c.date}T12:00:00+08:00`)))
    for (const [k, n] of Object.entries(c.inc)) {
      for (const period of periodsOfMetric(k, periods)) {
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
function theCase(over: Partial<Intent> = {}): Intent {
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
  } as Intent
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
    return toIndex(key, period, [def.figure(s, period)], [def.figure(s, '2000')], false)
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

  it('1- and 2-year survival read the cohort one and two years back', () => {
    expect(index('survival12', s, '2025').value).toBe(1) // cohort 2024: the shop survived
    const y26 = index('survival12', s, '2026') // cohort 2025: the company closed after 8 months
    expect([y26.numerator, y26.denominator, y26.value, y26.light]).toEqual([0, 1, 0, 'below'])
    expect(index('survival24', s, '2026').value).toBe(1)
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

  it('new businesses are judged against the previous period', () => {
    const g = new Map([
      ['2026-M10', { ventures_individual: 5 }],
      ['2026-M11', { ventures_individual: 4 }],
    ])
    const def = INDEX_DEF_BY_KEY.get('newIndividual')!
    const i = toIndex('newIndividual', '2026-M11', [def.figure(g, '2026-M11')], [def.figure(g, '2026-M10')], false)
    expect([i.value, i.previous, i.light]).toEqual([4, 5, 'close'])
  })
})

describe('feedback indices (创业环境)', () => {
  const fb: Series = new Map<string, Metrics>([
    ['2026-M10', { complaintsUnresolved: 2 }],
    ['2026-M11', { feedbackAnswered: 5, feedbackAnsweredOnTime: 4, feedbackRatings: 2, feedbackRatingSum: 9, complaintsUnresolved: -1 }],
  ])
  const index = (key: IndexKey, period: string) => {
    const def = INDEX_DEF_BY_KEY.get(key)!
    return toIndex(key, period, [def.figure(fb, period)], [], false)
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
    const i = toIndex('activity', '2026-M11', [a, b, c], [], true)
    expect(i.value).toBe(0.25)
    expect(i.coverage).toEqual({ with: 2, of: 3 })
  })

  it('count staff in place at an upper level as communities with someone in place', () => {
    const i = toIndex('staffInPlace', '2026-M11', [{ num: 2, den: 1 }, { num: 0, den: 1 }], [], true)
    expect([i.numerator, i.denominator, i.value, i.light]).toEqual([1, 2, 0.5, 'below'])
  })
})

it('counter ids join org and period', () => {
  expect(counterId('comm-a', '2026-M11')).toBe('comm-a:2026-M11')
})
