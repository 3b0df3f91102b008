import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { listPaired } from '../../../services/intent/intent'
import { intentRoutes } from '../../../utils/intent-routes'

/**
 * 我挂帮的创业者 (the workbench line's list): the leader's active pairings, soonest due first, those
 * needing a follow-up marked; tap one for the case. The same query the workbench counts.
 */
export function PairedList() {
  const data = useLoad(() => listPaired(), [])
  if (data.status === 'error' && !data.data) return <PageState kind='error' title='挂帮名单加载失败' error={data.error} onAction={() => void data.reload()} compact />
  if (!data.data) return <PageState kind='loading' compact />
  const items = data.data.items
  return (
    <View className='ledger__body' data-testid='paired-list'>
      <Text className='ledger__gap-note'>我挂帮的创业者 {items.length} 位，其中 {items.filter((i) => i.due).length} 位该去跟进了（30 天没有挂帮跟进，或到了约定日期）</Text>
      {items.length === 0 ? <PageState kind='empty' compact icon='check-circle' title='你还没有挂帮创业者' description='在创业者的帮扶档案里点“我来挂帮”' /> : null}
      {items.map((p) => (
        <View key={p.caseId} role='button' className='ledger__paired' onClick={() => void Taro.navigateTo({ url: intentRoutes.staffCase(p.caseId) })} data-testid='paired-row' data-due={String(p.due)}>
          <View className='ledger__paired-head'>
            <Text className='ledger__paired-name'>{p.name}</Text>
            <Chip small tone={p.due ? 'warning' : 'success'} label={p.due ? '该跟进了' : `${p.dueOn} 前跟进`} />
          </View>
          <Text className='ledger__paired-line'>
            {p.communityName} · {p.pairedOn} 起挂帮 · {p.lastFollowUpOn ? `最近跟进 ${p.lastFollowUpOn}` : '还没有挂帮跟进'}
          </Text>
          <Text className='ledger__paired-line'>原因：{p.reason}</Text>
        </View>
      ))}
    </View>
  )
}
