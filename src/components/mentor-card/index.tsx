import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { CaseMentor } from '@shared/domain/service'
import { MENTOR_FIELD_LABELS } from '@shared/domain/service'
import { errorMessage } from '../../services/core/cloud'
import { requestMentor } from '../../services/service/service'
import { toastSuccess } from '../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import './index.scss'

export interface MentorCardProps {
  /** The mentor on my case, or null when none is assigned yet. */
  mentor: CaseMentor | null
}

/** 我的创业导师 on 我的创业档案: who advises me, and a request for a session that the community arranges. */
export default function MentorCard({ mentor }: MentorCardProps) {
  const [open, setOpen] = useState(false)
  const [topic, setTopic] = useState('')
  const [time, setTime] = useState('')
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState(false)

  const send = async () => {
    setBusy(true)
    try {
      await requestMentor(topic.trim(), time.trim())
      toastSuccess('已提交预约')
      setSent(true)
      setOpen(false)
    } catch (e) {
      void Taro.showModal({ title: '没能提交', content: errorMessage(e), showCancel: false })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='mentor-card' data-testid='mentor-card'>
      <Text className='mentor-card__head'>我的创业导师</Text>
      {mentor ? (
        <View>
          <View className='mentor-card__who'>
            <View className='mentor-card__avatar'>
              <Text>{mentor.name.slice(0, 1)}</Text>
            </View>
            <View className='mentor-card__main'>
              <Text className='mentor-card__name'>
                {mentor.name} <Text className='mentor-card__field'>{MENTOR_FIELD_LABELS[mentor.field]}</Text>
              </Text>
              <Text className='mentor-card__line'>{mentor.organisation}</Text>
              <Text className='mentor-card__line'>擅长：{mentor.specialty}</Text>
              <Text className='mentor-card__line'>可约时间：{mentor.availability}</Text>
            </View>
          </View>
          {sent ? (
            <Text className='mentor-card__sent' data-testid='mentor-request-sent'>
              预约已提交，社区会联系你确定时间
            </Text>
          ) : open ? (
            <View>
              <Input className='mentor-card__input' value={topic} maxlength={200} placeholder='想聊什么问题，如 店面怎么选' onInput={(e) => setTopic(e.detail.value)} nativeProps={{ 'data-testid': 'mentor-topic' }} />
              <Input className='mentor-card__input' value={time} maxlength={40} placeholder='你方便的时间，如 周三下午' onInput={(e) => setTime(e.detail.value)} nativeProps={{ 'data-testid': 'mentor-time' }} />
              <View className='mentor-card__action' data-testid='mentor-request-submit'>
                <AtButton type='primary' size='small' loading={busy} onClick={() => void send()}>
                  提交预约
                </AtButton>
              </View>
            </View>
          ) : (
            <View className='mentor-card__action' data-testid='mentor-request'>
              <AtButton type='secondary' size='small' onClick={() => setOpen(true)}>
                约导师聊一聊
              </AtButton>
            </View>
          )}
        </View>
      ) : (
        <Text className='mentor-card__line'>社区会根据你的项目，从创业服务指导团里为你安排一位导师。</Text>
      )}
    </View>
  )
}
