import { Text, View } from '@tarojs/components'
import ChoiceChips from '../../../components/choice-chips'
import { useLoad } from '../../../hooks/use-load'
import { listPolicies } from '../../../services/policy/policy'

/** Pick the published policies (of my chain) a guide or story links to. */
export function PolicyLinks({ value, onChange, testIdPrefix }: { value: string[]; onChange: (ids: string[]) => void; testIdPrefix: string }) {
  const policies = useLoad(() => listPolicies({ view: 'resident', limit: 50 }), [])
  if (!policies.data) return <Text className='resources__meta'>{policies.status === 'error' ? '政策列表没能加载' : '正在加载政策…'}</Text>
  const items = policies.data.items
  if (!items.length) return <Text className='resources__meta'>还没有已发布的政策</Text>
  const labels: Record<string, string> = Object.fromEntries(items.map((p) => [p._id, p.title]))
  return (
    <View>
      <ChoiceChips multiple options={items.map((p) => p._id)} labels={labels} value={value} onChange={(v) => onChange(v as string[])} testIdPrefix={testIdPrefix} />
    </View>
  )
}
