import {
  computeIndex,
  type Level,
  levelScore,
  responseContributions,
  responseMetrics,
  responseScore,
  type SurveyDimension,
  type SurveyQuestion,
  surveyState,
  tallyDelta,
  tallyFromResponses,
} from '../survey'
import { SURVEY_TEMPLATES } from '../survey-templates'
import { diffContributions } from '../counter'

const dims = (wa: number, wb: number): SurveyDimension[] => [
  { key: 'a', label: '甲', weight: wa },
  { key: 'b', label: '乙', weight: wb },
]
const questions: SurveyQuestion[] = [
  { id: 'qa1', text: '甲一', dimension: 'a', allowComment: false },
  { id: 'qa2', text: '甲二', dimension: 'a', allowComment: true },
  { id: 'qb1', text: '乙一', dimension: 'b', allowComment: false },
]
// Hand-computed below: scores 非常满意 100, 满意 75, 一般 50, 不满意 25, 非常不满意 0.
const answers: Level[][] = [
  [5, 4, 3], // 100, 75, 50
  [4, 4, 1], // 75, 75, 0
  [2, 5, 5], // 25, 100, 100
]

describe('satisfaction index', () => {
  const survey = { _id: 's1', questions, dimensions: dims(2, 1) }
  const tally = tallyFromResponses(survey, answers.map((levels) => ({ levels })))

  it('maps the five answers linearly onto 0–100', () => {
    expect(([1, 2, 3, 4, 5] as Level[]).map(levelScore)).toEqual([0, 25, 50, 75, 100])
  })

  it('computes per-question means, distributions and 满意率', () => {
    const idx = computeIndex(survey, tally)
    const [qa1, qa2, qb1] = idx.questions
    expect(qa1.counts).toEqual([0, 1, 0, 1, 1]) // levels 1..5
    expect(qa1.score).toBeCloseTo(200 / 3, 10) // (100 + 75 + 25) / 3
    expect(qa1.satisfactionRate).toBeCloseTo(2 / 3, 10)
    expect(qa2.score).toBeCloseTo(250 / 3, 10) // (75 + 75 + 100) / 3
    expect(qa2.satisfactionRate).toBe(1)
    expect(qb1.score).toBe(50) // (50 + 0 + 100) / 3
    expect(qb1.satisfactionRate).toBeCloseTo(1 / 3, 10)
  })

  it('averages every answer of a dimension and weights the composite', () => {
    const idx = computeIndex(survey, tally)
    expect(idx.dimensions.map((d) => [d.key, d.answers, d.score])).toEqual([
      ['a', 6, 75], // 450 / 6
      ['b', 3, 50],
    ])
    expect(idx.composite).toBeCloseTo((2 * 75 + 1 * 50) / 3, 10) // 66.67 with weights 2 : 1
    expect(idx.satisfactionRate).toBeCloseTo(6 / 9, 10)
    expect(idx.n).toBe(3)
    // Equal weights (the default) give the plain mean of the dimensions.
    expect(computeIndex({ ...survey, dimensions: dims(1, 1) }, tally).composite).toBe(62.5)
  })

  it('flags fewer than 30 responses as low confidence', () => {
    const many = (n: number) => tallyFromResponses(survey, Array.from({ length: n }, () => ({ levels: [4, 4, 4] as Level[] })))
    expect(computeIndex(survey, many(29)).lowConfidence).toBe(true)
    expect(computeIndex(survey, many(30)).lowConfidence).toBe(false)
    expect(computeIndex(survey, many(30)).composite).toBe(75)
  })

  it('has no score, only n = 0, before anyone answers', () => {
    const idx = computeIndex(survey, null)
    expect(idx).toMatchObject({ n: 0, composite: null, satisfactionRate: null, lowConfidence: true })
    expect(idx.dimensions.every((d) => d.score === null)).toBe(true)
  })

  it('the mean of respondents’ own composites equals the survey composite (what org counters sum)', () => {
    const scores = answers.map((l) => responseScore(survey, l))
    expect(scores).toEqual([75, 50, 75])
    expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeCloseTo(computeIndex(survey, tally).composite ?? NaN, 10)
  })
})

describe('tally and counter deltas', () => {
  it('a first answer adds one response; a changed answer moves levels only', () => {
    expect(tallyDelta(questions, null, [5, 4, 3])).toEqual({ c_qa1_5: 1, c_qa2_4: 1, c_qb1_3: 1, n: 1 })
    expect(tallyDelta(questions, [5, 4, 3], [5, 2, 3])).toEqual({ c_qa2_4: -1, c_qa2_2: 1 })
    expect(tallyDelta(questions, [5, 4, 3], [5, 4, 3])).toEqual({})
  })

  it('counter metrics of a replaced answer move the sums, never the response count', () => {
    const s = { kind: 'service' as const, questions, dimensions: dims(1, 1) }
    const first = responseMetrics(s, [5, 5, 5])
    expect(first).toEqual({
      satisfactionResponses: 1,
      satisfactionServiceResponses: 1,
      satisfactionServiceScoreCenti: 10000,
      satisfactionServiceAnswers: 3,
      satisfactionServiceSatisfied: 3,
    })
    const replaced = diffContributions(responseContributions(s, { firstOn: '2026-11-02', levels: [5, 5, 5] }), responseContributions(s, { firstOn: '2026-11-02', levels: [1, 1, 5] }))
    expect(replaced).toEqual([{ date: '2026-11-02', inc: { satisfactionServiceScoreCenti: -5000, satisfactionServiceSatisfied: -2 } }])
  })
})

describe('survey state and templates', () => {
  it('is open from its first to its last day, closed after it or when closed by staff', () => {
    const s = { status: 'published' as const, opensOn: '2026-11-01', closesOn: '2026-11-30' }
    expect(surveyState(s, '2026-10-31')).toBe('scheduled')
    expect(surveyState(s, '2026-11-01')).toBe('open')
    expect(surveyState(s, '2026-11-30')).toBe('open')
    expect(surveyState(s, '2026-12-01')).toBe('closed')
    expect(surveyState({ ...s, status: 'closed' }, '2026-11-15')).toBe('closed')
    expect(surveyState({ ...s, status: 'draft' }, '2026-11-15')).toBe('draft')
  })

  it('the seed templates cover the dimensions the seeds name, each with a question', () => {
    const env = SURVEY_TEMPLATES.find((t) => t.key === 'environment')
    const svc = SURVEY_TEMPLATES.find((t) => t.key === 'service')
    expect(env?.dimensions.map((d) => d.label)).toEqual(['政策扶持', '融资服务', '创业场地', '办事手续与证照', '创业培训', '公共服务', '创业氛围'])
    expect(svc?.dimensions.map((d) => d.label)).toEqual(['创业指导', '跟踪回访', '政策落实', '响应速度', '服务态度'])
    for (const t of SURVEY_TEMPLATES) {
      for (const d of t.dimensions) expect(t.questions.some((q) => q.dimension === d.key)).toBe(true)
      expect(new Set(t.questions.map((q) => q.id)).size).toBe(t.questions.length)
    }
  })
})
