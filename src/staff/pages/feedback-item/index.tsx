import { useState } from 'react'
import { Image, Picker, Switch, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { StaffFeedbackView } from '@shared/contracts/feedback'
import { minuteText, dayText } from '@shared/domain/time'
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_RESOLUTION_LABELS,
  FEEDBACK_RESOLUTIONS,
  FEEDBACK_STATUS_LABELS,
  type FeedbackResolution,
} from '@shared/domain/feedback'
import ChoiceChips from '../../../components/choice-chips'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { FieldTextarea } from '../../../components/form-field'
import { useLoad } from '../../../hooks/use-load'
import { assignFeedback, closeFeedback, getFeedback, photoSrc, replyFeedback } from '../../../services/feedback/feedback'
import { FEEDBACK_STATUS_TONES } from '../../../utils/feedback-routes'
import { intentRoutes } from '../../../utils/intent-routes'
import { toastText } from '../../../utils/toast'
import '../../../components/form-field/index.scss'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import StaffLayout from '../../components/staff-layout'
import { useAction } from '../../../hooks/use-action'
import './index.scss'

const EVENT_LABELS = { assigned: '分派', closed: '办结', reopened: '居民重新打开', rated: '居民评价' } as const

/** One feedback item for community staff: the resident's words and photos, thread, assignment, reply, closing. */
function FeedbackItemPageBody() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const data = useLoad(async () => {
    const view = await getFeedback(id)
    if (view.view !== 'staff') throw new Error('not a staff view')
    return view
  }, [id])
  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='这条反馈没能打开' error={data.error} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' />
  return <Body key={data.data.status + data.data.thread.length} f={data.data} onChanged={() => void data.reload()} />
}

function Body({ f, onChanged }: { f: StaffFeedbackView; onChanged: () => void }) {
  const [text, setText] = useState('')
  const [internal, setInternal] = useState(false)
  const [resolution, setResolution] = useState<FeedbackResolution | null>(null)
  const [note, setNote] = useState('')
  const open = f.status !== 'closed'

  const { busy, run } = useAction(onChanged)
  const send = () => (text.trim() ? void run(() => replyFeedback(f._id, text, internal), internal ? '备注已保存' : '已回复居民') : toastText('请填写回复内容'))
  const close = () => (resolution ? void run(() => closeFeedback(f._id, resolution, note), '已办结') : toastText('请选择办结方式'))
  const others = f.colleagues.filter((c) => c._id !== f.assigneeId)

  return (
    <View className='feedback-item' data-testid='feedback-item' data-status={f.status}>
      <View className='feedback-item__card'>
        <View className='feedback-item__head'>
          <Text className='feedback-item__kind'>{FEEDBACK_KIND_LABELS[f.kind]}</Text>
          {f.overdue ? <Chip small tone='danger' label='超期' /> : null}
          <Chip small tone={FEEDBACK_STATUS_TONES[f.status]} label={FEEDBACK_STATUS_LABELS[f.status]} testId='item-status' />
        </View>
        <Text className='feedback-item__meta' data-testid='item-from'>
          {f.from} · {minuteText(f.createdAt)} · 已 {f.ageDays} 天
        </Text>
        <Text className={`feedback-item__meta${f.overdue ? ' feedback-item__meta--late' : ''}`}>
          {open && f.status !== 'answered' ? `应在 ${dayText(f.dueDate)} 前答复` : f.closedAt ? `${minuteText(f.closedAt)} 办结` : '已答复，等居民确认'}
        </Text>
        {f.subjectTitle ? (
          f.caseId ? (
            <View className='feedback-item__link' onClick={() => void Taro.navigateTo({ url: intentRoutes.staffCase(f.caseId ?? '') })} data-testid='item-case-link'>
              <Text>关联帮扶台帐：查看这位居民的创业档案 ›</Text>
            </View>
          ) : (
            <Text className='feedback-item__about'>关于：{f.subjectTitle}</Text>
          )
        ) : null}
        <Text className='feedback-item__text' data-testid='item-text'>{f.text}</Text>
        {f.photos.length ? (
          <View className='feedback-item__photos'>
            {f.photos.map((p) => (
              <Image key={p.url} className='feedback-item__photo' src={photoSrc(p.url)} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: f.photos.map((x) => photoSrc(x.url)), current: photoSrc(p.url) })} data-testid='item-photo' />
            ))}
          </View>
        ) : null}
      </View>

      <View className='feedback-item__card'>
        <Text className='feedback-item__section'>处理记录</Text>
        {f.thread.length || f.events.length ? null : <Text className='feedback-item__empty'>还没有回复</Text>}
        {f.thread.map((m) => (
          <View key={m.id} className={`feedback-item__msg feedback-item__msg--${m.kind}`} data-testid={`item-msg-${m.kind}`}>
            <Text className='feedback-item__msg-who'>
              {m.kind === 'note' ? '内部备注 · ' : m.kind === 'resident' ? '居民补充 · ' : '回复居民 · '}
              {m.byName} · {minuteText(m.at)}
            </Text>
            <Text className='feedback-item__msg-text'>{m.text}</Text>
          </View>
        ))}
        {f.events.map((e, i) => (
          <Text key={i} className='feedback-item__event'>
            {minuteText(e.at)} {e.byName} {EVENT_LABELS[e.what]}
            {e.detail ? `：${e.detail}` : ''}
          </Text>
        ))}
        {f.rating !== null ? (
          <Text className='feedback-item__rating' data-testid='item-rating'>
            居民评分 {f.rating} / 5{f.ratingComment ? `：${f.ratingComment}` : ''}
          </Text>
        ) : null}
      </View>

      {open && f.mayWrite ? (
        <>
          <View className='feedback-item__card'>
            <View className='feedback-item__row'>
              <Text className='feedback-item__section feedback-item__section--inline'>经办人</Text>
              <Picker mode='selector' range={others.map((c) => c.name)} onChange={(e) => { const c = others[Number(e.detail.value)]; if (c) void run(() => assignFeedback(f._id, c._id), `已交给 ${c.name}`) }} disabled={!others.length}>
                <View className='feedback-item__assign' data-testid='item-assign'>
                  <Text>{f.assigneeName || '未分派'}</Text>
                  <Text className='feedback-item__assign-action'>{others.length ? '交给同事 ›' : ''}</Text>
                </View>
              </Picker>
            </View>
          </View>

          <View className='feedback-item__card'>
            <View className='feedback-item__row'>
              <Text className='feedback-item__section feedback-item__section--inline'>{internal ? '内部备注（居民看不到）' : '回复居民'}</Text>
              <View className='feedback-item__switch'>
                <Text>内部备注</Text>
                <Switch checked={internal} color='#2861d8' onChange={(e) => setInternal(e.detail.value)} nativeProps={{ 'data-testid': 'item-internal' }} />
              </View>
            </View>
            <FieldTextarea value={text} onInput={setText} maxlength={1000} placeholder={internal ? '只有工作人员能看到' : '居民会在“我的反馈”里看到'} testId='item-reply-text' />
            <View className='feedback-item__button' data-testid='item-reply-submit'>
              <AtButton type='primary' loading={busy} disabled={busy} onClick={send}>
                {internal ? '保存备注' : '发送回复'}
              </AtButton>
            </View>
          </View>

          <View className='feedback-item__card'>
            <Text className='feedback-item__section'>办结</Text>
            <ChoiceChips options={FEEDBACK_RESOLUTIONS} labels={FEEDBACK_RESOLUTION_LABELS} value={resolution} onChange={(v) => setResolution(v as FeedbackResolution)} testIdPrefix='resolution' />
            <View className='form-field__textarea feedback-item__note'>
              <Textarea className='form-field__textarea-input' value={note} maxlength={300} placeholder='办结说明（选填）' placeholderClass='form-field__placeholder' onInput={(e) => setNote(e.detail.value)} />
            </View>
            <View className='feedback-item__button' data-testid='item-close'>
              <AtButton type='secondary' loading={busy} disabled={busy} onClick={close}>
                办结
              </AtButton>
            </View>
          </View>
        </>
      ) : f.resolution ? (
        <View className='feedback-item__card'>
          <Text className='feedback-item__section'>办结方式</Text>
          <Text className='feedback-item__text'>
            {FEEDBACK_RESOLUTION_LABELS[f.resolution]}
            {f.resolutionNote ? `：${f.resolutionNote}` : ''}
          </Text>
        </View>
      ) : null}
    </View>
  )
}

export default function FeedbackItemPage() {
  return (
    <StaffLayout page='feedbackItem'>
      <FeedbackItemPageBody />
    </StaffLayout>
  )
}
