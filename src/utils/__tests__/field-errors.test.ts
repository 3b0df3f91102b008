import { clearField, rowErrors, toFieldErrorMap } from '../field-errors'

describe('field errors', () => {
  const map = toFieldErrorMap([
    { path: 'contact.phone', message: '电话号码格式不对' },
    { path: 'materials.2', message: '请填写所需材料' },
    { path: 'materials', message: '所需材料最多 20 条' },
    { path: 'contact.phone', message: 'second message is ignored' },
  ])

  it('keeps the first message per dotted path', () => {
    expect(map['contact.phone']).toBe('电话号码格式不对')
  })

  it('maps list paths to row indexes', () => {
    expect(rowErrors(map, 'materials')).toEqual({ 2: '请填写所需材料' })
    expect(rowErrors(map, 'eligibility')).toEqual({})
  })

  it('clears a field and everything under it when it is edited', () => {
    const next = clearField(map, 'materials')
    expect(Object.keys(next)).toEqual(['contact.phone'])
  })
})
