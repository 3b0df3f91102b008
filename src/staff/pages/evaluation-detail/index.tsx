import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { ApplicationView } from '@shared/contracts/evaluation'
import { EVALUATION_STATUS_LABELS } from '@shared/domain/evaluation'
import { formSections, historySection, reportSections } from '@shared/domain/evaluation-form'
import Chip from '../../../components/chip'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { openDownload } from '../../../services/files/download-link'
import { applicationDocuments, certifyApplication, getApplication, reviewApplication } from '../../../services/staff/evaluation'
import { EVALUATION_STATUS_TONES, evaluationRoutes } from '../../../utils/evaluation-routes'
import { toastSuccess, toastText } from '../../../utils/toast'
import DocSections from '../../components/doc-sections'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

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
  const [busy, setBusy] = useState(false)
  const decide = async (work: () => Promise<ApplicationView>, done: string) => {
    if (busy) return
    if (opinion.trim().length < 2) return toastText('请填写意见（至少 2 个字）')
    setBusy(true)
    try {
      onChanged(await work())
      toastSuccess(done)
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(false)
    }
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
        </View>
      </View>

      {deciding ? (
        <View className='ev__card' data-testid='evaluation-decide'>
          <Text className='ev__section'>{app.may.review ? '街道初评意见' : '区县认定意见'}</Text>
          <Textarea className='ev__textarea' value={opinion} maxlength={1000} placeholder={app.may.review ? '写明初评意见；退回时写明需要补充或修改的地方' : '写明认定意见；不予认定时写明理由'} onInput={(e) => setOpinion(e.detail.value)} nativeProps={{ 'data-testid': 'ev-opinion' }} />
          <View className='ev__actions'>
            {app.may.review ? (
              <>
                <View className='ev__btn' data-testid='ev-return'><AtButton onClick={() => void decide(() => reviewApplication(app._id, app.version, 'return', opinion), '已退回社区')} disabled={busy}>
                  退回社区
                </AtButton></View>
                <View className='ev__btn' data-testid='ev-pass'><AtButton type='primary' onClick={() => void decide(() => reviewApplication(app._id, app.version, 'pass', opinion), '初评通过，已报区县')} disabled={busy}>
                  初评通过
                </AtButton></View>
              </>
            ) : (
              <>
                <View className='ev__btn' data-testid='ev-reject'><AtButton onClick={() => void decide(() => certifyApplication(app._id, app.version, 'reject', opinion), '已作出不予认定')} disabled={busy}>
                  不予认定
                </AtButton></View>
                <View className='ev__btn' data-testid='ev-certify'><AtButton type='primary' onClick={() => void decide(() => certifyApplication(app._id, app.version, 'certify', opinion), '已认定为创业型社区')} disabled={busy}>
                  认定
                </AtButton></View>
              </>
            )}
          </View>
        </View>
      ) : null}

      {app.may.spotCheck || app.status === 'spot_checked' || app.status === 'selected' ? (
        <View className='ev__card'>
          <View className='ev__item' onClick={() => void Taro.navigateTo({ url: evaluationRoutes.spotCheck(app._id) })} data-testid='ev-spotcheck-entry'>
            <Text className='ev__link'>{app.may.spotCheck ? '市级抽查：抽样回访、问卷 ›' : '查看市级抽查结果 ›'}</Text>
          </View>
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

export default function EvaluationDetailPage() {
  return (
    <StaffLayout page='evaluationDetail'>
      <EvaluationDetailPageBody />
    </StaffLayout>
  )
}
