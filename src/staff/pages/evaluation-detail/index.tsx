import { useState } from 'react'
import { Image, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { AtButton, AtIcon } from 'taro-ui'
import type { ApplicationView } from '@shared/contracts/evaluation'
import { EVALUATION_STATUS_LABELS } from '@shared/domain/evaluation'
import { formSections, historySection, reportSections } from '@shared/domain/evaluation-form'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage, isApiError } from '../../../services/core/cloud'
import { uploadFeedbackPhoto } from '../../../services/feedback/feedback-photo'
import DateInput from '../../../components/date-input'
import FormField from '../../../components/form-field'
import PrivacyPrompt from '../../../components/privacy-prompt'
import { openDownload } from '../../../services/files/download-link'
import { applicationDocuments, awardCertificate, awardTitle, certifyApplication, getApplication, reopenApplication, reviewApplication, revokeTitle } from '../../../services/staff/evaluation'
import { shanghaiDate } from '@shared/domain/time'
import { EVALUATION_STATUS_TONES, evaluationRoutes } from '../../../utils/evaluation-routes'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import DocSections from '../../components/doc-sections'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import { useAction } from '../../../hooks/use-action'
import './index.scss'

/** The scanned 授牌 certificate, opened full screen from a temporary link. */
async function viewCertificate(id: string): Promise<void> {
  try {
    const { url } = await awardCertificate(id)
    await Taro.previewImage({ current: url, urls: [url] })
  } catch (e) {
    toastText(errorMessage(e))
  }
}

/** One application for every level: the form, the report, who did what, and the step open to the caller (review, certify). */
function EvaluationDetailPageBody() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const data = useLoad(() => getApplication(id), [id])
  useDidShow(() => {
    if (data.data) void data.reload()
  })
  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='没能打开申报' error={data.error} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' />
  return <Body key={data.data.version} app={data.data} onChanged={(v) => data.setData(v)} />
}

function Body({ app, onChanged }: { app: ApplicationView; onChanged: (v: ApplicationView) => void }) {
  const [opinion, setOpinion] = useState('')
  const { busy, run } = useAction(onChanged)
  /** A decision cannot be taken back: it asks first, naming what happens. */
  const decide = async (work: () => Promise<ApplicationView>, done: string, ask: [title: string, content: string, confirmText: string]) => {
    if (busy) return
    if (opinion.trim().length < 2) return toastText('请填写意见（至少 2 个字）')
    if (!(await confirm(...ask))) return
    await run(work, done)
  }
  const download = async () => {
    try {
      const out = await applicationDocuments(app._id)
      await openDownload(out)
    } catch (e) {
      toastText(errorMessage(e))
    }
  }
  const deciding = app.may.review || app.may.certify

  return (
    <View className='ev' data-testid='evaluation-detail' data-status={app.status}>
      <View className='ev__card'>
        <View className='ev__head'>
          <Text className='ev__title ev__grow'>{app.communityName} {app.year} 年申报</Text>
          <Chip small tone={EVALUATION_STATUS_TONES[app.status]} label={EVALUATION_STATUS_LABELS[app.status]} testId='evaluation-detail-status' />
        </View>
        <Text className='ev__meta'>
          截止：申报 {app.deadlines.apply} · 初评 {app.deadlines.review} · 认定 {app.deadlines.certify} · 抽查 {app.deadlines.spotCheck}
        </Text>
        <View className='ev__actions'>
          <Text className='ev__link' onClick={() => void Taro.navigateTo({ url: evaluationRoutes.print(app._id, 'form') })} data-testid='ev-print-form'>打印申报表</Text>
          <Text className='ev__link' onClick={() => void Taro.navigateTo({ url: evaluationRoutes.print(app._id, 'report') })}>打印自评报告</Text>
          <Text className='ev__link' onClick={() => void download()} data-testid='ev-download'>下载 Excel</Text>
          <Text className='ev__link' onClick={() => void Taro.navigateTo({ url: evaluationRoutes.score(app.communityId, app.year) })} data-testid='ev-score-sheet'>评审评分表</Text>
        </View>
      </View>

      {deciding ? (
        <View className='ev__card' data-testid='evaluation-decide'>
          <Text className='ev__section'>{app.may.review ? '街道初评意见' : '区县认定意见'}</Text>
          <Textarea className='ev__textarea' value={opinion} maxlength={1000} placeholder={app.may.review ? '写明初评意见；退回时写明需要补充或修改的地方' : '写明认定意见；不予认定时写明理由'} onInput={(e) => setOpinion(e.detail.value)} nativeProps={{ 'data-testid': 'ev-opinion' }} />
          <View className='ev__actions'>
            {app.may.review ? (
              <>
                <View className='ev__btn' data-testid='ev-return'><AtButton onClick={() => void decide(() => reviewApplication(app._id, app.version, 'return', opinion), '已退回社区', ['退回社区', `把${app.communityName}的申报退回社区修改？社区改后重新提交，再由街道初评。`, '退回'])} disabled={busy}>
                  退回社区
                </AtButton></View>
                <View className='ev__btn' data-testid='ev-pass'><AtButton type='primary' onClick={() => void decide(() => reviewApplication(app._id, app.version, 'pass', opinion), '初评通过，已报区县', ['初评通过', `${app.communityName}的申报初评通过并报区县？通过后初评意见不能再改。`, '通过'])} disabled={busy}>
                  初评通过
                </AtButton></View>
              </>
            ) : (
              <>
                <View className='ev__btn' data-testid='ev-reject'><AtButton onClick={() => void decide(() => certifyApplication(app._id, app.version, 'reject', opinion), '已作出不予认定', ['不予认定', `对${app.communityName} ${app.year} 年的申报作出不予认定？作出后不能撤回。`, '不予认定'])} disabled={busy}>
                  不予认定
                </AtButton></View>
                <View className='ev__btn' data-testid='ev-certify'><AtButton type='primary' onClick={() => void decide(() => certifyApplication(app._id, app.version, 'certify', opinion), '已认定为创业型社区', ['认定', `认定${app.communityName}为 ${app.year} 年创业型社区？认定后不能撤回。`, '认定'])} disabled={busy}>
                  认定
                </AtButton></View>
              </>
            )}
          </View>
        </View>
      ) : null}

      {app.award || app.revocation ? (
        <View className='ev__card' data-testid='evaluation-award'>
          <Text className='ev__section'>命名授牌</Text>
          {app.award ? <Text className='ev__meta'>{app.award.date} 命名授牌，文号 {app.award.documentNo}{app.award.certificate ? '（证书扫描件已存档）' : ''}，{app.award.byName} 登记</Text> : null}
          {app.revocation ? <Text className='ev__meta'>{app.revocation.date} 撤销命名，文号 {app.revocation.documentNo}：{app.revocation.reason}</Text> : null}
          {app.award?.certificate ? (
            <Text className='ev__link' onClick={() => void viewCertificate(app._id)} data-testid='award-certificate'>
              查看证书扫描件 ›
            </Text>
          ) : null}
        </View>
      ) : null}

      {app.may.manage ? <ManagePanel app={app} onChanged={onChanged} /> : null}

      {app.may.spotCheck || app.status === 'spot_checked' || app.status === 'selected' ? (
        <View className='ev__card'>
          <View className='ev__item' onClick={() => void Taro.navigateTo({ url: evaluationRoutes.spotCheck(app._id) })} data-testid='ev-spotcheck-entry'>
            <Text className='ev__link'>{app.may.spotCheck ? '市级抽查：抽样回访、问卷 ›' : '查看市级抽查结果 ›'}</Text>
          </View>
        </View>
      ) : null}

      {app.live ? (
        <View className='ev__card' data-testid='evaluation-live'>
          <Text className='ev__section'>申报后数据的变化</Text>
          <Text className='ev__meta'>
            申报表中的数字是{app.figures.at.slice(0, 10)}提交时的快照（指标口径第 {app.live.snapshotVersion} 版）；下面是截至 {app.live.asOf} 的实时数字（第 {app.live.definitionVersion} 版口径），只列出不同的项。
          </Text>
          {app.live.changed.map((c) => (
            <View className='ev__item' key={c.label}>
              <Text>{c.label}：申报时 {c.snapshot} → 现在 {c.live}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <View className='ev__card' data-testid='evaluation-form'>
        <Text className='ev__section'>申报表</Text>
        <DocSections sections={formSections(app)} />
      </View>
      <View className='ev__card'>
        <Text className='ev__section'>自评报告</Text>
        <DocSections sections={reportSections(app)} testIdPrefix='report-section' />
      </View>
      <View className='ev__card' data-testid='evaluation-history'>
        <Text className='ev__section'>流程记录</Text>
        {historySection(app).rows.map(([when, what], i) => (
          <Text key={i} className={`ev__history${app.history[i]?.late ? ' ev__late' : ''}`}>
            {when} · {what}
            {'\n'}
          </Text>
        ))}
      </View>
    </View>
  )
}

/** 市创建办: reopen the application, record the 命名/授牌, withdraw it (动态管理). Each asks before it acts. */
function ManagePanel({ app, onChanged }: { app: ApplicationView; onChanged: (v: ApplicationView) => void }) {
  const today = shanghaiDate(new Date())
  const [reason, setReason] = useState('')
  const [date, setDate] = useState(today)
  const [documentNo, setDocumentNo] = useState('')
  const [busy, setBusy] = useState(false)
  /** The scanned certificate: the chosen picture (shown) and the reference the upload answered. */
  const [certificate, setCertificate] = useState<{ preview: string; ref: string } | null>(null)
  const [uploading, setUploading] = useState(false)
  const [certError, setCertError] = useState('')
  const awarded = Boolean(app.award && !app.revocation)
  const awardable = ['certified', 'spot_checked', 'selected'].includes(app.status) && !awarded
  const act = async (question: string, work: () => Promise<ApplicationView>, done: string) => {
    if (busy || uploading) return
    const sure = await Taro.showModal({ title: '请确认', content: question, confirmText: '确定' })
    if (!sure.confirm) return
    setBusy(true)
    try {
      onChanged(await work())
      toastSuccess(done)
    } catch (e) {
      const field = isApiError(e) ? e.fields.find((f) => f.path === 'certificate') : undefined
      if (field) setCertError(field.message)
      toastText(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  /** The certificate goes where feedback photos go (H5: the runtime's upload route; WeChat: cloud storage), checked the same way. */
  const chooseCertificate = async () => {
    if (uploading) return
    let path: string
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      path = res.tempFilePaths[0]
    } catch {
      return // Closed the picker.
    }
    if (!path) return
    setUploading(true)
    setCertError('')
    try {
      setCertificate({ preview: path, ref: await uploadFeedbackPhoto(path) })
    } catch (e) {
      setCertError(isApiError(e) && e.fields[0] ? e.fields[0].message : errorMessage(e))
    } finally {
      setUploading(false)
    }
  }
  return (
    <View className='ev__card' data-testid='evaluation-manage'>
      <PrivacyPrompt purpose='选择证书照片' />
      <Text className='ev__section'>市创建办办理</Text>
      <Text className='ev__meta'>重新打开：申报退回社区修改后重新提交。命名授牌：填写命名文件的日期和文号，可附证书扫描件。撤销命名：动态管理中不再达标的社区。</Text>
      <FormField label={awarded ? '撤销日期' : '日期'} testId='manage-date-field'>
        <DateInput value={date} end={today} onChange={setDate} label='日期' testId='manage-date' />
      </FormField>
      <FormField label='文号' testId='manage-docno-field'>
        <Input className='form-field__input' value={documentNo} maxlength={50} placeholder='例如 攀创办〔2026〕12 号' onInput={(e) => setDocumentNo(e.detail.value)} nativeProps={{ 'data-testid': 'manage-docno', 'aria-label': '文号' }} />
      </FormField>
      {awardable ? (
        <FormField label='证书扫描件' error={certError} hint='可选：拍照或选一张图片，JPG、PNG 或 WebP，不超过 2 MB' testId='manage-certificate-field'>
          <View className='ev__photos'>
            {certificate ? (
              <View className='ev__photo' data-testid='manage-certificate'>
                <Image className='ev__photo-img' src={certificate.preview} mode='aspectFill' />
                <View className='ev__photo-remove' onClick={() => setCertificate(null)} aria-label='移除证书扫描件' data-testid='manage-certificate-remove'>
                  <AtIcon value='close' size={12} color='#fff' />
                </View>
              </View>
            ) : (
              <View className='ev__photo ev__photo--add' onClick={() => void chooseCertificate()} data-testid='manage-certificate-add'>
                <AtIcon value={uploading ? 'loading-3' : 'camera'} size={24} color='#8f959e' />
                <Text className='ev__photo-note'>{uploading ? '上传中' : '上传证书'}</Text>
              </View>
            )}
          </View>
        </FormField>
      ) : null}
      <FormField label='原因' hint='重新打开、撤销命名时填写' testId='manage-reason-field'>
        <Textarea className='ev__textarea' value={reason} maxlength={200} placeholder='例如：补齐台帐后重新申报' onInput={(e) => setReason(e.detail.value)} nativeProps={{ 'data-testid': 'manage-reason' }} />
      </FormField>
      <View className='ev__actions'>
        {app.status !== 'draft' && app.status !== 'returned' && !awarded ? (
          <View className='ev__btn' data-testid='manage-reopen'><AtButton disabled={busy} onClick={() => void act(`把${app.communityName}的申报退回社区重新办理？`, () => reopenApplication(app._id, reason), '已重新打开，退回社区')}>
            重新打开
          </AtButton></View>
        ) : null}
        {awardable ? (
          <View className='ev__btn' data-testid='manage-award'><AtButton type='primary' disabled={busy || uploading} onClick={() => void act(`登记${app.communityName}于 ${date} 命名授牌（${documentNo}）${certificate ? '，附证书扫描件' : '，不附证书扫描件'}？`, () => awardTitle({ id: app._id, date, documentNo, certificate: certificate?.ref ?? null }), '已登记命名授牌')}>
            命名授牌
          </AtButton></View>
        ) : null}
        {awarded ? (
          <View className='ev__btn' data-testid='manage-revoke'><AtButton disabled={busy} onClick={() => void act(`撤销${app.communityName}的创业型社区称号？`, () => revokeTitle({ id: app._id, date, documentNo, reason }), '已撤销命名')}>
            撤销命名
          </AtButton></View>
        ) : null}
      </View>
    </View>
  )
}

export default function EvaluationDetailPage() {
  return (
    <StaffLayout page='evaluationDetail'>
      <EvaluationDetailPageBody />
    </StaffLayout>
  )
}
