import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import type { SurveyComment, SurveyResults } from '@shared/contracts/survey'
import { can } from '@shared/domain/roles'
import { LEVEL_LABELS, LEVELS, periodLabel, SURVEY_KIND_LABELS, SURVEY_STATE_LABELS } from '@shared/domain/survey'
import { dayText } from '@shared/domain/time'
import Chip from '../../../components/chip'
import NoticeBanner from '../../../components/notice-banner'
import PageState from '../../../components/page-state'
import SurveySummary, { formatRate, formatScore } from '../../../components/survey-summary'
import { useLoad } from '../../../hooks/use-load'
import { ErrorCodes, errorMessage, isApiError } from '../../../services/core/cloud'
import { getMe } from '../../../services/profile/profile'
import { closeSurvey, exportSurvey, surveyResults } from '../../../services/survey/survey'
import { openDownload } from '../../../services/files/download-link'
import { goBack, routes } from '../../../utils/routes'
import { surveyRoutes } from '../../../utils/survey-routes'
import { confirm, toastSuccess, toastText } from '../../../utils/toast'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import StaffLayout from '../../components/staff-layout'
import './index.scss'

/** 调查结果 (staff): the index against last quarter, answers per question, comments, export. */
function SurveyResultsPageBody() {
  const id = useRouter().params.id ?? ''
  const data = useLoad(async () => {
    const [me, results] = await Promise.all([getMe(), surveyResults(id)])
    return { me, results }
  }, [id])
  const [more, setMore] = useState<{ items: SurveyComment[]; next: string | null; loading: boolean } | null>(null)
  const [busy, setBusy] = useState<'export' | 'close' | null>(null)

  usePullDownRefresh(() => {
    setMore(null)
    void data.reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (!id) return <PageState kind='empty' title='没有指定问卷' actionText='返回列表' onAction={() => goBack(surveyRoutes.staffList)} />
  if (data.status === 'error' && !data.data) {
    const code = isApiError(data.error) ? data.error.code : ''
    if (code === ErrorCodes.notFound) {
      return <PageState kind='empty' title='这份问卷不存在' description='可能已被删除，或不在你的管理范围内' actionText='返回列表' onAction={() => goBack(surveyRoutes.staffList)} testId='results-missing' />
    }
    if (code === ErrorCodes.unauthenticated) {
      return <PageState kind='error' title='登录已过期' actionText='重新登录' onAction={() => void Taro.redirectTo({ url: routes.staffLogin })} />
    }
    return <PageState kind='error' title='结果加载失败' error={data.error} onAction={() => void data.reload()} testId='results-error' />
  }
  if (!data.data) return <PageState kind='loading' />
  const { me, results } = data.data
  const staff = me.kind === 'staff' ? me.staff : null
  const r: SurveyResults = results
  const s = r.survey
  const comments = more ?? { items: r.comments?.items ?? [], next: r.comments?.next ?? null, loading: false }

  const loadMore = async () => {
    if (!comments.next || comments.loading) return
    setMore({ ...comments, loading: true })
    try {
      const page = await surveyResults(id, comments.next)
      setMore({ items: [...comments.items, ...(page.comments?.items ?? [])], next: page.comments?.next ?? null, loading: false })
    } catch (e) {
      setMore({ ...comments, loading: false })
      toastText(errorMessage(e))
    }
  }

  const doExport = async () => {
    setBusy('export')
    try {
      const file = await exportSurvey(id)
      await openDownload(file)
      toastSuccess('已导出')
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const doClose = async () => {
    if (!(await confirm('结束问卷', '结束后不再接收答卷，居民可以看到结果。', '结束'))) return
    setBusy('close')
    try {
      await closeSurvey(id)
      toastSuccess('已结束')
      setMore(null)
      await data.reload()
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const dimLabel = new Map(r.index.dimensions.map((d) => [d.key, d.label]))
  const previousLabel = r.previous ? periodLabel(r.previous.period) : undefined

  return (
    <View className='survey-results' data-testid='staff-results' data-state={s.state}>
      <View className='survey-results__hero'>
        <View className='survey-results__tags'>
          <Chip small tone={s.state === 'open' ? 'success' : s.state === 'closed' ? 'primary' : 'warning'} label={SURVEY_STATE_LABELS[s.state]} testId='results-state' />
          <Text className='survey-results__kind'>
            {SURVEY_KIND_LABELS[s.kind]} · {periodLabel(s.period)}
          </Text>
        </View>
        <Text className='survey-results__title'>{s.title}</Text>
        <Text className='survey-results__meta'>
          {s.orgName} · {s.opensOn} 至 {s.closesOn}
          {s.closedAt ? ` · ${dayText(s.closedAt)} 结束` : ''}
        </Text>
        <View className='survey-results__tools'>
          {staff && can(staff.role, 'survey.export') ? (
            <View className='survey-results__tool' data-testid='export-button'>
              <AtButton size='small' type='secondary' loading={busy === 'export'} disabled={busy !== null} onClick={() => void doExport()}>
                导出 Excel
              </AtButton>
            </View>
          ) : null}
          {staff && can(staff.role, 'survey.write') && s.state !== 'closed' ? (
            <View className='survey-results__tool' data-testid='close-button'>
              <AtButton size='small' type='primary' loading={busy === 'close'} disabled={busy !== null} onClick={() => void doClose()}>
                结束问卷
              </AtButton>
            </View>
          ) : null}
        </View>
      </View>

      {s.state !== 'closed' ? (
        <View className='survey-results__banner'>
          <NoticeBanner text='问卷还在进行中，结果会随新的答卷变化' />
        </View>
      ) : null}

      {s.kind === 'census' ? (
        <View className='survey-results__banner' data-testid='census-results-link' onClick={() => void Taro.navigateTo({ url: surveyRoutes.census() })}>
          <NoticeBanner text={`市民创业状况调查按选项计数，不算满意度分数：已收到 ${r.index.n} 份答卷。全市、区县和街道的汇总结果见“市民创业状况” ›`} />
        </View>
      ) : (
      <View className='survey-results__grid'>
        <View className='survey-results__card'>
          <Text className='survey-results__card-title'>满意度指数</Text>
          {r.index.n === 0 ? (
            <PageState kind='empty' compact title='还没有收到答卷' description='居民提交后，这里会显示满意度指数' testId='results-empty' />
          ) : (
            <SurveySummary index={r.index} previous={r.previous?.index ?? null} previousLabel={previousLabel} />
          )}
          {r.previous ? (
            <Text className='survey-results__note'>
              与 {previousLabel}“{r.previous.title}”比较（{r.previous.index.n} 份答卷）；灰色竖线为上季度得分。
            </Text>
          ) : (
            <Text className='survey-results__note'>上一季度没有同类问卷，暂无对比。</Text>
          )}
        </View>

        <View className='survey-results__card'>
          <Text className='survey-results__card-title'>各题回答分布</Text>
          <View className='survey-results__legend'>
            {LEVELS.map((l) => (
              <View className='survey-results__legend-item' key={l}>
                <View className={`survey-results__swatch survey-results__swatch--${l}`} />
                <Text>{LEVEL_LABELS[l]}</Text>
              </View>
            ))}
          </View>
          {r.index.questions.map((q, i) => (
            <View className='survey-results__q' key={q.id} data-testid={`dist-${q.id}`}>
              <View className='survey-results__q-head'>
                <Text className='survey-results__q-text'>
                  {i + 1}. {q.text}
                </Text>
                <Text className='survey-results__q-score'>{formatScore(q.score)}</Text>
              </View>
              <View className='survey-results__stack'>
                {q.n === 0 ? <View className='survey-results__stack-empty' /> : null}
                {LEVELS.map((l) =>
                  q.counts[l - 1] > 0 ? (
                    <View
                      key={l}
                      className={`survey-results__seg survey-results__swatch--${l}`}
                      style={{ width: `${(q.counts[l - 1] / q.n) * 100}%` }}
                    >
                      {q.counts[l - 1] / q.n >= 0.12 ? <Text className='survey-results__seg-text'>{q.counts[l - 1]}</Text> : null}
                    </View>
                  ) : null,
                )}
              </View>
              <Text className='survey-results__q-meta'>
                {dimLabel.get(q.dimension) ?? ''} · {q.n} 人回答 · 满意率 {formatRate(q.satisfactionRate)}
              </Text>
            </View>
          ))}
        </View>
      </View>
      )}

      <View className='survey-results__card survey-results__card--wide'>
        <Text className='survey-results__card-title'>居民意见（匿名）</Text>
        {comments.items.length === 0 ? (
          <PageState kind='empty' compact title='还没有居民留言' testId='comments-empty' />
        ) : (
          <View className='survey-results__comments' data-testid='comments'>
            {comments.items.map((c, i) => (
              <View className='survey-results__comment' key={`${i}-${c.question}`}>
                <Text className='survey-results__comment-text'>{c.text}</Text>
                <Text className='survey-results__comment-q'>关于：{c.questionText}</Text>
              </View>
            ))}
            {comments.next ? (
              <View className='survey-results__more' onClick={() => void loadMore()}>
                <Text>{comments.loading ? '正在加载…' : '查看更多意见'}</Text>
              </View>
            ) : null}
          </View>
        )}
      </View>
    </View>
  )
}

export default function SurveyResultsPage() {
  return (
    <StaffLayout page='surveyResults'>
      <SurveyResultsPageBody />
    </StaffLayout>
  )
}
