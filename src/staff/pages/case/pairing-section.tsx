import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import type { CaseView } from '@shared/contracts/intent'
import { can } from '@shared/domain/roles'
import { shanghaiDate } from '@shared/domain/time'
import Chip from '../../../components/chip'
import { FieldTextarea } from '../../../components/form-field'
import { useLoad } from '../../../hooks/use-load'
import { pairCase, pairFollowUp, unpairCase } from '../../../services/intent/intent'
import { getMe } from '../../../services/profile/profile'
import { toastText } from '../../../utils/toast'
import { useAction } from '../../../hooks/use-action'

/**
 * 领导干部联系挂帮 on a case: the leaders paired with it (current and past, with reason and dates);
 * for a street, district or city leader, 我来挂帮 / 记录挂帮跟进 / 结束挂帮. The server checks the
 * leader's area again (403 outside it).
 */
export function PairingSection({ c, onReload }: { c: CaseView; onReload: () => void }) {
  const me = useLoad(() => getMe(), [])
  const staff = me.data?.kind === 'staff' ? me.data.staff : null
  const mayPair = staff ? can(staff.role, 'pairing.write') : false
  const mine = c.pairings?.find((p) => p.active && p.mine) ?? null
  const [text, setText] = useState('')
  const action = useAction(() => {
    setText('')
    onReload()
  })
  const busy = action.busy
  const today = shanghaiDate(new Date())
  const pairings = c.pairings ?? []
  if (!pairings.length && !mayPair) return null

  const run = async (work: () => Promise<unknown>, done: string) => {
    if (text.trim().length < 2) return toastText(mine ? '请写几句跟进内容或结束原因' : '请写明挂帮原因')
    await action.run(work, done)
  }

  return (
    <View className='case__card' data-testid='pairings'>
      <Text className='case__card-title'>领导干部挂帮</Text>
      {pairings.length === 0 ? <Text className='case__muted'>还没有领导干部挂帮这位创业者</Text> : null}
      {pairings.map((p) => (
        <View key={p.leaderId} className='case__log' data-testid='pairing' data-active={String(p.active)}>
          <View className='case__log-head'>
            <Chip small tone={p.active ? 'success' : 'neutral'} label={p.active ? '挂帮中' : '已结束'} />
            <Text className='case__log-meta'>
              {p.leaderName} · {p.leaderOrgName} · {p.pairedOn} 起{p.active ? '' : `，${p.unpairedOn} 结束`}
            </Text>
          </View>
          <Text className='case__log-text'>原因：{p.reason}</Text>
          {p.active ? <Text className='case__log-extra'>{p.lastFollowUpOn ? `最近一次挂帮跟进：${p.lastFollowUpOn}` : '还没有挂帮跟进'}</Text> : <Text className='case__log-extra'>结束原因：{p.unpairReason}</Text>}
        </View>
      ))}
      {mayPair ? (
        <View className='case__form case__form--flat' data-testid='pairing-form'>
          {mine ? (
            <FieldTextarea value={text} onInput={setText} maxlength={500} placeholder='这次跟进做了什么（或结束挂帮的原因）' testId='pairing-text' />
          ) : (
            <Input className='form-field__input' value={text} maxlength={200} placeholder='为什么挂帮这位创业者（如：返乡创业、带动就业多）' onInput={(e) => setText(e.detail.value)} nativeProps={{ 'data-testid': 'pairing-text' }} />
          )}
          {mine ? (
            <View className='case__chips'>
              <AtButton size='small' type='primary' disabled={busy} onClick={() => void run(() => pairFollowUp({ caseId: c._id, kind: 'guidance', date: today, note: text.trim(), outcome: '', nextFollowUpDate: '' }), '已记录挂帮跟进')}>
                记录挂帮跟进
              </AtButton>
              <AtButton size='small' disabled={busy} onClick={() => void run(() => unpairCase({ caseId: c._id, reason: text.trim(), unpairedOn: today }), '已结束挂帮')}>
                结束挂帮
              </AtButton>
            </View>
          ) : (
            <AtButton size='small' type='primary' disabled={busy} onClick={() => void run(() => pairCase({ caseId: c._id, reason: text.trim(), pairedOn: today }), '已挂帮')}>
              我来挂帮
            </AtButton>
          )}
        </View>
      ) : null}
    </View>
  )
}
