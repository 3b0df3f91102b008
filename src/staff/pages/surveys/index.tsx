import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtFloatLayout } from 'taro-ui'
import type { SurveyListItem } from '@shared/contracts/survey'
import { can, ROLE_LABELS } from '@shared/domain/roles'
import { periodLabel, SURVEY_KIND_LABELS, SURVEY_STATE_LABELS, type SurveyState, type SurveyStatus } from '@shared/domain/survey'
import { SURVEY_TEMPLATES } from '@shared/domain/survey-templates'
import Chip from '../../../components/chip'
import ListFooter from '../../../components/list-footer'
import SegmentTabs, { type SegmentTab } from '../../../components/segment-tabs'
import { useRowAction } from '../../../hooks/use-action'
import { useLoad } from '../../../hooks/use-load'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { getMe } from '../../../services/profile/profile'
import { closeSurvey, listSurveys, publishSurvey } from '../../../services/survey/survey'
import { surveyRoutes } from '../../../utils/survey-routes'
import { staffGate } from '../../components/staff-gate'
import StaffHead from '../../components/staff-head'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import 'taro-ui/lib/style/components/float-layout.scss'
import ListState from '../../components/list-state'
import StaffLayout from '../../components/staff-layout'
import RowAction from '../../components/row-action'
import './index.scss'

type StatusFilter = 'all' | SurveyStatus | 'closing'

const TABS: readonly SegmentTab<StatusFilter>[] = [
  { key: 'all', label: '全部' },
  { key: 'draft', label: '草稿' },
  { key: 'published', label: '已发布' },
  { key: 'closing', label: '本周截止' },
  { key: 'closed', label: '已结束' },
]

const STATE_TONES: Record<SurveyState, 'neutral' | 'primary' | 'success' | 'warning'> = {
  draft: 'neutral',
  scheduled: 'warning',
  open: 'success',
  closed: 'primary',
}

/** 满意度调查 (staff): the surveys of my org and below, new from a template, publish, close, results. */
function StaffSurveysPageBody() {
  const me = useLoad(() => getMe(), [])
  // `closing=1`: opened from the workbench's line (published, closing within the week).
  const [status, setStatus] = useState<StatusFilter>(useRouter().params.closing === '1' ? 'closing' : 'all')
  const [picking, setPicking] = useState(false)
  const { busyId, run } = useRowAction()
  const isStaff = me.data?.kind === 'staff'

  const list = usePagedList(
    (after) => (isStaff ? listSurveys({ status: status === 'all' || status === 'closing' ? undefined : status, closing: status === 'closing', after, limit: 20 }) : Promise.resolve({ items: [], next: null })),
    [status, isStaff],
  )
  useListPage(list, { refreshOnShow: () => isStaff })

  const gate = staffGate(me, '满意度调查由社区和各级创建办工作人员管理')
  if (gate.stop) return gate.stop
  const staff = gate.staff
  const mayWrite = can(staff.role, 'survey.write')

  const act = (item: SurveyListItem, action: 'publish' | 'close') =>
    run(
      item._id,
      action === 'publish' ? ['发布问卷', `发布后居民就能填写“${item.title}”，题目不能再修改。`, '发布'] : ['结束问卷', `结束后不再接收答卷，居民可以看到结果。`, '结束'],
      async () => {
        if (action === 'publish') await publishSurvey(item._id)
        else await closeSurvey(item._id)
        void list.refresh({ quiet: true })
        return action === 'publish' ? '已发布' : '已结束'
      },
    )

  return (
    <View className='staff-surveys'>
      <View className='staff-surveys__top'>
        <StaffHead
          block='staff-surveys'
          title={staff.orgName}
          sub={`${staff.name} · ${ROLE_LABELS[staff.role]}`}
          action={mayWrite ? { text: '＋ 新建问卷', testId: 'new-survey-button', onClick: () => setPicking(true) } : null}
        />
      </View>
      <SegmentTabs tabs={TABS} value={status} onChange={setStatus} testIdPrefix='survey-tab' />

      <View className='staff-surveys__body'>
        <ListState
          list={list}
          reloginHint='请重新登录'
          empty={{ title: status === 'all' ? '还没有问卷' : '这个状态下还没有问卷', description: mayWrite ? '点“新建问卷”，从创业环境或创业服务模板开始' : undefined }}
        >
          <View className='staff-surveys__list' data-testid='survey-list'>
            {list.items.map((s) => (
              <View className='staff-surveys__row' key={s._id} data-testid='survey-row' data-id={s._id} data-state={s.state}>
                <View
                  className='staff-surveys__main'
                  onClick={() => void Taro.navigateTo({ url: s.status === 'draft' ? surveyRoutes.edit({ id: s._id }) : surveyRoutes.results(s._id) })}
                >
                  <View className='staff-surveys__row-head'>
                    <Chip small tone={STATE_TONES[s.state]} label={SURVEY_STATE_LABELS[s.state]} />
                    <Text className='staff-surveys__kind'>
                      {SURVEY_KIND_LABELS[s.kind]} · {periodLabel(s.period)}
                    </Text>
                  </View>
                  <Text className='staff-surveys__row-title'>{s.title}</Text>
                  <Text className='staff-surveys__row-meta'>
                    {s.orgName} · {s.opensOn} 至 {s.closesOn} · {s.questionCount} 道题{s.n !== null ? ` · 已收 ${s.n} 份` : ''}
                  </Text>
                </View>
                <View className='staff-surveys__actions'>
                  {s.status === 'draft' ? (
                    <RowAction block='staff-surveys' label='编辑' testId='row-edit' onClick={() => void Taro.navigateTo({ url: surveyRoutes.edit({ id: s._id }) })} />
                  ) : (
                    <RowAction block='staff-surveys' label='看结果' tone='primary' testId='row-results' onClick={() => void Taro.navigateTo({ url: surveyRoutes.results(s._id) })} />
                  )}
                  {mayWrite && s.status === 'draft' ? (
                    <RowAction block='staff-surveys' label='发布' tone='primary' busy={busyId === s._id} locked={busyId !== null} testId='row-publish' onClick={() => void act(s, 'publish')} />
                  ) : null}
                  {mayWrite && s.status === 'published' ? (
                    <RowAction block='staff-surveys' label='结束' tone='danger' busy={busyId === s._id} locked={busyId !== null} testId='row-close' onClick={() => void act(s, 'close')} />
                  ) : null}
                </View>
              </View>
            ))}
            <ListFooter list={list} testId='load-more' />
          </View>
        </ListState>
      </View>

      <AtFloatLayout isOpened={picking} title='选择问卷模板' onClose={() => setPicking(false)}>
        <View className='staff-surveys__templates'>
          {SURVEY_TEMPLATES.map((t) => (
            <View
              key={t.key}
              className='staff-surveys__template'
              data-testid={`template-${t.key}`}
              onClick={() => {
                setPicking(false)
                void Taro.navigateTo({ url: surveyRoutes.edit({ template: t.key }) })
              }}
            >
              <Text className='staff-surveys__template-title'>{t.title}</Text>
              <Text className='staff-surveys__template-desc'>
                {t.description} · {t.questions.length} 道题
              </Text>
            </View>
          ))}
        </View>
      </AtFloatLayout>
    </View>
  )
}

export default function StaffSurveysPage() {
  return (
    <StaffLayout page='staffSurveys'>
      <StaffSurveysPageBody />
    </StaffLayout>
  )
}
