import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { ApplicationView, SampleRow } from '@shared/contracts/evaluation'
import { shanghaiDate } from '@shared/domain/time'
import { SPOT_METHOD_LABELS, SPOT_METHODS, type SpotMethod } from '@shared/domain/evaluation'
import Chip from '../../../components/chip'
import DateInput from '../../../components/date-input'
import PageState from '../../../components/page-state'
import { useLoad } from '../../../hooks/use-load'
import { errorMessage } from '../../../services/core/cloud'
import { drawSample, getApplication, recordCall, revealSampledPhone, spotCheck } from '../../../services/staff/evaluation'
import { evaluationRoutes, percent } from '../../../utils/evaluation-routes'
import { toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import StaffLayout from '../../components/staff-layout'
import { useAction } from '../../../hooks/use-action'
import './index.scss'

/** The city's spot check of one certified community: sample, phone follow-ups, questionnaire, conclusion. */
function EvaluationSpotCheckPageBody() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const data = useLoad(() => getApplication(id), [id])
  if (data.status === 'error' && !data.data) {
    return <PageState kind='error' title='没能打开抽查' error={data.error} onAction={() => void data.reload()} />
  }
  if (!data.data) return <PageState kind='loading' />
  return <Body app={data.data} onChanged={(v) => data.setData(v)} />
}

function Body({ app, onChanged }: { app: ApplicationView; onChanged: (v: ApplicationView) => void }) {
  const [seed, setSeed] = useState(app.sample?.seed ?? '')
  const [size, setSize] = useState(String(app.sample?.size ?? 10))
  const [closesOn, setClosesOn] = useState(app.deadlines.spotCheck)
  const [methods, setMethods] = useState<SpotMethod[]>(['ledger_check', 'questionnaire', 'phone'])
  const [findings, setFindings] = useState('')
  const { busy, run } = useAction(onChanged)
  const open = app.may.spotCheck
  const s = app.summary


  return (
    <View className='ev' data-testid='evaluation-spotcheck' data-status={app.status}>
      <View className='ev__card' data-testid='spot-summary'>
        <Text className='ev__title'>{app.communityName} 抽查结果</Text>
        <View className='ev__row'><Text className='ev__label'>电话接通率</Text><Text className='ev__value'>{percent(s.reachedRate)}（{s.reached} / {s.called}）</Text></View>
        <View className='ev__row'><Text className='ev__label'>确认受到帮扶</Text><Text className='ev__value'>{percent(s.confirmationRate)}（{s.confirmed} / {s.reached}）</Text></View>
        <View className='ev__row'><Text className='ev__label'>回访满意度（1–5）</Text><Text className='ev__value'>{s.meanSatisfaction === null ? '—' : s.meanSatisfaction.toFixed(2)}</Text></View>
        <View className='ev__row'><Text className='ev__label'>问卷指数</Text><Text className='ev__value'>{s.questionnaireIndex === null ? '—' : `${s.questionnaireIndex.toFixed(1)} 分（${s.questionnaireN} 份）`}</Text></View>
        <View className='ev__row'><Text className='ev__label'>综合得分</Text><Text className='ev__value' data-testid='spot-score'>{s.score === null ? '—' : s.score.toFixed(1)}</Text></View>
        {/* The city's own 市级抽查 score of this community is kept on the score sheet (evaluation-score). */}
        <Text className='ev__link' data-testid='spot-score-sheet' onClick={() => void Taro.navigateTo({ url: evaluationRoutes.score(app.communityId, app.year) })}>
          市级抽查评分表 ›
        </Text>
      </View>

      <View className='ev__card'>
        <Text className='ev__section'>电话回访抽样</Text>
        <Text className='ev__meta'>从本社区帮扶台帐中按“申报编号 + 种子”随机抽取，同一种子抽出的人相同，可复核</Text>
        {open ? (
          <View className='ev__head'>
            <Input className='ev__input ev__grow' value={seed} placeholder='抽样种子，如今天的日期' onInput={(e) => setSeed(e.detail.value)} nativeProps={{ 'data-testid': 'spot-seed' }} />
            <Input className='ev__input' style={{ width: '120px' }} type='number' value={size} onInput={(e) => setSize(e.detail.value)} nativeProps={{ 'data-testid': 'spot-size' }} />
            <View className='ev__btn' data-testid='spot-draw'><AtButton size='small' type='primary' onClick={() => void run(() => drawSample(app._id, seed, Number(size) || 10), '已抽样')} disabled={busy}>
              抽样
            </AtButton></View>
          </View>
        ) : null}
        {app.sample ? <Text className='ev__meta'>种子“{app.sample.seed}”，从 {app.sample.population} 人中抽取 {app.sample.intentIds.length} 人 · {app.sample.byName}</Text> : null}
        {app.sampleRows.map((r) => (
          <CallRow key={r.intentId} app={app} row={r} open={open} onChanged={onChanged} />
        ))}
      </View>

      <View className='ev__card'>
        <Text className='ev__section'>抽查问卷</Text>
        {app.surveyId ? (
          <Text className='ev__meta' data-testid='spot-survey-sent'>已向社区居民发出问卷，收回 {s.questionnaireN} 份</Text>
        ) : open ? (
          <View className='ev__head'>
            <Text className='ev__label'>截止日期</Text>
            <View className='ev__grow'>
              <DateInput value={closesOn} start={shanghaiDate(new Date())} onChange={setClosesOn} label='问卷截止日期' testId='spot-closes' />
            </View>
            <View className='ev__btn' data-testid='spot-send-survey'><AtButton size='small' type='primary' onClick={() => void run(() => spotCheck({ id: app._id, step: 'questionnaire', closesOn }), '问卷已发出')} disabled={busy}>
              发出问卷
            </AtButton></View>
          </View>
        ) : (
          <Text className='ev__meta'>未发问卷</Text>
        )}
      </View>

      <View className='ev__card'>
        <Text className='ev__section'>抽查结论</Text>
        {open ? (
          <>
            <View className='ev__chips'>
              {SPOT_METHODS.map((m) => (
                <Chip key={m} checkable active={methods.includes(m)} label={SPOT_METHOD_LABELS[m]} onClick={() => setMethods((x) => (x.includes(m) ? x.filter((y) => y !== m) : [...x, m]))} testId={`spot-method-${m}`} />
              ))}
            </View>
            <Textarea className='ev__textarea' value={findings} maxlength={1000} placeholder='实地察看、座谈、查阅台帐发现的情况' onInput={(e) => setFindings(e.detail.value)} nativeProps={{ 'data-testid': 'spot-findings' }} />
            <View className='ev__actions'>
              <View className='ev__btn' data-testid='spot-conclude'><AtButton type='primary' onClick={() => void run(() => spotCheck({ id: app._id, step: 'conclude', version: app.version, methods, findings }), '抽查已完成')} disabled={busy}>
                完成抽查
              </AtButton></View>
            </View>
          </>
        ) : (
          <Text className='ev__history'>{app.spotMethods.map((m) => SPOT_METHOD_LABELS[m]).join('、') || '—'}：{app.spotFindings || '尚未完成'}</Text>
        )}
      </View>
    </View>
  )
}

/** One sampled resident: masked phone (full number on request, recorded), and the call's outcome. */
function CallRow({ app, row, open, onChanged }: { app: ApplicationView; row: SampleRow; open: boolean; onChanged: (v: ApplicationView) => void }) {
  const [phone, setPhone] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const [reached, setReached] = useState(row.call?.reached ?? true)
  const [confirms, setConfirms] = useState<boolean | null>(row.call?.confirms ?? null)
  const [satisfaction, setSatisfaction] = useState<number | null>(row.call?.satisfaction ?? null)
  const [remarks, setRemarks] = useState(row.call?.remarks ?? '')
  const c = row.call
  const save = async () => {
    try {
      onChanged(await recordCall({ id: app._id, intentId: row.intentId, reached, confirms: reached ? confirms : null, satisfaction: reached ? satisfaction : null, remarks }))
      setEditing(false)
      toastSuccess('回访已记录')
    } catch (e) {
      toastText(errorMessage(e))
    }
  }
  return (
    <View className='ev__item' data-testid={`spot-row-${row.intentId}`}>
      <View className='ev__head'>
        <Text className='ev__grow'>{row.name} · {phone ?? row.phoneMasked}</Text>
        {open && !phone ? (
          <Text className='ev__link' onClick={() => void revealSampledPhone(app._id, row.intentId).then((r) => setPhone(r.value), (e) => toastText(errorMessage(e)))} data-testid='spot-reveal'>
            显示号码
          </Text>
        ) : null}
        {open ? <Text className='ev__link' onClick={() => setEditing(!editing)} data-testid='spot-call'>{c ? '改记录' : '记录回访'}</Text> : null}
      </View>
      <Text className='ev__meta'>
        {c ? `${c.reached ? '已接通' : '未接通'}${c.reached ? ` · ${c.confirms ? '确认受到帮扶' : '不确认受到帮扶'}` : ''}${c.satisfaction ? ` · 满意度 ${c.satisfaction}` : ''}${c.remarks ? ` · ${c.remarks}` : ''}` : '还没有回访'}
      </Text>
      {editing ? (
        <View data-testid='spot-call-form'>
          <View className='ev__chips'>
            <Chip label='接通' active={reached} onClick={() => setReached(true)} testId='call-reached' />
            <Chip label='未接通' active={!reached} onClick={() => setReached(false)} testId='call-unreached' />
          </View>
          {reached ? (
            <>
              <View className='ev__chips'>
                <Chip label='确认受到帮扶' active={confirms === true} onClick={() => setConfirms(true)} testId='call-confirms' />
                <Chip label='不确认' active={confirms === false} onClick={() => setConfirms(false)} testId='call-denies' />
              </View>
              <View className='ev__chips'>
                {[1, 2, 3, 4, 5].map((n) => (
                  <Chip key={n} small label={`满意度 ${n}`} active={satisfaction === n} onClick={() => setSatisfaction(n)} testId={`call-sat-${n}`} />
                ))}
              </View>
            </>
          ) : null}
          <Input className='ev__input' value={remarks} maxlength={500} placeholder='备注' onInput={(e) => setRemarks(e.detail.value)} nativeProps={{ 'data-testid': 'call-remarks' }} />
          <View className='ev__actions'>
            <View className='ev__btn' data-testid='call-save'><AtButton size='small' type='primary' onClick={() => void save()}>
              保存回访
            </AtButton></View>
          </View>
        </View>
      ) : null}
    </View>
  )
}

export default function EvaluationSpotCheckPage() {
  return (
    <StaffLayout page='evaluationSpotCheck'>
      <EvaluationSpotCheckPageBody />
    </StaffLayout>
  )
}
