import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { ApplicationView } from '@shared/contracts/evaluation'
import { EVALUATION_STATUS_LABELS, type ApplicationFormText, type ApplicationReport } from '@shared/domain/evaluation'
import { formSections } from '@shared/domain/evaluation-form'
import { CRITERION_LABELS, LIGHT_LABELS } from '@shared/domain/indices'
import FormField from '../../../components/form-field'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { ApiError } from '../../../services/core/cloud-core'
import { errorMessage } from '../../../services/core/cloud'
import { draftApplication, submitApplication } from '../../../services/staff/evaluation'
import { currentYear, evaluationRoutes } from '../../../utils/evaluation-routes'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import DocSections from '../../components/doc-sections'
import '../../../components/form-field/index.scss'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** The community lead's application: the 申报表 filled from the data, and the self-evaluation report to complete. */
function EvaluationEditPageBody() {
  const { params } = useRouter()
  const year = Number(params.year) || currentYear()
  const data = useLoad(() => draftApplication({ year }), [year])
  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='没能打开申报' error={data.error} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' />
  return <Editor key={data.data.version} app={data.data} onSaved={(v) => data.setData(v)} />
}

function Editor({ app, onSaved }: { app: ApplicationView; onSaved: (v: ApplicationView) => void }) {
  const [form, setForm] = useState<ApplicationFormText>(app.form)
  const [report, setReport] = useState<ApplicationReport>(app.report)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const lastStep = app.history.at(-1)

  if (!app.may.edit) {
    return (
      <PageState
        kind='empty'
        title={`申报${EVALUATION_STATUS_LABELS[app.status]}`}
        description='提交后不能再修改，可以查看审核进度'
        actionText='查看申报'
        onAction={() => void Taro.redirectTo({ url: evaluationRoutes.detail(app._id) })}
      />
    )
  }

  const run = async (work: () => Promise<ApplicationView>, done: string) => {
    if (busy) return
    setBusy(true)
    setErrors({})
    try {
      onSaved(await work())
      toastSuccess(done)
    } catch (e) {
      if (e instanceof ApiError && e.fields?.length) setErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.message])))
      toastText(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const save = () => draftApplication({ year: app.year, version: app.version, form, report })
  const submit = async () => {
    if (!(await confirm('提交申报', '提交后交街道初评，不能再修改。确定提交吗？', '提交'))) return
    void run(async () => {
      const saved = await save()
      const done = await submitApplication(saved._id, saved.version)
      void Taro.redirectTo({ url: evaluationRoutes.detail(done._id) })
      return done
    }, '已提交街道初评')
  }
  const setSection = (criterion: string, text: string) => setReport((r) => ({ ...r, sections: r.sections.map((s) => (s.criterion === criterion ? { ...s, text } : s)) }))

  return (
    <View className='ev' data-testid='evaluation-edit' data-status={app.status}>
      <View className='ev__card'>
        <Text className='ev__title'>{app.communityName} {app.year} 年创业型社区申报</Text>
        <Text className='ev__meta'>请在 {app.deadlines.apply} 前提交 · 数据来自本社区帮扶台帐和指标看板</Text>
        {app.status === 'returned' && lastStep ? (
          <Text className='ev__note' data-testid='evaluation-returned'>
            街道退回意见（{lastStep.byName}）：{lastStep.note}
          </Text>
        ) : null}
      </View>

      <View className='ev__card'>
        <Text className='ev__section'>申报表</Text>
        <FormField label='联系人' required error={errors['form.contactName']}>
          <Input className='ev__input' value={form.contactName} maxlength={20} onInput={(e) => setForm({ ...form, contactName: e.detail.value })} nativeProps={{ 'data-testid': 'ev-contact-name' }} />
        </FormField>
        <FormField label='联系电话' required error={errors['form.contactPhone']}>
          <Input className='ev__input' type='text' value={form.contactPhone} maxlength={20} onInput={(e) => setForm({ ...form, contactPhone: e.detail.value })} nativeProps={{ 'data-testid': 'ev-contact-phone' }} />
        </FormField>
        <FormField label='社区基本情况' hint='户数、人口、创业服务站、工作制度等' error={errors['form.overview']}>
          <Textarea className='ev__textarea' value={form.overview} maxlength={2000} onInput={(e) => setForm({ ...form, overview: e.detail.value })} nativeProps={{ 'data-testid': 'ev-overview' }} />
        </FormField>
      </View>

      <View className='ev__card' data-testid='evaluation-figures'>
        <View className='ev__head'>
          <Text className='ev__section ev__grow'>本年度数据</Text>
          <Text className='ev__link' onClick={() => void run(() => draftApplication({ year: app.year, version: app.version, refresh: true }), '已更新为最新数据')} data-testid='ev-refresh'>
            更新数据
          </Text>
        </View>
        <DocSections sections={formSections(app).slice(1)} />
      </View>

      <View className='ev__card'>
        <Text className='ev__section'>自评报告</Text>
        <Text className='ev__meta'>已按五项创建标准根据数据起草，请补充做法和不足</Text>
        {app.figures.criteria.map((c) => (
          <FormField key={c.criterion} label={`${CRITERION_LABELS[c.criterion]}${c.of ? `（达标 ${c.met}/${c.of}）` : ''}`} hint={c.items.map((i) => `${i.label} ${i.text}${i.light === 'none' ? '' : ` ${LIGHT_LABELS[i.light]}`}`).join('；')}>
            <Textarea
              className='ev__textarea'
              value={report.sections.find((s) => s.criterion === c.criterion)?.text ?? ''}
              maxlength={2000}
              onInput={(e) => setSection(c.criterion, e.detail.value)}
              data-testid={`ev-section-${c.criterion}`}
            />
          </FormField>
        ))}
        <FormField label='自评总结' required error={errors['report.summary']}>
          <Textarea className='ev__textarea' value={report.summary} maxlength={3000} onInput={(e) => setReport({ ...report, summary: e.detail.value })} nativeProps={{ 'data-testid': 'ev-summary' }} />
        </FormField>
        <View className='ev__actions'>
          <View className='ev__btn' data-testid='ev-save'><AtButton onClick={() => void run(save, '已保存')} disabled={busy}>
            保存
          </AtButton></View>
          <View className='ev__btn' data-testid='ev-submit'><AtButton type='primary' onClick={() => void submit()} disabled={busy}>
            提交街道初评
          </AtButton></View>
        </View>
        <View className='ev__actions'>
          <Text className='ev__link' onClick={() => void Taro.navigateTo({ url: evaluationRoutes.print(app._id, 'form') })}>打印申报表</Text>
          <Text className='ev__link' onClick={() => void Taro.navigateTo({ url: evaluationRoutes.print(app._id, 'report') })}>打印自评报告</Text>
        </View>
      </View>
    </View>
  )
}

export default function EvaluationEditPage() {
  return (
    <StaffLayout page='evaluationEdit'>
      <EvaluationEditPageBody />
    </StaffLayout>
  )
}
