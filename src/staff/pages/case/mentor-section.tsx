import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import type { CaseView } from '@shared/contracts/intent'
import type { MentorView } from '@shared/contracts/service'
import { MENTOR_FIELD_LABELS, MENTOR_REQUEST_STATUS_LABELS, type MentorRequestView as MentorRequest } from '@shared/domain/service'
import { dayText } from '@shared/domain/time'
import Chip from '../../../components/chip'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { answerMentorRequest, assignMentor, listMentorRequests, listMentorsAs } from '../../../services/service/service'
import { toastSuccess, toastText } from '../../../utils/toast'

export interface MentorSectionProps {
  c: CaseView
  canWrite: boolean
  /** The case page's action runner: its answer replaces the case. */
  run: (work: () => Promise<CaseView>, done: string) => Promise<boolean>
  busy: boolean
}

/**
 * Active mentors this case's community may be given: those kept at my org and above (my chain),
 * and those kept by the case's own community when I work above it. The server checks it again.
 */
async function mentorChoices(c: CaseView): Promise<MentorView[]> {
  const [chain, below] = await Promise.all([listMentorsAs('resident'), listMentorsAs('manage')])
  const seen = new Set<string>()
  return [...chain.items, ...below.items.filter((m) => m.orgId === c.communityId)].filter((m) => m.active && !seen.has(m._id) && seen.add(m._id))
}

/** 创业导师 on a case: who advises them, a picker to assign or change, and their session requests. */
export function MentorSection({ c, canWrite, run, busy }: MentorSectionProps) {
  const [picking, setPicking] = useState(false)
  const choices = useLoad(() => (picking ? mentorChoices(c) : Promise.resolve(null)), [picking, c._id])
  const requests = useLoad(() => listMentorRequests(c._id), [c._id])
  const assign = async (mentorId: string | null) => {
    if (await run(() => assignMentor(c._id, mentorId), mentorId ? '已安排导师' : '已取消导师')) setPicking(false)
  }
  const answer = async (r: MentorRequest, status: 'scheduled' | 'closed') => {
    try {
      await answerMentorRequest(r._id, status)
      toastSuccess(status === 'scheduled' ? '已标记为已安排' : '已结束')
      void requests.reload()
    } catch (e) {
      toastText(errorMessage(e))
    }
  }
  const open = (requests.data ?? []).filter((r) => r.status !== 'closed')
  return (
    <View className='case__card' data-testid='case-mentor'>
      <Text className='case__card-title'>创业导师</Text>
      {c.mentor ? (
        <View data-testid='case-mentor-assigned'>
          <Text className='case__mentor-name'>
            {c.mentor.name}（{MENTOR_FIELD_LABELS[c.mentor.field]}）
          </Text>
          <Text className='case__mentor-meta'>
            {c.mentor.organisation} · 擅长 {c.mentor.specialty} · {c.mentor.assignedByName} 于 {dayText(c.mentor.assignedAt)} 安排
          </Text>
        </View>
      ) : (
        <Text className='case__mentor-meta'>还没有安排导师</Text>
      )}
      {canWrite && !picking ? (
        <View className='case__mentor-actions'>
          <View data-testid='mentor-pick'>
            <AtButton type='secondary' size='small' onClick={() => setPicking(true)}>
              {c.mentor ? '换一位导师' : '安排导师'}
            </AtButton>
          </View>
          {c.mentor ? (
            <View role='button' className='case__link' onClick={() => void assign(null)} data-testid='mentor-remove'>
              <Text>取消导师</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {picking ? (
        <View className='case__mentor-choices' data-testid='mentor-choices'>
          {choices.status === 'error' ? <Text className='case__mentor-meta'>导师名单没能加载：{errorMessage(choices.error)}</Text> : null}
          {!choices.data && choices.status !== 'error' ? <Text className='case__mentor-meta'>正在加载导师名单…</Text> : null}
          {choices.data && !choices.data.length ? <Text className='case__mentor-meta'>还没有可安排的导师，先在 我的 → 服务资源 → 导师库 添加</Text> : null}
          {(choices.data ?? []).map((m) => (
            <View
              key={m._id}
              role='button'
              aria-label={`安排导师 ${m.name}`}
              className={`case__mentor-choice${c.mentor?.id === m._id ? ' case__mentor-choice--current' : ''}`}
              onClick={() => (busy || c.mentor?.id === m._id ? undefined : void assign(m._id))}
              data-testid='mentor-choice'
            >
              <Text className='case__mentor-name'>
                {m.name} · {MENTOR_FIELD_LABELS[m.field]}
              </Text>
              <Text className='case__mentor-meta'>
                {m.specialty} · {m.availability} · {m.orgName}
              </Text>
            </View>
          ))}
          <View role='button' className='case__link' onClick={() => setPicking(false)}>
            <Text>收起</Text>
          </View>
        </View>
      ) : null}
      {open.length ? (
        <View className='case__mentor-requests' data-testid='mentor-requests'>
          <Text className='case__label'>居民的预约</Text>
          {open.map((r) => (
            <View key={r._id} className='case__mentor-request' data-testid='mentor-request-row'>
              <View className='case__hero-head'>
                <Text className='case__mentor-name'>{r.topic}</Text>
                <Chip small tone={r.status === 'open' ? 'warning' : 'success'} label={MENTOR_REQUEST_STATUS_LABELS[r.status]} />
              </View>
              <Text className='case__mentor-meta'>
                方便时间：{r.preferredTime} · 找 {r.mentorName} · {dayText(r.createdAt)} 提交
              </Text>
              {canWrite ? (
                <View className='case__mentor-actions'>
                  {r.status === 'open' ? (
                    <View role='button' className='case__link' onClick={() => void answer(r, 'scheduled')}>
                      <Text>已约好时间</Text>
                    </View>
                  ) : null}
                  <View role='button' className='case__link' onClick={() => void answer(r, 'closed')}>
                    <Text>结束</Text>
                  </View>
                </View>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
