/**
 * The 创业意向 questionnaire as the resident (intent-form) and a worker (ledger-register) fill it
 * in: the same fields and test ids, each voice's wording, and every control writing its own answer.
 * Rendered to markup with Taro's components as plain elements; the chips' and pickers' props are
 * recorded so their onChange can be called as a tap would.
 */
import * as React from 'react'

type Props = Record<string, unknown>
const recorded: { kind: string; props: Props }[] = []

jest.mock('@tarojs/components', () => {
  const R = jest.requireActual<typeof import('react')>('react')
  const host = (tag: string, kind: string) => (props: Props) => {
    recorded.push({ kind, props })
    const { children, className, nativeProps, placeholder } = props as { children?: React.ReactNode; className?: string; nativeProps?: Props; placeholder?: string }
    const data = Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith('data-')))
    return R.createElement(tag, { className, placeholder, ...data, ...(nativeProps ?? {}) }, children)
  }
  return { View: host('div', 'View'), Text: host('span', 'Text'), Input: host('input', 'Input'), Textarea: host('textarea', 'Textarea') }
})
jest.mock('../../choice-chips', () => (props: Props) => {
  recorded.push({ kind: 'ChoiceChips', props })
  return null
})
jest.mock('../../group-picker', () => (props: Props) => {
  recorded.push({ kind: 'GroupPicker', props })
  return null
})
jest.mock('../../text-list-editor', () => (props: Props) => {
  recorded.push({ kind: 'TextListEditor', props })
  return null
})
jest.mock('../../form-field/index.scss', () => ({}))

import { emptyIntentAnswers, type CaseAnswers, IntentFamilyFields, IntentIdeaFields, IntentNeedFields, IntentPersonFields, type IntentVoice } from '../index'

const { renderToStaticMarkup } = require('react-dom/server') as { renderToStaticMarkup: (element: React.ReactElement) => string }
;(globalThis as { React?: typeof React }).React = React

function renderAll(voice: IntentVoice, form: CaseAnswers = emptyIntentAnswers()) {
  recorded.length = 0
  const sets: [keyof CaseAnswers, unknown][] = []
  const set = <K extends keyof CaseAnswers>(key: K, value: CaseAnswers[K]) => void sets.push([key, value])
  const props = { form, errors: { gender: '请选择性别' }, set, voice }
  const html = renderToStaticMarkup(
    <>
      <IntentPersonFields {...props} phoneHint='PHONE-HINT' idCardHint='ID-HINT' />
      <IntentFamilyFields {...props} />
      <IntentIdeaFields {...props} />
      <IntentNeedFields {...props} />
    </>,
  )
  return { html, sets }
}

const chips = (prefix: string) => recorded.find((r) => r.kind === 'ChoiceChips' && r.props.testIdPrefix === prefix)?.props

describe('the intent questionnaire fields', () => {
  it('render every answer with the test ids the browser tests use, in both voices', () => {
    for (const voice of ['resident', 'worker'] as const) {
      const { html } = renderAll(voice)
      for (const field of ['name', 'phone', 'idCard', 'gender', 'ageBand', 'education', 'household', 'targetGroups', 'familySituation', 'skillLevel', 'certificates', 'industry', 'projectDescription', 'projectPhase', 'needs', 'contactTime']) {
        expect(html).toContain(`data-testid="field-${field}"`)
      }
      expect(html).toContain('data-testid="field-familySituation-input"')
      expect(['gender', 'age', 'edu', 'household', 'skill', 'industry', 'phase', 'contact', 'need'].every((p) => chips(p))).toBe(true)
      // The caller's hints, and the error beside its field.
      expect(html).toContain('PHONE-HINT')
      expect(html).toContain('ID-HINT')
      expect(html).toContain('请选择性别')
    }
  })

  it("speak to the resident as 你 and to the worker about the resident", () => {
    const resident = renderAll('resident').html
    expect(resident).toContain('你的真实姓名')
    expect(resident).toContain('现在到哪一步了')
    expect(resident).toContain('什么时候方便联系你')
    expect(resident).not.toContain('居民的真实姓名')
    const worker = renderAll('worker').html
    expect(worker).toContain('居民的真实姓名')
    expect(worker).toContain('项目进展')
    expect(worker).toContain('方便联系的时间')
    expect(worker).not.toContain('你的真实姓名')
  })

  it('ask for the funding gap only when money is among the help wanted', () => {
    expect(renderAll('worker').html).not.toContain('field-fundingAmount')
    const { html } = renderAll('worker', { ...emptyIntentAnswers(), needs: ['funding'] })
    expect(html).toContain('data-testid="field-fundingAmount-input"')
    expect(html).toContain('资金缺口（元）')
  })

  it('write each control into its own answer', () => {
    const { sets } = renderAll('resident')
    ;(chips('gender')?.onChange as (v: string) => void)('female')
    ;(chips('phase')?.onChange as (v: string) => void)('idea')
    ;(chips('need')?.onChange as (v: string[]) => void)(['funding', 'training'])
    ;(recorded.find((r) => r.kind === 'GroupPicker')?.props.onChange as (v: string[]) => void)(['veteran'])
    const name = recorded.find((r) => r.kind === 'Input' && (r.props.nativeProps as Props)['data-testid'] === 'field-name-input')?.props
    ;(name?.onInput as (e: { detail: { value: string } }) => void)({ detail: { value: '李华' } })
    const family = recorded.find((r) => r.kind === 'Textarea')?.props
    ;(family?.onInput as (e: { detail: { value: string } }) => void)({ detail: { value: '一家三口' } })
    expect(sets).toEqual([
      ['gender', 'female'],
      ['projectPhase', 'idea'],
      ['needs', ['funding', 'training']],
      ['targetGroups', ['veteran']],
      ['name', '李华'],
      ['familySituation', '一家三口'],
    ])
  })
})
