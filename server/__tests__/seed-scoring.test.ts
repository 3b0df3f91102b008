import type { RubricOutput, ScoreRankingOutput, ScoreSheetOutput } from '../../cloudfunctions/_shared/contracts/evaluation'
import { makeEvaluationActions } from '../../cloudfunctions/evaluation/actions'
import { seedDemo } from '../seed'
import { demoDb } from './demo-db'

describe('demo 评审内容与评分', () => {
  it('东区 has its 评审内容 for the demo year and 炳草岗街道 has scored 金沙社区, ranked first', async () => {
    const { store, now, call } = demoDb(
      makeEvaluationActions(() => {
        throw new Error('no documents here')
      }),
    )
    await seedDemo(store, now, { forcePasswordChange: false })
    const rubric = await call<RubricOutput>('rubric', { year: 2026 }, 'st_dongqu')
    expect(rubric).toMatchObject({ custom: true, districtName: '东区', submitted: 1, mayEdit: false })
    expect(rubric.items.reduce((a, i) => a + i.weight, 0)).toBe(100)
    // 西区 has not written one: it starts from seed 000's items.
    expect(await call<RubricOutput>('rubric', { year: 2026 }, 'st_xiqu')).toMatchObject({ custom: false, mayEdit: true })

    // 定性 41 of 50 × 0.8 + 定量 41 of 50 × 1.2 = 82.
    const ranking = await call<ScoreRankingOutput>('scoreRanking', { year: 2026 }, 'st_dongqu')
    expect(ranking.districts).toHaveLength(1)
    expect(ranking.districts[0].rows[0]).toMatchObject({ communityName: '金沙社区', street: 82, reviewers: 82, rank: 1 })
    expect(ranking.districts[0].rows.filter((r) => r.rank === null)).toHaveLength(3)

    // The district sees the street's scores with comments and the live indices beside the 定量 items.
    const sheet = await call<ScoreSheetOutput>('scoreSheet', { communityId: 'c-jinsha', year: 2026 }, 'st_dongqu')
    expect(sheet.scores.street).toMatchObject({ status: 'submitted', byName: '炳草岗街道 陈静' })
    expect(sheet.scores.street?.items.every((i) => i.comment.length > 0)).toBe(true)
    expect(sheet.hints.n1[0]).toMatchObject({ key: 'staffInPlace', value: expect.stringMatching(/^\d+$/) })
    expect(sheet.may).toEqual({ score: true, reopen: ['street'] })
    await store.close()
  })
})
