import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import type { ReportView } from '@shared/contracts/report'
import { whoAt } from '@shared/domain/report'
import { dayText } from '@shared/domain/time'
import { AttachmentList } from '../../../components/attachment-picker'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { FieldTextarea } from '../../../components/form-field'
import { useLoad } from '../../../hooks/use-load'
import { commentReport, forwardReport, getReport, markGoodReport } from '../../../services/report/report'
import { confirm } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import { useAction } from '../../../hooks/use-action'
import './index.scss'

/** One 简报: its text, photos and files, where it went and who read it when, comments, and the receiver's actions. */
function ReportDetailBody() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const data = useLoad(() => getReport(id), [id])
  if (data.status === 'error' && !data.data) return <PageState kind='error' title='这份简报没能打开' error={data.error} onAction={() => void data.reload()} />
  if (!data.data) return <PageState kind='loading' />
  return <Body key={data.data.version} r={data.data} onChanged={() => void data.reload()} />
}

function Body({ r, onChanged }: { r: ReportView; onChanged: () => void }) {
  const [text, setText] = useState('')
  const { busy, run } = useAction(onChanged)
  return (
    <View className='report-detail'>
      <View className='report-detail__card'>
        <View className='report-detail__card-head'>
          <Text className='report-detail__title'>{r.title}</Text>
          {r.good ? <Chip small tone='success' label='好经验' testId='report-good' /> : null}
        </View>
        <Text className='report-detail__meta'>
          {r.kindLabel}
          {r.year ? `（${r.year} 年评估）` : ''} · {whoAt(r.fromOrgName, r.authorName)} · {dayText(r.createdAt)}
        </Text>
        <Text className='report-detail__body'>{r.body}</Text>
        {r.photos.length ? (
          <View className='report-detail__photos' data-testid='report-photos'>
            {r.photos.map((p, i) => (
              <Image
                key={p.url}
                className='report-detail__photo'
                src={p.url}
                mode='aspectFill'
                aria-label={`照片 ${i + 1}`}
                onClick={() => void Taro.previewImage({ current: p.url, urls: r.photos.map((x) => x.url) })}
              />
            ))}
          </View>
        ) : null}
        <AttachmentList files={r.files} testId='report-files' />
        {r.goodBy ? (
          <Text className='report-detail__meta'>
            {whoAt(r.goodBy.orgName, r.goodBy.byName)} 于 {dayText(r.goodBy.at)} 推荐为好经验{r.goodBy.note ? `：${r.goodBy.note}` : ''}
          </Text>
        ) : null}
      </View>

      <View className='report-detail__card' data-testid='report-hops'>
        <Text className='report-detail__section'>报送与阅读</Text>
        {r.hops.map((h, i) => (
          <View key={i} className='report-detail__hop' data-testid='report-hop'>
            <Text className='report-detail__line'>
              {whoAt(h.sentByOrgName, h.sentByName)} {i === 0 ? '报送' : '转报'}给 {h.orgName} · {dayText(h.sentAt)}
            </Text>
            <Chip small tone={h.readAt ? 'success' : 'warning'} label={h.readAt ? `已读 · ${whoAt(h.orgName, h.readByName)} ${dayText(h.readAt)}` : '未读'} testId='hop-status' />
          </View>
        ))}
      </View>

      <View className='report-detail__card'>
        <Text className='report-detail__section'>批注</Text>
        {r.comments.length === 0 ? <Text className='report-detail__meta'>还没有批注</Text> : null}
        {r.comments.map((c) => (
          <View key={c.id} className='report-detail__comment'>
            <Text className='report-detail__meta'>
              {whoAt(c.orgName, c.byName)} · {dayText(c.at)}
            </Text>
            <Text className='report-detail__line'>{c.text}</Text>
          </View>
        ))}
        {r.can.comment ? (
          <View className='report-detail__reply'>
            <FieldTextarea value={text} onInput={setText} maxlength={500} placeholder='写批注（2–500 个字）' testId='comment-input' />
            <View className='report-detail__actions'>
              <AtButton size='small' type='secondary' disabled={busy || text.trim().length < 2} onClick={() => void run(() => commentReport(r.id, text), '已批注')}>
                批注
              </AtButton>
            </View>
          </View>
        ) : null}
      </View>

      {r.can.markGood || r.can.forward ? (
        <View className='report-detail__actions'>
          {r.can.forward ? (
            <View data-testid='report-forward'>
              <AtButton size='small' type='secondary' disabled={busy} onClick={() => void (async () => (await confirm('转报', `转报给${r.forwardTo}？`, '转报')) && run(() => forwardReport(r.id), '已转报'))()}>
                转报{r.forwardTo}
              </AtButton>
            </View>
          ) : null}
          {r.can.markGood ? (
            <View data-testid='report-mark-good'>
              <AtButton size='small' type='primary' disabled={busy} onClick={() => void run(() => markGoodReport(r.id), '已推荐为好经验')}>
                推荐为好经验
              </AtButton>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

export default function ReportDetailPage() {
  return (
    <StaffLayout page='reportDetail'>
      <ReportDetailBody />
    </StaffLayout>
  )
}
