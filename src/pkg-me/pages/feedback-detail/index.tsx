import { useState } from 'react'
import { Image, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton, AtIcon } from 'taro-ui'
import type { MyFeedbackView } from '@shared/contracts/feedback'
import { minuteText, dayText } from '@shared/domain/time'
import {
  FEEDBACK_KIND_LABELS,
  FEEDBACK_RESOLUTION_LABELS,
  FEEDBACK_STATUS_LABELS,
  FEEDBACK_STATUSES,
  type FeedbackStatus,
} from '@shared/domain/feedback'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { usePageLoad } from '../../../hooks/use-page-load'
import { getFeedback, photoSrc, rateFeedback, reopenFeedback } from '../../../services/feedback/feedback'
import { FEEDBACK_STATUS_TONES } from '../../../utils/feedback-routes'
import { toastText } from '../../../utils/toast'
import '../../../components/form-field/index.scss'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'
import { withCareMode } from '../../../components/care-root'
import { useAction } from '../../../hooks/use-action'

const RATING_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意']

/** One of my feedback items: where it stands, the community's answers, rating and reopening. */
function FeedbackDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const data = usePageLoad(async () => {
    const view = await getFeedback(id)
    if (view.view !== 'resident') throw new Error('not a resident view')
    return view
  }, [id])
  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='这条反馈没能打开' error={data.error} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' />
  return <Body f={data.data} onChanged={() => void data.reload()} />
}

function Steps({ status }: { status: FeedbackStatus }) {
  const at = FEEDBACK_STATUSES.indexOf(status)
  return (
    <View className='feedback-detail__steps' data-testid='feedback-steps'>
      {FEEDBACK_STATUSES.map((s, i) => (
        <View key={s} className={`feedback-detail__step${i <= at ? ' feedback-detail__step--done' : ''}${i === at ? ' feedback-detail__step--now' : ''}`}>
          <View className='feedback-detail__step-dot'>{i < at ? <AtIcon value='check' size={12} color='#fff' /> : <Text>{i + 1}</Text>}</View>
          <Text className='feedback-detail__step-label'>{FEEDBACK_STATUS_LABELS[s]}</Text>
        </View>
      ))}
    </View>
  )
}

function Body({ f, onChanged }: { f: MyFeedbackView; onChanged: () => void }) {
  const [stars, setStars] = useState(0)
  const [comment, setComment] = useState('')
  const [reopenText, setReopenText] = useState('')
  const [reopening, setReopening] = useState(false)

  const { busy, run } = useAction(onChanged)
  const rate = () => (stars ? void run(() => rateFeedback(f._id, stars, comment), '谢谢你的评价') : toastText('请先选择评分'))
  const reopen = () => void run(() => reopenFeedback(f._id, reopenText), '已重新提交给社区')

  return (
    <View className='feedback-detail' data-testid='feedback-detail' data-status={f.status}>
      <View className='feedback-detail__card'>
        <View className='feedback-detail__head'>
          <Text className='feedback-detail__kind'>{FEEDBACK_KIND_LABELS[f.kind]}</Text>
          <Chip small tone={FEEDBACK_STATUS_TONES[f.status]} label={FEEDBACK_STATUS_LABELS[f.status]} testId='feedback-status' />
        </View>
        <Steps status={f.status} />
        {f.status === 'received' || f.status === 'in_progress' ? (
          <Text className='feedback-detail__due'>社区会在 {dayText(f.dueDate)} 前答复你</Text>
        ) : null}
      </View>

      <View className='feedback-detail__card'>
        <Text className='feedback-detail__section'>我反馈的内容</Text>
        {f.subjectTitle ? <Text className='feedback-detail__about'>关于：{f.subjectTitle}</Text> : null}
        <Text className='feedback-detail__text' data-testid='feedback-text'>{f.text}</Text>
        {f.photos.length ? (
          <View className='feedback-detail__photos'>
            {f.photos.map((p) => (
              <Image
                key={p.url}
                className='feedback-detail__photo'
                src={photoSrc(p.url)}
                mode='aspectFill'
                onClick={() => void Taro.previewImage({ urls: f.photos.map((x) => photoSrc(x.url)), current: photoSrc(p.url) })}
                data-testid='feedback-photo'
              />
            ))}
          </View>
        ) : null}
        <Text className='feedback-detail__meta'>
          {f.communityName} · {minuteText(f.createdAt)}
          {f.anonymous ? ' · 匿名提交' : f.contactName ? ` · ${f.contactName}` : ''}
        </Text>
      </View>

      <View className='feedback-detail__card'>
        <Text className='feedback-detail__section'>社区答复</Text>
        {f.replies.length ? (
          f.replies.map((r) => (
            <View key={r.id} className={`feedback-detail__reply${r.kind === 'resident' ? ' feedback-detail__reply--mine' : ''}`} data-testid='feedback-reply'>
              <Text className='feedback-detail__reply-who'>
                {r.byName} · {minuteText(r.at)}
              </Text>
              <Text className='feedback-detail__reply-text'>{r.text}</Text>
            </View>
          ))
        ) : (
          <Text className='feedback-detail__empty'>社区还没有答复，答复后会在“消息”里提醒你</Text>
        )}
        {f.status === 'closed' ? (
          <Text className='feedback-detail__closed' data-testid='feedback-closed'>
            已办结{f.resolution ? `：${FEEDBACK_RESOLUTION_LABELS[f.resolution]}` : '（你已确认）'}
            {f.resolutionNote ? `，${f.resolutionNote}` : ''}
          </Text>
        ) : null}
      </View>

      {f.rating !== null && !f.canRate ? (
        <View className='feedback-detail__card' data-testid='feedback-my-rating'>
          <Text className='feedback-detail__section'>我的评价</Text>
          <View className='feedback-detail__stars'>
            {[1, 2, 3, 4, 5].map((n) => (
              <AtIcon key={n} value={n <= (f.rating ?? 0) ? 'star-2' : 'star'} size={22} color='#f5a623' />
            ))}
            <Text className='feedback-detail__stars-word'>{RATING_WORDS[f.rating]}</Text>
          </View>
          {f.ratingComment ? <Text className='feedback-detail__text'>{f.ratingComment}</Text> : null}
        </View>
      ) : null}

      {f.canRate ? (
        <View className='feedback-detail__card' data-testid='feedback-rate'>
          <Text className='feedback-detail__section'>对这次答复满意吗？</Text>
          <View className='feedback-detail__stars'>
            {[1, 2, 3, 4, 5].map((n) => (
              <View key={n} className='feedback-detail__star' onClick={() => setStars(n)} data-testid={`feedback-star-${n}`}>
                <AtIcon value={n <= stars ? 'star-2' : 'star'} size={30} color='#f5a623' />
              </View>
            ))}
            <Text className='feedback-detail__stars-word'>{RATING_WORDS[stars]}</Text>
          </View>
          <View className='form-field__textarea feedback-detail__box'>
            <Textarea className='form-field__textarea-input' value={comment} maxlength={300} placeholder='还想说点什么（选填）' placeholderClass='form-field__placeholder' onInput={(e) => setComment(e.detail.value)} />
          </View>
          <View className='feedback-detail__button' data-testid='feedback-rate-submit'>
            <AtButton type='primary' loading={busy} disabled={busy} onClick={rate}>
              {f.status === 'closed' ? '提交评价' : '提交评价并结束'}
            </AtButton>
          </View>
        </View>
      ) : null}

      {f.canReopen ? (
        <View className='feedback-detail__card' data-testid='feedback-reopen'>
          {reopening ? (
            <>
              <Text className='feedback-detail__section'>还有什么没解决？</Text>
              <View className='form-field__textarea feedback-detail__box'>
                <Textarea className='form-field__textarea-input' value={reopenText} maxlength={500} placeholder='说说还有哪些问题（至少 2 个字）' placeholderClass='form-field__placeholder' onInput={(e) => setReopenText(e.detail.value)} nativeProps={{ 'data-testid': 'feedback-reopen-text' }} />
              </View>
              <View className='feedback-detail__button' data-testid='feedback-reopen-submit'>
                <AtButton type='secondary' loading={busy} disabled={busy} onClick={reopen}>
                  重新提交给社区
                </AtButton>
              </View>
            </>
          ) : (
            <View className='feedback-detail__reopen-row' onClick={() => setReopening(true)}>
              <Text>问题没解决？{f.reopenUntil ? `${minuteText(f.reopenUntil)} 前` : ''}可以重新打开</Text>
              <AtIcon value='chevron-right' size={16} color='#2861d8' />
            </View>
          )}
        </View>
      ) : null}
    </View>
  )
}

export default withCareMode(FeedbackDetailPage)
