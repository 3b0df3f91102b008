import * as v from 'valibot'
import { check, editVersionSchema, versionWhenEditing } from '../common'
import { projectSaveInput } from '../project'

describe('versionWhenEditing: an edit names the version it started from, a new record none', () => {
  const schema = v.pipe(v.object({ id: v.optional(v.string()), version: editVersionSchema, title: v.string('缺少标题') }), versionWhenEditing())

  it('lets a new record through without a version, and an edit with one', () => {
    expect(check(schema, { title: 'x' })).toEqual({ ok: true, value: { title: 'x' } })
    expect(check(schema, { id: 'p1', version: 3, title: 'x' })).toEqual({ ok: true, value: { id: 'p1', version: 3, title: 'x' } })
  })

  it('refuses an edit without a version on the version field', () => {
    expect(check(schema, { id: 'p1', title: 'x' })).toEqual({ ok: false, fields: [{ path: 'version', message: '缺少版本号' }] })
  })

  it('says nothing about the version while other fields are wrong', () => {
    expect(check(schema, { id: 'p1', title: 1 })).toEqual({ ok: false, fields: [{ path: 'title', message: '缺少标题' }] })
  })

  it('holds in a real save form (project.save)', () => {
    const project = { title: '社区早餐店', industry: 'catering', investment: '1to5', description: '在社区门口开一家早餐店，卖包子豆浆', contactName: '王娟', contactPhone: '13800000000' }
    expect(check(projectSaveInput, project).ok).toBe(true)
    expect(check(projectSaveInput, { ...project, id: 'prj_1', version: 2 }).ok).toBe(true)
    expect(check(projectSaveInput, { ...project, id: 'prj_1' })).toEqual({ ok: false, fields: [{ path: 'version', message: '缺少版本号' }] })
  })
})
