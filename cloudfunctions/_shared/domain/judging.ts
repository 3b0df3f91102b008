/**
 * Judging rules (issue 21, brief item 4): the thresholds by which the app *judges* a figure — when a
 * 督查 task is 临期, when an index is 接近 its target, what a target weighs in the 目标责任考核. They are
 * not targets (no seed document sets them; targets are data, `target.ts`): the city's office chose
 * them, and every place that judges by one shows it with this source, as a target shows its own.
 * Each rule carries its value and its source together, so a figure cannot be judged by a bare number.
 *
 * Not yet: city-settable per year (they are the same for every year and org until then).
 */

/** Where a judging rule comes from: the city office's own decision, no document requires it. */
export const JUDGING_SOURCES = ['local'] as const
export type JudgingSource = (typeof JUDGING_SOURCES)[number]
export const JUDGING_SOURCE_LABELS: Record<JudgingSource, string> = { local: '本地规则（市创建办设定，非文件要求）' }

export const JUDGING_KEYS = ['atRiskDays', 'atRiskPercent', 'closeShare', 'dutyTargetWeight'] as const
export type JudgingKey = (typeof JUDGING_KEYS)[number]

export interface JudgingRule {
  key: JudgingKey
  value: number
  /** What the rule is, as a legend says it. */
  label: string
  /** The rule with its value, in words. */
  text: string
  source: JudgingSource
  sourceLabel: string
}

const rule = (key: JudgingKey, value: number, label: string, text: string): JudgingRule => ({ key, value, label, text, source: 'local', sourceLabel: JUDGING_SOURCE_LABELS.local })

export const JUDGING_RULES: Readonly<Record<JudgingKey, JudgingRule>> = {
  atRiskDays: rule('atRiskDays', 14, '临期天数', '截止日前 14 天内'),
  atRiskPercent: rule('atRiskPercent', 80, '临期进度线', '进度低于 80%'),
  closeShare: rule('closeShare', 0.8, '“接近”线', '达到目标的 80% 及以上（高于上年类：达到上年同期的 80% 及以上）'),
  dutyTargetWeight: rule('dutyTargetWeight', 1, '考核中每项目标的权重', '每项目标权重 1'),
}

/** A rule as a legend shows it: `临期天数：截止日前 14 天内（本地规则（市创建办设定，非文件要求））`. */
export function judgingText(r: JudgingRule): string {
  return `${r.label}：${r.text}（${r.sourceLabel}）`
}
