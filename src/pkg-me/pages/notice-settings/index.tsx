import { Text, View } from '@tarojs/components'
import NoticeSwitches from '../../../components/notice-switches'
import SubscribeReminder from '../../../components/subscribe-reminder'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/**
 * 消息提醒, opened from 我的: the policy-reminder subscription (the resident's groups and
 * community) and one switch per kind of message. A page of its own so the 我的 tab, which every
 * resident downloads with the main package, does not carry it (issue 24: main package near the floor).
 */
function NoticeSettingsPage() {
  return (
    <View className='notice-settings' data-testid='notice-settings'>
      <Text className='notice-settings__lead'>订阅新政策提醒，并选择社区可以给你发哪些消息。</Text>
      <SubscribeReminder testId='mine-subscribe' />
      <NoticeSwitches />
    </View>
  )
}

export default withCareMode(NoticeSettingsPage)
