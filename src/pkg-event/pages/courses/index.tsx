import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { COURSE_KIND_LABELS, ENROLMENT_STATUS_LABELS } from '@shared/domain/training'
import HotlineCard from '../../../components/hotline-card'
import ListFooter from '../../../components/list-footer'
import PageState from '../../../components/page-state'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { listCourses, trainingErrorMessage } from '../../../services/event/training'
import { startLabel } from '../../../utils/event-routes'
import { routes } from '../../../utils/routes'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** 创业培训: courses of my community and the offices above it; those that suit my registration are marked. */
function CoursesPage() {
  const list = usePagedList((after) => listCourses('resident', after), [])
  useListPage(list)
  return (
    <View className='courses'>
      <View className='courses__header'>
        <Text className='courses__title'>创业培训</Text>
        <Text className='courses__subtitle'>SYB、IYB 创业培训和技能培训，结业发证书，符合条件的可以领培训补贴</Text>
      </View>
      {list.status === 'loading' ? (
        <PageState kind='loading' />
      ) : list.status === 'error' ? (
        <PageState kind='error' title='课程加载失败' error={list.error} description={trainingErrorMessage(list.error)} onAction={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <PageState kind='empty' icon='bookmark' title='近期暂无课程' description='新课程发布后会在这里显示' />
      ) : (
        <View data-testid='course-list'>
          {list.items.map((c) => (
            <View key={c._id} className='courses__card' data-testid='course-card' onClick={() => void Taro.navigateTo({ url: routes.course(c._id) })}>
              <View className='courses__tags'>
                <Text className='courses__tag'>{COURSE_KIND_LABELS[c.kind]}</Text>
                {c.matches ? <Text className='courses__tag courses__tag--warn'>适合你</Text> : null}
                {c.mine ? <Text className='courses__tag courses__tag--good'>{ENROLMENT_STATUS_LABELS[c.mine]}</Text> : null}
              </View>
              <Text className='courses__card-title'>{c.title}</Text>
              <Text className='courses__line'>
                {c.firstAt ? startLabel(c.firstAt) : ''} 开课 · 共 {c.sessionCount} 节 · {c.place}
              </Text>
              <Text className='courses__line'>
                {c.provider} · 已报名 {c.enrolledCount}/{c.capacity}
                {c.subsidyAmount > 0 ? ` · 结业补贴 ${c.subsidyAmount} 元` : ''}
              </Text>
            </View>
          ))}
          <ListFooter list={list} showEnd={false} />
        </View>
      )}
      <HotlineCard />
    </View>
  )
}

export default withCareMode(CoursesPage)
