import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'
import type { WorkbenchItem } from '@shared/contracts/workbench'
import { ROLE_LABELS } from '@shared/domain/roles'
import { shanghaiDate } from '@shared/domain/time'
import PageState from '../../../components/page-state'
import StaffRequired from '../../../components/staff-required'
import { useLoad } from '../../../hooks/use-load'
import { getMe } from '../../../services/profile/profile'
import { workbenchSummary } from '../../../services/staff/workbench'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** 12月4日 星期五, in Shanghai. */
function todayLabel(now: Date): string {
  const d = shanghaiDate(now)
  const weekday = new Date(`${d}T00:00:00Z`).getUTCDay()
  return `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日 星期${WEEKDAYS[weekday]}`
}

function Line({ item }: { item: WorkbenchItem }) {
  const waiting = item.count > 0
  return (
    <View
      role='link'
      className={`workbench__item${waiting ? ' workbench__item--waiting' : ''}`}
      data-testid={`workbench-item-${item.key}`}
      data-count={item.count}
      onClick={() => void Taro.navigateTo({ url: item.page })}
    >
      <View className='workbench__count'>
        <Text className='workbench__count-n'>{item.count}</Text>
      </View>
      <View className='workbench__text'>
        <Text className='workbench__label'>{item.label}</Text>
        <Text className='workbench__note'>{item.note || (waiting ? '' : '暂时没有')}</Text>
      </View>
      <Text className='workbench__go'>{waiting ? '去处理 ›' : '查看 ›'}</Text>
    </View>
  )
}

/** 工作台: what waits on the signed-in staff member today, each line a count and the list behind it. */
function WorkbenchBody() {
  const me = useLoad(() => getMe(), [])
  const staff = me.data?.kind === 'staff' ? me.data.staff : null
  const summary = useLoad(() => (staff ? workbenchSummary() : Promise.resolve(null)), [staff?.orgId, staff?.role])
  // Coming back from a list: the counts follow what was done there.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && staff) void summary.reload()
    shown.current = true
  })

  if (me.status === 'error' && !me.data) return <PageState kind='error' title='没能确认你的身份' error={me.error} onAction={() => void me.reload()} />
  if (!me.data) return <PageState kind='loading' />
  if (!staff) return <StaffRequired description='工作台只对社区和各级创建办工作人员开放' />

  const items = summary.data?.items ?? []
  const waiting = items.filter((i) => i.count > 0)
  return (
    <View className='workbench' data-testid='workbench'>
      <View className='workbench__head'>
        <Text className='workbench__date'>{todayLabel(new Date())}</Text>
        <Text className='workbench__title'>
          {staff.name}，{waiting.length ? `有 ${waiting.length} 类事项等你处理` : '今天没有待办事项'}
        </Text>
        <Text className='workbench__org'>
          {ROLE_LABELS[staff.role]} · {staff.orgName}
        </Text>
      </View>
      {summary.status === 'error' && !summary.data ? (
        <PageState kind='error' title='待办没有加载出来' error={summary.error} onAction={() => void summary.reload()} compact />
      ) : !summary.data ? (
        <PageState kind='loading' compact />
      ) : (
        <View className='workbench__list' data-testid='workbench-list'>
          {items.map((item) => (
            <Line key={item.key} item={item} />
          ))}
        </View>
      )}
    </View>
  )
}

export default function WorkbenchPage() {
  return (
    <StaffLayout page='staffWorkbench'>
      <WorkbenchBody />
    </StaffLayout>
  )
}
