import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import { reportSendInput, type ReportBox, type ReportLine } from '@shared/contracts/report'
import { pageUrl } from '@shared/domain/pages'
import { REPORT_KIND_LABELS, REPORT_MAX_FILES, REPORT_MAX_PHOTOS, type ReportKind, whoAt } from '@shared/domain/report'
import { can } from '@shared/domain/roles'
import { dayText } from '@shared/domain/time'
import ChoiceChips from '../../../components/choice-chips'
import Chip from '../../../components/chip'
import FormField, { FieldTextarea } from '../../../components/form-field'
import ListFooter from '../../../components/list-footer'
import PageState from '../../../components/page-state'
import AttachmentPicker, { type PickedDocument } from '../../../components/attachment-picker'
import type { PickedPhoto } from '../../../components/photo-picker'
import SegmentTabs from '../../../components/segment-tabs'
import { useFormSave } from '../../../hooks/use-form-save'
import { useLoad } from '../../../hooks/use-load'
import { useListPage, usePagedList } from '../../../hooks/use-paged-list'
import { getMe } from '../../../services/profile/profile'
import { listReports, reportTargets, sendReport } from '../../../services/report/report'
import 'taro-ui/lib/style/components/button.scss'
import FormActions from '../../components/form-actions'
import StaffLayout from '../../components/staff-layout'
import { staffGate } from '../../components/staff-gate'
import './index.scss'

const BOX_LABELS: Record<ReportBox, string> = { inbox: '收到的', sent: '报送的', good: '好经验' }

/** 工作简报: what my org received (receivers), what it sent (senders), and every 好经验. */
function ReportsPageBody() {
  const { params } = useRouter()
  const me = useLoad(() => getMe(), [])
  const role = me.data?.staff?.role
  const boxes: ReportBox[] = role ? [...(can(role, 'report.receive') ? (['inbox'] as const) : []), ...(can(role, 'report.send') ? (['sent'] as const) : []), 'good'] : ['good']
  const asked = params.box as ReportBox | undefined
  const [box, setBox] = useState<ReportBox | null>(null)
  const current: ReportBox = box ?? (asked && boxes.includes(asked) ? asked : boxes[0])
  const unreadOnly = box === null && params.unread === '1'
  const [writing, setWriting] = useState(false)
  const list = usePagedList((after) => (role ? listReports(current, { unread: unreadOnly, after, limit: 20 }) : Promise.resolve({ items: [], next: null })), [role, current, unreadOnly])
  useListPage(list)
  const gate = staffGate(me)
  if (gate.stop) return gate.stop
  const mayWrite = role ? can(role, 'report.send') : false

  return (
    <View className='reports'>
      <View className='reports__head'>
        <View>
          <Text className='reports__title'>工作简报</Text>
          <Text className='reports__sub'>向上一级报送工作简报、工作情况和好经验；上级推荐的好经验所有社区都能看</Text>
        </View>
        <View className='reports__head-actions'>
          <Text className='reports__link' onClick={() => void Taro.navigateTo({ url: pageUrl('staffHonors') })} data-testid='honors-link'>
            表彰名单 ›
          </Text>
          {mayWrite && !writing ? (
            <View data-testid='new-report'>
              <AtButton type='primary' size='small' onClick={() => setWriting(true)}>
                ＋ 写简报
              </AtButton>
            </View>
          ) : null}
        </View>
      </View>
      {writing ? (
        <ReportForm
          onDone={(sent) => {
            setWriting(false)
            if (sent) {
              setBox('sent')
              void list.refresh({ quiet: true })
            }
          }}
        />
      ) : null}
      <SegmentTabs tabs={boxes.map((k) => ({ key: k, label: BOX_LABELS[k] }))} value={current} onChange={(k) => setBox(k)} testIdPrefix='report-box' />
      {unreadOnly ? <Text className='reports__meta'>只看未读的</Text> : null}
      {list.status === 'loading' ? (
        <PageState kind='loading' compact />
      ) : list.status === 'error' ? (
        <PageState kind='error' compact title='简报加载失败' error={list.error} onAction={() => void list.refresh()} />
      ) : list.items.length === 0 ? (
        <PageState kind='empty' compact title={current === 'good' ? '还没有推荐的好经验' : current === 'inbox' ? '没有收到简报' : '还没有报送过简报'} testId='reports-empty' />
      ) : (
        <View data-testid='report-list'>
          {list.items.map((r) => (
            <Row key={r.id} r={r} box={current} />
          ))}
          <ListFooter list={list} />
        </View>
      )}
    </View>
  )
}

function Row({ r, box }: { r: ReportLine; box: ReportBox }) {
  const status = box === 'sent' ? (r.readAt ? '已读' : '未读') : box === 'inbox' ? (r.readByMe ? '已读' : '未读') : null
  return (
    <View className='reports__card' data-testid='report-row' onClick={() => void Taro.navigateTo({ url: pageUrl('reportDetail', { id: r.id }) })}>
      <View className='reports__card-head'>
        <Text className='reports__name'>{r.title}</Text>
        {status ? <Chip small tone={status === '已读' ? 'success' : 'warning'} label={status} testId='report-status' /> : null}
      </View>
      <Text className='reports__meta'>
        {r.kindLabel} · {whoAt(r.fromOrgName, r.authorName)} · {dayText(r.createdAt)}
        {r.good ? ' · 好经验' : ''}
        {r.commentCount ? ` · ${r.commentCount} 条批注` : ''}
        {r.photoCount ? ` · ${r.photoCount} 张照片` : ''}
        {r.fileCount ? ` · ${r.fileCount} 个附件` : ''}
      </Text>
    </View>
  )
}

const KINDS: ReportKind[] = ['brief', 'situation', 'experience', 'certification']

function ReportForm({ onDone }: { onDone: (sent: boolean) => void }) {
  const targets = useLoad(() => reportTargets(), [])
  const [kind, setKind] = useState<ReportKind | null>('brief')
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [year, setYear] = useState<number | null>(null)
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [files, setFiles] = useState<PickedDocument[]>([])
  const [uploading, setUploading] = useState(false)
  const form = useFormSave('简报', reportSendInput, sendReport, onDone, '已报送')
  const { errors, busy } = form
  const t = targets.data
  if (!t) return <PageState kind='loading' compact />
  if (!t.parent) return <PageState kind='empty' compact title='本单位没有上一级，不需要报送' />
  const kinds = KINDS.filter((k) => k !== 'certification' || t.fromLevel === 'district')
  return (
    <View className='reports__form' data-testid='report-form'>
      <Text className='reports__meta'>
        {t.fromOrgName} → 报送给 {t.parent.name}
      </Text>
      <FormField label='类型' required error={errors.kind}>
        <ChoiceChips options={kinds} labels={REPORT_KIND_LABELS} value={kind} onChange={(v) => setKind(v as ReportKind)} testIdPrefix='report-kind' />
      </FormField>
      {kind === 'certification' ? (
        <FormField label='评估年度' required error={errors.year}>
          <ChoiceChips options={t.years.map(String)} labels={Object.fromEntries(t.years.map((y) => [String(y), `${y} 年`]))} value={year ? String(year) : null} onChange={(v) => setYear(Number(v))} testIdPrefix='report-year' />
        </FormField>
      ) : null}
      <FormField label='标题' required error={errors.title}>
        <Input className='form-field__input' value={title} maxlength={40} placeholder='例如：社区创业夜市开张' onInput={(e) => setTitle(e.detail.value)} nativeProps={{ 'data-testid': 'report-title-input' }} />
      </FormField>
      <FormField label='正文' required error={errors.body} hint='做了什么、效果如何、有什么经验或困难'>
        <FieldTextarea value={body} onInput={setBody} maxlength={3000} placeholder='10–3000 个字' testId='report-body-input' />
      </FormField>
      <FormField label='照片和附件' error={errors.photos ?? errors.files} hint={`可选：照片最多 ${REPORT_MAX_PHOTOS} 张（JPG、PNG 或 WebP，每张不超过 2 MB）；文件最多 ${REPORT_MAX_FILES} 个`} testId='report-photos'>
        <AttachmentPicker
          photos={photos}
          onPhotos={setPhotos}
          maxPhotos={REPORT_MAX_PHOTOS}
          files={files}
          onFiles={setFiles}
          maxFiles={REPORT_MAX_FILES}
          errors={errors}
          photoField='photos'
          onUploading={setUploading}
          testIdPrefix='report'
        />
      </FormField>
      {errors.toOrgId ? <Text className='reports__error'>{errors.toOrgId}</Text> : null}
      <FormActions
        busy={busy || uploading}
        onCancel={() => onDone(false)}
        onSave={() => form.submit({ kind: kind ?? undefined, title, body, photos: photos.map((p) => p.ref), files: files.map((f) => ({ ref: f.ref, name: f.name })), toOrgId: t.parent?.id ?? '', year })}
        saveTestId='report-send'
        saveText='报送'
      />
    </View>
  )
}

export default function ReportsPage() {
  return (
    <StaffLayout page='staffReports'>
      <ReportsPageBody />
    </StaffLayout>
  )
}
