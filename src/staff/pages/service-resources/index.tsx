import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { can } from '@shared/domain/roles'
import PageState from '../../../components/page-state'
import SegmentTabs from '../../../components/segment-tabs'
import { useLoad } from '../../../hooks/use-load'
import { getMe } from '../../../services/profile/profile'
import { CoursesSection } from './courses'
import { GuidesSection } from './guides'
import { MentorsSection } from './mentors'
import { StoriesSection } from './stories'
import { staffGate } from '../../components/staff-gate'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import 'taro-ui/lib/style/components/load-more.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

const TABS = [
  { key: 'mentors', label: '导师库' },
  { key: 'courses', label: '培训课程' },
  { key: 'guides', label: '办事指南' },
  { key: 'stories', label: '创业故事' },
] as const
type Tab = (typeof TABS)[number]['key']
const isTab = (s: string | undefined): s is Tab => TABS.some((t) => t.key === s)

/** 服务资源: the mentors, courses, guides and stories my office keeps for residents. */
function ServiceResourcesPageBody() {
  const param = useRouter().params.tab
  const [tab, setTab] = useState<Tab>(isTab(param) ? param : 'mentors')
  const me = useLoad(() => getMe(), [])
  const gate = staffGate(me)
  if (gate.stop) return gate.stop
  const staff = gate.staff
  if (!can(staff.role, 'service.write')) return <PageState kind='empty' title='你的角色不能维护服务资源' description='请联系本单位管理员' />
  return (
    <View className='resources' data-testid='service-resources'>
      <Text className='resources__title'>服务资源</Text>
      <SegmentTabs tabs={TABS} value={tab} onChange={setTab} testIdPrefix='resources-tab' />
      <View className='resources__body'>
        {tab === 'mentors' ? <MentorsSection /> : tab === 'courses' ? <CoursesSection /> : tab === 'guides' ? <GuidesSection /> : <StoriesSection />}
      </View>
    </View>
  )
}

export default function ServiceResourcesPage() {
  return (
    <StaffLayout page='staffServiceResources'>
      <ServiceResourcesPageBody />
    </StaffLayout>
  )
}
