import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtIcon } from 'taro-ui'
import { ROLE_LABELS } from '@shared/domain/role-labels'
import { TARGET_GROUP_LABELS } from '@shared/domain/target-groups'
import CareSwitch from '../../components/care-switch'
import Chip from '../../components/chip'
import HotlineCard from '../../components/hotline-card'
import InboxEntry from '../../components/inbox-entry'
import PageState from '../../components/page-state'
import { useLoad } from '../../hooks/use-load'
import { useReloadOnShow } from '../../hooks/use-page-load'
import { getMe } from '../../services/profile/profile'
import { passwordSignIn, signOut } from '../../services/core/session'
import { confirm, toastSuccess } from '../../utils/toast'
import './index.scss'
import { withCareMode } from '../../components/care-root'
import { pageUrl } from '@shared/domain/pages'

/** 我的: my community and groups, and the way in for staff. */
function MinePage() {
  const me = useLoad(() => getMe(), [])
  // Later shows pick up a profile saved elsewhere.
  useReloadOnShow(me.reload)

  if (me.status === 'error' && !me.data) {
    return <PageState kind='error' title='没能读取你的信息' error={me.error} onAction={() => void me.reload()} />
  }
  if (!me.data) return <PageState kind='loading' />
  const m = me.data
  const staff = m.kind === 'staff' ? m.staff : null

  const logout = async () => {
    if (!(await confirm('退出登录', '退出后将以居民身份继续使用。', '退出'))) return
    await signOut()
    await me.reload()
    toastSuccess('已退出登录')
  }

  return (
    <View className='mine'>
      <View className='mine__profile'>
        <View className='mine__avatar'>
          <Text>{staff ? staff.name.slice(0, 1) : '居'}</Text>
        </View>
        <View className='mine__who'>
          <Text className='mine__name'>{staff ? staff.name : '社区居民'}</Text>
          <Text className='mine__sub'>{staff ? `${ROLE_LABELS[staff.role]} · ${staff.orgName}` : m.communityName ?? '还没有选择所在社区'}</Text>
        </View>
      </View>

      <View className='mine__card' data-testid='mine-profile'>
        <View className='mine__card-head'>
          <Text className='mine__card-title'>我的情况</Text>
          <View role='button' className='mine__link' onClick={() => void Taro.navigateTo({ url: pageUrl('profileEdit') })} data-testid='mine-edit-profile'>
            <Text>修改</Text>
            <AtIcon value='chevron-right' size={14} color='#2861d8' />
          </View>
        </View>
        <View className='mine__row'>
          <Text className='mine__label'>所在社区</Text>
          <Text className={`mine__value${m.communityName ? '' : ' mine__value--empty'}`} data-testid='mine-community'>
            {m.communityName ?? '未设置'}
          </Text>
        </View>
        <View className='mine__row mine__row--top'>
          <Text className='mine__label'>我的人群</Text>
          {m.targetGroups.length ? (
            <View className='mine__tags' data-testid='mine-groups'>
              {m.targetGroups.map((g) => (
                <Chip key={g} small label={TARGET_GROUP_LABELS[g]} />
              ))}
            </View>
          ) : (
            <Text className='mine__value mine__value--empty' data-testid='mine-groups'>
              未设置，设置后可查看适合你的政策
            </Text>
          )}
        </View>
      </View>

      {staff ? null : (
        <View className='mine__card'>
          <View role='button' className='mine__item' onClick={() => void Taro.navigateTo({ url: pageUrl('myActivities') })} data-testid='my-activities-entry'>
            <View className='mine__item-main'>
              <Text>我的活动</Text>
              <Text className='mine__item-note'>报名的活动和培训：时间、地点、报名号</Text>
            </View>
            <AtIcon value='chevron-right' size={16} color='#8f959e' />
          </View>
          <View role='button' className='mine__item' onClick={() => void Taro.navigateTo({ url: pageUrl('myCase') })} data-testid='my-case-entry'>
            <View className='mine__item-main'>
              <Text>我的创业档案</Text>
              <Text className='mine__item-note'>登记创业意向，社区一对一帮你创业</Text>
            </View>
            <AtIcon value='chevron-right' size={16} color='#8f959e' />
          </View>
          <View className='mine__item' onClick={() => void Taro.navigateTo({ url: pageUrl('feedbackForm') })} data-testid='feedback-entry'>
            <View className='mine__item-main'>
              <Text>反馈/投诉</Text>
              <Text className='mine__item-note'>办事不顺、政策没落实，告诉社区，按时答复</Text>
            </View>
            <AtIcon value='chevron-right' size={16} color='#8f959e' />
          </View>
          <View className='mine__item' onClick={() => void Taro.navigateTo({ url: pageUrl('myFeedback') })} data-testid='my-feedback-entry'>
            <View className='mine__item-main'>
              <Text>我的反馈</Text>
              <Text className='mine__item-note'>看社区的答复，给答复打分</Text>
            </View>
            <AtIcon value='chevron-right' size={16} color='#8f959e' />
          </View>
        </View>
      )}
      <InboxEntry />
      {staff ? null : (
        <View className='mine__card'>
          <View role='button' className='mine__item' onClick={() => void Taro.navigateTo({ url: pageUrl('noticeSettings') })} data-testid='notice-settings-entry'>
            <View className='mine__item-main'>
              <Text>消息提醒</Text>
              <Text className='mine__item-note'>订阅新政策提醒，选择要收到哪些消息</Text>
            </View>
            <AtIcon value='chevron-right' size={16} color='#8f959e' />
          </View>
          <View role='button' className='mine__item' onClick={() => void Taro.navigateTo({ url: pageUrl('mySurveys') })} data-testid='my-surveys-entry'>
            <View className='mine__item-main'>
              <Text>满意度调查</Text>
              <Text className='mine__item-note'>给社区的服务打分，看调查结果和全市创业状况</Text>
            </View>
            <AtIcon value='chevron-right' size={16} color='#8f959e' />
          </View>
        </View>
      )}
      {staff ? null : <HotlineCard />}

      <View className='mine__card'>
        {staff ? (
          <>
            <View className='mine__card-head'>
              <Text className='mine__card-title'>工作人员</Text>
            </View>
            <View className='mine__staff' data-testid='mine-staff'>
              <Text className='mine__staff-name'>{staff.name}</Text>
              <Text className='mine__staff-role'>{ROLE_LABELS[staff.role]}</Text>
              <Text className='mine__staff-org'>{staff.orgName}</Text>
            </View>
            <View role='button' className='mine__item' onClick={() => void Taro.navigateTo({ url: pageUrl('staffWorkbench') })} data-testid='staff-workbench-entry'>
              <View className='mine__item-main'>
                <Text>工作台</Text>
                <Text className='mine__item-note'>今天的待办，台帐、看板、政策、活动都从这里进</Text>
              </View>
              <AtIcon value='chevron-right' size={16} color='#8f959e' />
            </View>
            {passwordSignIn ? (
              <View role='button' className='mine__item mine__item--danger' onClick={() => void logout()} data-testid='logout-button'>
                <Text>退出登录</Text>
              </View>
            ) : null}
          </>
        ) : (
          <View role='button' className='mine__item' onClick={() => void Taro.navigateTo({ url: pageUrl('staffLogin') })} data-testid='staff-entry'>
            <View className='mine__item-main'>
              <Text>工作人员入口</Text>
              <Text className='mine__item-note'>社区创业指导员在这里管理政策</Text>
            </View>
            <AtIcon value='chevron-right' size={16} color='#8f959e' />
          </View>
        )}
      </View>

      <CareSwitch />

      <View className='mine__card'>
        <View role='button' className='mine__item' onClick={() => void Taro.navigateTo({ url: pageUrl('privacy') })} data-testid='privacy-entry'>
          <View className='mine__item-main'>
            <Text>隐私说明</Text>
            <Text className='mine__item-note'>我们保存哪些信息、为什么、保存多久</Text>
          </View>
          <AtIcon value='chevron-right' size={16} color='#8f959e' />
        </View>
        {staff ? null : (
          <View role='button' className='mine__item' onClick={() => void Taro.navigateTo({ url: pageUrl('myData') })} data-testid='my-data-entry'>
            <View className='mine__item-main'>
              <Text>我的数据</Text>
              <Text className='mine__item-note'>导出或删除我们保存的你的数据</Text>
            </View>
            <AtIcon value='chevron-right' size={16} color='#8f959e' />
          </View>
        )}
      </View>

      <Text className='mine__footer'>创业社区 · 创业扶持政策一站查询</Text>
    </View>
  )
}

export default withCareMode(MinePage)
