import { AT_RISK_DAYS, AT_RISK_PERCENT, DUTY_TARGET_WEIGHT, dutyState } from '../duty'
import { CLOSE_SHARE } from '../indices'
import { JUDGING_KEYS, JUDGING_RULES, JUDGING_SOURCE_LABELS, judgingText } from '../judging'

describe('judging rules carry their source (brief item 4)', () => {
  it('every rule is labelled 本地规则 and says itself in words', () => {
    for (const key of JUDGING_KEYS) {
      const r = JUDGING_RULES[key]
      expect(r.key).toBe(key)
      expect(r.source).toBe('local')
      expect(r.sourceLabel).toBe(JUDGING_SOURCE_LABELS.local)
      expect(r.sourceLabel).toContain('非文件要求')
      expect(judgingText(r)).toContain(r.label)
      expect(judgingText(r)).toContain('本地规则')
    }
  })

  it('the figures are judged by the labelled values, not by numbers of their own', () => {
    expect([AT_RISK_DAYS, AT_RISK_PERCENT, CLOSE_SHARE, DUTY_TARGET_WEIGHT]).toEqual([
      JUDGING_RULES.atRiskDays.value,
      JUDGING_RULES.atRiskPercent.value,
      JUDGING_RULES.closeShare.value,
      JUDGING_RULES.dutyTargetWeight.value,
    ])
    const task = { percent: JUDGING_RULES.atRiskPercent.value - 1, schedule: null, reports: [], createdAt: '2026-01-01T00:00:00.000Z' }
    const today = '2026-11-22'
    const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
    expect(dutyState({ ...task, deadline: inDays(JUDGING_RULES.atRiskDays.value) }, today)).toBe('at_risk')
    expect(dutyState({ ...task, deadline: inDays(JUDGING_RULES.atRiskDays.value + 1) }, today)).toBe('on_track')
    expect(dutyState({ ...task, percent: JUDGING_RULES.atRiskPercent.value, deadline: inDays(1) }, today)).toBe('on_track')
  })
})
