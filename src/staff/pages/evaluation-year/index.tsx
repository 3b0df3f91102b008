import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { deadlinesInput, extendInput, type ListOutput, type RemindBehindOutput } from '@shared/contracts/evaluation'
import { shanghaiDate } from '@shared/domain/time'
import { DEADLINE_KEYS, DEADLINE_LABELS, type DeadlineKey, type EvaluationDeadlines, EVALUATION_STATUS_LABELS } from '@shared/domain/evaluation'
import ChoiceChips from '../../../components/choice-chips'
import Chip from '../../../components/chip'
import DateInput from '../../../components/date-input'
import FormField from '../../../components/form-field'
import PageState from '../../../components/page-state'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { evaluationDeadlines, extendDeadline, listApplications, remindBehind } from '../../../services/staff/evaluation'
import { currentYear, EVALUATION_STATUS_TONES, evaluationRoutes } from '../../../utils/evaluation-routes'
import { toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

const ALL = 'all'

/**
 * 评估年度管理 (市创建办): the year's deadlines, extensions for one community or all, 催办 to those
 * behind, and each community's standing (its page has 重新打开 and 命名/授牌).
 */
function EvaluationYearPageBody() {
  const { params } = useRouter()
  const year = Number(params.year) || currentYear()
  const data = useLoad(async () => {
    const [list, deadlines] = await Promise.all([listApplications(year), evaluationDeadlines(year)])
    return { list, deadlines }
  }, [year])
  if (data.status === 'error' && !data.data) return <PageState kind='error' title='没能打开评估年度' error={data.error} onAction={() => void data.reload()} />
  if (!data.data) return <PageState kind='loading' />
  if (!data.data.list.mayManage) return <PageState kind='empty' title='评估年度由市创建办管理' description='截止日、延期、催办和命名授牌由市创建办办理；如需延期，请联系市创建办' />
  const { deadlines, list } = data.data
  const base: EvaluationDeadlines = { apply: deadlines.apply, review: deadlines.review, certify: deadlines.certify, spotCheck: deadlines.spotCheck }
  return <YearBody key={JSON.stringify(base)} year={year} base={base} list={list} onChanged={() => void data.reload()} />
}

function YearBody({ year, base, list, onChanged }: { year: number; base: EvaluationDeadlines; list: ListOutput; onChanged: () => void }) {
  const [dates, setDates] = useState<EvaluationDeadlines>(base)
  const saveDates = useFormSubmit({
    schema: deadlinesInput,
    submit: (value) => evaluationDeadlines(value.year, value.set),
    successToast: '截止日期已保存',
    then: onChanged,
  })

  const [step, setStep] = useState<DeadlineKey>('apply')
  const [who, setWho] = useState<string>(ALL)
  const [until, setUntil] = useState('')
  const [reason, setReason] = useState('')
  const [extended, setExtended] = useState<string | null>(null)
  const extending = useFormSubmit({
    schema: extendInput,
    submit: (value) => extendDeadline(value),
    then: (out) => {
      const name = out.communityId ? list.items.find((i) => i.communityId === out.communityId)?.communityName ?? '' : '全部社区'
      const moved = out.moved.length ? `；${out.moved.map((k) => DEADLINE_LABELS[k]).join('、')}随之顺延到 ${out.deadlines[step]}` : ''
      setExtended(`${name}的${DEADLINE_LABELS[step]}截止日已延到 ${out.deadlines[step]}${moved}`)
      toastSuccess('已延期')
      onChanged()
    },
  })

  const [reminding, setReminding] = useState(false)
  const [reminded, setReminded] = useState<RemindBehindOutput | null>(null)
  const remind = async () => {
    if (reminding) return
    setReminding(true)
    try {
      setReminded(await remindBehind(year))
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setReminding(false)
    }
  }

  const communityOptions = [ALL, ...list.items.map((i) => i.communityId)]
  const communityLabels: Record<string, string> = { [ALL]: '全部社区', ...Object.fromEntries(list.items.map((i) => [i.communityId, i.communityName])) }

  return (
    <View className='ev ev-year' data-testid='evaluation-year'>
      <View className='ev__card ev-year__wide'>
        <Text className='ev__title'>{year} 年创业型社区创建评估</Text>
        <Text className='ev__meta'>按市里的通知：申报 9 月底、初评 10 月底、认定和授牌 11 月底、抽查 12 月底。这里可以改日期、给社区延期、提醒落后的单位。</Text>
      </View>

      <View className='ev__card ev-year__wide' data-testid='year-deadlines'>
        <Text className='ev__section'>各环节截止日期</Text>
        <View className='ev-year__dates'>
          {DEADLINE_KEYS.map((k) => (
            <FormField key={k} label={DEADLINE_LABELS[k]} required error={saveDates.errors[`set.${k}`]} testId={`deadline-${k}`}>
              <DateInput value={dates[k]} start={`${year}-01-01`} placeholder='请选择日期' onChange={(v) => { setDates((d) => ({ ...d, [k]: v })); saveDates.clear(`set.${k}`) }} testId={`deadline-${k}-input`} label={`${DEADLINE_LABELS[k]}截止日`} />
            </FormField>
          ))}
        </View>
        {saveDates.errors.year ? <Text className='form-field__error'>{saveDates.errors.year}</Text> : null}
        <View className='ev__actions'>
          <View className='ev__btn' data-testid='deadlines-save'>
            <AtButton type='primary' loading={saveDates.busy !== null} disabled={saveDates.busy !== null} onClick={() => void saveDates.run({ year, set: dates })}>
              保存截止日期
            </AtButton>
          </View>
        </View>
      </View>

      <View className='ev__card' data-testid='year-extend'>
        <Text className='ev__section'>延期</Text>
        <FormField label='环节' required testId='extend-step'>
          <ChoiceChips options={DEADLINE_KEYS} labels={DEADLINE_LABELS} value={step} onChange={(v) => setStep(v as DeadlineKey)} testIdPrefix='extend-step' />
        </FormField>
        <FormField label='给谁延期' required error={extending.errors.communityId} testId='extend-who'>
          <ChoiceChips options={communityOptions} labels={communityLabels} value={who} onChange={(v) => setWho(v as string)} testIdPrefix='extend-who' />
        </FormField>
        <FormField label='延到哪天' required error={extending.errors.until ?? extending.errors.year} hint={`现在是 ${base[step]}；后面的环节早于新日期的会一起顺延`} testId='extend-until'>
          <DateInput value={until} initial={base[step]} start={shanghaiDate(new Date())} placeholder='请选择日期' onChange={(v) => { setUntil(v); extending.clear('until') }} testId='extend-until-input' label='延期到' />
        </FormField>
        <FormField label='原因' required error={extending.errors.reason} testId='extend-reason'>
          <Input className='form-field__input' value={reason} maxlength={200} placeholder='例如：社区换届，材料晚交' onInput={(e) => { setReason(e.detail.value); extending.clear('reason') }} nativeProps={{ 'data-testid': 'extend-reason-input', 'aria-label': '延期原因' }} />
        </FormField>
        <View className='ev__actions'>
          <View className='ev__btn' data-testid='extend-save'>
            <AtButton type='primary' loading={extending.busy !== null} disabled={extending.busy !== null} onClick={() => void extending.run({ year, step, until, reason, communityId: who === ALL ? null : who })}>
              延期
            </AtButton>
          </View>
        </View>
        {extended ? <Text className='ev-year__result' data-testid='extend-result'>{extended}</Text> : null}
      </View>

      <View className='ev__card' data-testid='year-remind'>
        <Text className='ev__section'>催办</Text>
        <Text className='ev__meta'>给还没办完最早一个环节的单位发站内消息；绑定了微信的工作人员同时收到微信提醒。同一天只发一次。</Text>
        <View className='ev__actions'>
          <View className='ev__btn' data-testid='remind-behind'>
            <AtButton loading={reminding} disabled={reminding} onClick={() => void remind()}>
              提醒落后的单位
            </AtButton>
          </View>
        </View>
        {reminded ? (
          <Text className='ev-year__result' data-testid='remind-result'>
            {reminded.step
              ? `${DEADLINE_LABELS[reminded.step]}环节有 ${reminded.behind.length} 个社区还没办完：${reminded.behind.map((b) => b.communityName).join('、')}。\n已发站内消息 ${reminded.sent} 条，微信提醒 ${reminded.pushed} 条${reminded.sent === 0 ? '（今天已经提醒过）' : ''}。`
              : '各环节都已办完，没有需要提醒的单位。'}
          </Text>
        ) : null}
      </View>

      <View className='ev__card ev-year__wide'>
        <Text className='ev__section'>各社区进度</Text>
        {list.items.map((i) => (
          <View key={i.communityId} className='ev__item' data-testid={`year-item-${i.communityId}`} onClick={() => (i.id ? void Taro.navigateTo({ url: evaluationRoutes.detail(i.id) }) : undefined)}>
            <View className='ev__head'>
              <Text className='ev__grow'>{i.communityName}</Text>
              <Chip small tone={EVALUATION_STATUS_TONES[i.status]} label={i.status === 'none' ? '未申报' : EVALUATION_STATUS_LABELS[i.status]} />
            </View>
            {i.lastNote ? <Text className='ev__meta'>最近：{i.lastNote}</Text> : null}
          </View>
        ))}
      </View>
    </View>
  )
}

export default function EvaluationYearPage() {
  return (
    <StaffLayout page='evaluationYear'>
      <EvaluationYearPageBody />
    </StaffLayout>
  )
}
