import { check, isoDateSchema, isPlaceholder } from '../common'
import { feedbackSubmitInput } from '../feedback'
import { signupInput } from '../event'
import { applySiteInput, requestMentorInput } from '../service'
import { enrolInput } from '../training'
import { policyDraftSchema } from '../policy'

/**
 * A picker's prompt or an empty default is never a value: the shared schemas (the form checks
 * with the same ones before sending, the server again on arrival) refuse it and name the field.
 */
const fieldsOf = (schema: Parameters<typeof check>[0], input: unknown) => {
  const r = check(schema, input)
  return r.ok ? [] : r.fields
}

describe('placeholders are never submitted as values', () => {
  it('recognises prompts, not answers', () => {
    for (const p of ['请选择你所在的社区', '请选择', '请输入姓名', '请填写', ' 选填 ', '未选择', '--']) expect(isPlaceholder(p)).toBe(true)
    for (const a of ['张小梅', '周三下午', '请尽快安排', '选址', '无', '2026-12-04']) expect(isPlaceholder(a)).toBe(false)
  })

  it('feedback: the community picker’s prompt or empty default is refused as communityId, 选填 as the name', () => {
    const base = { kind: 'suggestion', text: '活动的时间可以放在周末吗', anonymous: false }
    expect(fieldsOf(feedbackSubmitInput, { ...base, communityId: '请选择你所在的社区' })).toEqual([{ path: 'communityId', message: '请选择社区' }])
    expect(fieldsOf(feedbackSubmitInput, { ...base, communityId: '' })).toEqual([{ path: 'communityId', message: '请选择社区' }])
    expect(fieldsOf(feedbackSubmitInput, { ...base, communityId: 'comm-a', contactName: '选填' })[0]?.path).toBe('contactName')
    expect(fieldsOf(feedbackSubmitInput, { ...base, communityId: 'comm-a', contactName: '' })).toEqual([])
    // The kind chips start with nothing chosen: the empty default is refused with its own message.
    expect(fieldsOf(feedbackSubmitInput, { ...base, kind: '', communityId: 'comm-a' })).toEqual([{ path: 'kind', message: '请选择反馈类型' }])
  })

  it('sign-up, enrolment, mentor and site forms refuse a prompt in a short field, naming it', () => {
    expect(fieldsOf(signupInput, { eventId: 'ev1', name: '请输入姓名', phone: '13812345678', requestId: 'req-placeholder-01' })).toEqual([{ path: 'name', message: '请填写姓名' }])
    expect(fieldsOf(enrolInput, { courseId: 'c1', name: '请填写姓名', phone: '13812345678' })[0]).toEqual({ path: 'name', message: '请填写姓名' })
    expect(fieldsOf(requestMentorInput, { topic: '店面怎么选比较好', preferredTime: '请选择时间' })).toEqual([{ path: 'preferredTime', message: '请填写方便的时间' }])
    expect(fieldsOf(applySiteInput, { siteId: '请选择场地', note: '想开一家小面馆，要 30 平' })).toEqual([{ path: 'siteId', message: '编号格式不对' }])
  })

  it('an untouched date picker says to choose a date (staff policy form)', () => {
    expect(fieldsOf(isoDateSchema, '')).toEqual([{ path: '(root)', message: '请选择日期' }])
    expect(fieldsOf(isoDateSchema, '请选择日期')).toEqual([{ path: '(root)', message: '请选择日期' }])
    const r = check(policyDraftSchema, { validFrom: '' })
    expect(r.ok ? [] : r.fields.filter((f) => f.path === 'validFrom')).toEqual([{ path: 'validFrom', message: '请选择日期' }])
  })

  it('long free text is not judged: a complaint may begin with 请填写', () => {
    const r = check(feedbackSubmitInput, { kind: 'service_complaint', communityId: 'comm-a', text: '请填写', anonymous: true })
    // Too short on length, not refused as a prompt.
    expect(r.ok ? [] : r.fields).toEqual([{ path: 'text', message: expect.stringContaining('至少') }])
  })
})
