import { fieldKindOf, fitField, matchesPush, parseLayout, templateData, wechatTime } from '../notify'

describe('subscribe-message fields cut to WeChat’s per-field rules', () => {
  it('keeps thing within 20 characters, counting each Chinese character as one, and marks the cut', () => {
    const title = '关于进一步做好高校毕业生和返乡农民工一次性创业补贴申领工作的通知'
    const fitted = fitField('thing', title)
    expect(Array.from(fitted)).toHaveLength(20)
    expect(fitted.endsWith('…')).toBe(true)
    expect(fitField('thing', '场租补贴')).toBe('场租补贴')
    expect(fitField('thing', '第一行\n第二行')).toBe('第一行 第二行')
    expect(fitField('thing', '   ')).toBe('—')
  })

  it('keeps phrase to at most 5 Chinese characters and nothing else', () => {
    expect(fitField('phrase', '一次性创业补贴')).toBe('一次性创业')
    expect(fitField('phrase', 'A级 通过!')).toBe('级通过')
    expect(fitField('phrase', 'OK')).toBe('通知')
  })

  it('fits the other kinds: name, number, letter, symbol, character_string, phone, car number, amount', () => {
    expect(fitField('name', '欧阳一二三四五六七八九')).toBe('欧阳一二三四五六七八')
    expect(fitField('name', 'Alexandra Catherine Smith')).toHaveLength(20)
    expect(fitField('number', '5000 元')).toBe('5000')
    expect(fitField('number', '12.50')).toBe('12.50')
    expect(fitField('letter', 'abc-123-def')).toBe('abcdef')
    expect(fitField('symbol', '!@#$%^&*')).toBe('!@#$%')
    expect(fitField('character_string', 'POL-2026-001 第二版').length).toBeLessThanOrEqual(32)
    expect(fitField('character_string', 'POL-2026-001 第二版')).toBe('POL-2026-001')
    expect(fitField('phone_number', '电话 0812-3335123')).toBe('0812-3335123')
    expect(fitField('phone_number', '+86-0766-66888866123456').length).toBeLessThanOrEqual(17)
    expect(fitField('car_number', '川 C 12345 挂车')).toBe('川C12345挂')
    expect(fitField('amount', '最高 300000.555 元')).toBe('¥300000.55')
    expect(fitField('amount', '12345678901234')).toBe('¥1234567890')
  })

  it('writes times as WeChat shows them, in Shanghai time', () => {
    expect(wechatTime('2026-11-22T02:30:00.000Z')).toBe('2026年11月22日 10:30')
    expect(wechatTime('2026-12-31T16:05:00.000Z')).toBe('2027年1月1日 00:05')
  })

  it('reads a template layout and fills every field by its kind', () => {
    expect(fieldKindOf('thing12')).toBe('thing')
    expect(fieldKindOf('character_string3')).toBe('character_string')
    expect(fieldKindOf('title')).toBeNull()
    const layout = parseLayout('thing1:title, phrase2:category ,time3:time')
    const data = templateData(layout, {
      title: '返乡农民工创业担保贷款及贴息政策（2026 年修订版）',
      category: '创业担保贷款',
      org: '测试区',
      time: wechatTime('2026-11-22T02:30:00.000Z'),
      note: '',
      benefit: '',
    })
    expect(data).toEqual({
      thing1: { value: '返乡农民工创业担保贷款及贴息政策（20…' },
      phrase2: { value: '创业担保贷' },
      time3: { value: '2026年11月22日 10:30' },
    })
    expect(() => parseLayout('title1:title')).toThrow(/not a WeChat field key/)
    expect(() => parseLayout('thing1:address')).toThrow(/not one of/)
  })
})

describe('matchesPush', () => {
  const policy = { category: 'startup_subsidy' as const, targetGroups: ['graduate' as const] }
  const sub = { active: true, communityId: 'comm-a', categories: [], targetGroups: [] }
  const target = { communityIds: ['comm-a'], targetGroups: [] }
  it('treats an empty topic as any, and needs the community, the category and the groups to fit', () => {
    expect(matchesPush(sub, policy, target)).toBe(true)
    expect(matchesPush({ ...sub, active: false }, policy, target)).toBe(false)
    expect(matchesPush({ ...sub, communityId: null }, policy, target)).toBe(false)
    expect(matchesPush(sub, policy, { ...target, communityIds: ['comm-b'] })).toBe(false)
    expect(matchesPush({ ...sub, categories: ['tax_relief'] }, policy, target)).toBe(false)
    expect(matchesPush({ ...sub, targetGroups: ['veteran'] }, policy, target)).toBe(false)
    expect(matchesPush({ ...sub, targetGroups: ['veteran'] }, policy, { ...target, targetGroups: ['veteran'] })).toBe(true)
  })
})
