import { useEffect, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AtButton, AtIcon } from 'taro-ui'
import type { SurveyDetail, SurveyResults, SurveyView } from '@shared/contracts/survey'
import { type Level, levelLabel, LEVELS, periodLabel, questionLevels } from '@shared/domain/survey'
import { dayText } from '@shared/domain/time'
import CommunityPicker from '../../../components/community-picker'
import NoticeBanner from '../../../components/notice-banner'
import PageState from '../../../components/page-state'
import SurveySummary from '../../../components/survey-summary'
import { useDraft } from '../../../hooks/use-draft'
import { useLoad } from '../../../hooks/use-load'
import { ErrorCodes, errorMessage, isApiError } from '../../../services/core/cloud'
import { getOrgTree } from '../../../services/staff/org'
import { getMe, saveProfile } from '../../../services/profile/profile'
import { answerSurvey, getSurvey, surveyResults } from '../../../services/survey/survey'
import { goBack, routes } from '../../../utils/routes'
import { surveyRoutes } from '../../../utils/survey-routes'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** 满意度调查: answer one question per screen, or read the results once the survey has closed. */
function SurveyPage() {
  const id = useRouter().params.id ?? ''
  const data = useLoad(() => (id ? getSurvey(id) : Promise.reject(new Error('missing id'))), [id])

  useEffect(() => {
    if (data.data) void Taro.setNavigationBarTitle({ title: data.data.survey.state === 'closed' ? '调查结果' : '满意度调查' })
  }, [data.data?.survey.state])

  if (!id) return <PageState kind='empty' title='没有找到这份问卷' description='请从首页或活动现场的二维码进入' testId='survey-missing' />
  if (data.status === 'error' && !data.data) {
    const gone = isApiError(data.error) && data.error.code === ErrorCodes.notFound
    return gone ? (
      <PageState kind='empty' title='这份问卷不存在' description='可能已被删除，或链接不完整' actionText='回到首页' onAction={() => goBack(routes.index)} testId='survey-missing' />
    ) : (
      <PageState kind='error' title='问卷加载失败' error={data.error} onAction={() => void data.reload()} testId='survey-error' />
    )
  }
  if (!data.data) return <PageState kind='loading' />
  const detail = data.data
  const s = detail.survey
  if (s.state === 'closed') return <ClosedSurvey survey={s} />
  if (s.state === 'scheduled') {
    return <PageState kind='empty' icon='clock' title='问卷还没开始' description={`${s.opensOn} 起可以填写，到时再来吧`} testId='survey-scheduled' />
  }
  if (detail.needsCommunity) return <ChooseCommunity onDone={() => void data.reload()} />
  if (detail.outOfScope) {
    if (s.kind === 'event') {
      return <PageState kind='empty' title='这份问卷只请活动报名的居民填写' description='报名参加这场活动后，就可以在这里留下你的意见' testId='survey-out-of-scope' />
    }
    return <PageState kind='empty' title={`这份问卷只面向${s.orgName}的居民`} description='按问卷开始时你所在的社区确定能否填写；问卷开始后更换社区，不会改变这一点' testId='survey-out-of-scope' />
  }
  return <AnswerFlow key={s._id} detail={detail} />
}

/** Environment and service surveys ask residents of one community: choose it first. */
function ChooseCommunity({ onDone }: { onDone: () => void }) {
  const orgs = useLoad(async () => {
    const [tree, me] = await Promise.all([getOrgTree(), getMe()])
    return { tree, me }
  }, [])
  const [value, setValue] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  if (orgs.status === 'error' && !orgs.data) {
    return <PageState kind='error' title='没能读取社区列表' error={orgs.error} onAction={() => void orgs.reload()} />
  }
  if (!orgs.data) return <PageState kind='loading' />
  const { tree, me } = orgs.data
  const save = async () => {
    if (!value) {
      setError('请选择你所在的社区')
      return
    }
    setBusy(true)
    try {
      await saveProfile({ communityId: value, targetGroups: me.targetGroups })
      onDone()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='survey' data-testid='survey-community'>
      <View className='survey__card'>
        <Text className='survey__title'>你住在哪个社区？</Text>
        <Text className='survey__lead'>这份问卷听取社区居民的意见。选好社区后就可以开始填写，以后在“我的”里也能修改。</Text>
        <View className='survey__picker'>
          <CommunityPicker orgs={tree} value={value} onChange={(v) => { setValue(v); setError('') }} invalid={Boolean(error)} />
        </View>
        {error ? <Text className='survey__error'>{error}</Text> : null}
        <View className='survey__primary' data-testid='community-confirm'>
          <AtButton type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
            确定，开始填写
          </AtButton>
        </View>
      </View>
    </View>
  )
}

/** The answers being filled in, as kept in storage. */
interface SurveyDraft {
  levels: (Level | null)[]
  comments: Record<string, string>
}

function isSurveyDraft(v: unknown, total: number): v is SurveyDraft {
  if (!v || typeof v !== 'object' || !('levels' in v) || !('comments' in v)) return false
  const { levels, comments } = v as { levels: unknown; comments: unknown }
  return Array.isArray(levels) && levels.length === total && levels.every((l) => l === null || (typeof l === 'number' && LEVELS.includes(l as Level))) && !!comments && typeof comments === 'object'
}

type Step = { kind: 'intro' } | { kind: 'question'; index: number } | { kind: 'review' } | { kind: 'done'; replaced: boolean }

/** Intro → one question per screen with progress → check and submit → thanks. */
function AnswerFlow({ detail }: { detail: SurveyDetail }) {
  const s = detail.survey
  const total = s.questions.length
  const [step, setStep] = useState<Step>({ kind: 'intro' })
  // Answers so far survive closing the app (a call, a lost signal) until they are sent.
  const [draft, setDraft, clearDraft] = useDraft<SurveyDraft>(`survey.${s._id}`, () => ({ levels: s.questions.map(() => null), comments: {} }), (v): v is SurveyDraft => isSurveyDraft(v, total))
  const levels = draft.levels
  const comments = draft.comments
  const setLevels = (f: (prev: (Level | null)[]) => (Level | null)[]) => setDraft((d) => ({ ...d, levels: f(d.levels) }))
  const setComments = (f: (prev: Record<string, string>) => Record<string, string>) => setDraft((d) => ({ ...d, comments: f(d.comments) }))
  const [busy, setBusy] = useState(false)
  const [sending, setSending] = useState(false)
  const [submitError, setSubmitError] = useState('')
  const [answered, setAnswered] = useState(detail.answered)

  // Every screen starts at the top, whatever the previous one was scrolled to.
  useEffect(() => {
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }, [step])

  const start = (fromMine: boolean) => {
    if (fromMine && detail.mine) {
      const mine = detail.mine
      setDraft({ levels: s.questions.map((_, i) => mine.levels[i] ?? null), comments: Object.fromEntries(mine.comments.map((c) => [c.question, c.text])) })
    }
    setStep({ kind: 'question', index: 0 })
  }

  const choose = (index: number, level: Level) => {
    setLevels((prev) => prev.map((l, i) => (i === index ? level : l)))
    // Without a comment box the next question follows the tap; with one, the resident moves on.
    if (!s.questions[index].allowComment) {
      setTimeout(() => setStep(index + 1 < total ? { kind: 'question', index: index + 1 } : { kind: 'review' }), 220)
    }
  }

  const submit = async () => {
    const missing = levels.findIndex((l) => l === null)
    if (missing >= 0) {
      setStep({ kind: 'question', index: missing })
      return
    }
    setBusy(true)
    setSubmitError('')
    try {
      const out = await answerSurvey(
        {
          id: s._id,
          levels: levels as Level[],
          comments: s.questions
            .filter((q) => q.allowComment && (comments[q.id] ?? '').trim())
            .map((q) => ({ question: q.id, text: (comments[q.id] ?? '').trim() })),
        },
        { onWaiting: () => setSending(true) },
      )
      clearDraft()
      setAnswered(true)
      setStep({ kind: 'done', replaced: out.replaced })
    } catch (e) {
      setSubmitError(isApiError(e) && e.code === ErrorCodes.network ? '网络一直没有恢复，还没提交成功。你的回答已保存在手机上，网络好了再点一次提交' : errorMessage(e))
    } finally {
      setSending(false)
      setBusy(false)
    }
  }

  if (step.kind === 'intro') return <Intro survey={s} answered={answered} limitNote={detail.limitNote} onStart={start} />

  if (step.kind === 'done') {
    return (
      <View className='survey survey--center' data-testid='survey-done'>
        <View className='survey__card survey__card--center'>
          <View className='survey__done-icon'>
            <AtIcon value='check' size={36} color='#ffffff' />
          </View>
          <Text className='survey__title'>{step.replaced ? '已更新你的回答' : '提交成功，谢谢你！'}</Text>
          <Text className='survey__lead survey__lead--center'>
            你的意见会帮社区把创业服务做得更好。{s.closesOn} 前还可以回来修改；问卷结束后，可以在“我的”里看到社区的整体结果。
          </Text>
          <View className='survey__primary'>
            <AtButton type='primary' onClick={() => void Taro.switchTab({ url: routes.index })}>
              回到首页
            </AtButton>
          </View>
        </View>
      </View>
    )
  }

  if (step.kind === 'review') {
    return (
      <View className='survey' data-testid='survey-review'>
        <Progress done={total} total={total} />
        <View className='survey__card'>
          <Text className='survey__title'>全部答完了</Text>
          <Text className='survey__lead'>看一下你的选择，点任意一题可以回去修改。</Text>
          <View className='survey__review'>
            {s.questions.map((q, i) => (
              <View role='button' className='survey__review-row' key={q.id} onClick={() => setStep({ kind: 'question', index: i })} data-testid={`review-${q.id}`}>
                <Text className='survey__review-q'>
                  {i + 1}. {q.text}
                </Text>
                <Text className={`survey__review-a survey__review-a--${levels[i] ?? 0}`}>{levels[i] ? levelLabel(q, levels[i] as Level) : '未回答'}</Text>
              </View>
            ))}
          </View>
        </View>
        {sending ? (
          <View className='survey__banner' data-testid='sending-state' role='status'>
            <NoticeBanner tone='info' text='已保存，正在发送…网络恢复后会自动送达，不用重复点' />
          </View>
        ) : null}
        {submitError ? (
          <View className='survey__banner' data-testid='submit-error'>
            <NoticeBanner tone='danger' text={submitError} />
          </View>
        ) : null}
        <View className='survey__bar'>
          <View className='survey__bar-inner'>
            <View role='button' className='survey__bar-side' onClick={() => setStep({ kind: 'question', index: total - 1 })}>
              <Text>上一题</Text>
            </View>
            <View className='survey__bar-main' data-testid='submit-button'>
              <AtButton type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
                {answered ? '提交修改' : '提交'}
              </AtButton>
            </View>
          </View>
        </View>
      </View>
    )
  }

  const i = step.index
  const q = s.questions[i]
  const dim = s.dimensions.find((d) => d.key === q.dimension)
  const chosen = levels[i]
  const next = () => setStep(i + 1 < total ? { kind: 'question', index: i + 1 } : { kind: 'review' })
  return (
    <View className='survey' data-testid='survey-question' data-index={i}>
      <Progress done={i} total={total} />
      <View className='survey__card'>
        {dim ? <Text className='survey__dim'>{dim.label}</Text> : null}
        <Text className='survey__question' data-testid='question-text'>
          {q.text}
        </Text>
        <View className='survey__options' role='radiogroup'>
          {questionLevels(q).map((level) => (
            <View
              key={level}
              role='radio'
              aria-checked={chosen === level}
              className={`survey__option ${q.options ? 'survey__option--choice' : `survey__option--${level}`}${chosen === level ? ' survey__option--on' : ''}`}
              onClick={() => choose(i, level)}
              data-testid={`option-${level}`}
            >
              <View className='survey__dot' />
              <Text className='survey__option-text'>{levelLabel(q, level)}</Text>
              {chosen === level ? <AtIcon value='check' size={18} color='#2861d8' /> : null}
            </View>
          ))}
        </View>
        {q.allowComment ? (
          <View className='survey__comment'>
            <Text className='survey__comment-label'>想说的话（选填）</Text>
            <View className='survey__textarea'>
              <Textarea
                className='survey__textarea-input'
                value={comments[q.id] ?? ''}
                maxlength={300}
                placeholder='有什么建议或遇到的问题，可以写在这里'
                placeholderClass='survey__placeholder'
                onInput={(e) => setComments((c) => ({ ...c, [q.id]: e.detail.value }))}
                nativeProps={{ 'data-testid': 'comment-input', 'aria-label': '想说的话（选填）' }}
              />
            </View>
          </View>
        ) : null}
      </View>
      <View className='survey__bar'>
        <View className='survey__bar-inner'>
          <View
            role='button'
            className='survey__bar-side'
            onClick={() => setStep(i === 0 ? { kind: 'intro' } : { kind: 'question', index: i - 1 })}
            data-testid='prev-button'
          >
            <Text>{i === 0 ? '返回' : '上一题'}</Text>
          </View>
          <View className='survey__bar-main' data-testid='next-button'>
            <AtButton type='primary' disabled={chosen === null} onClick={next}>
              {i + 1 < total ? '下一题' : '完成'}
            </AtButton>
          </View>
        </View>
      </View>
    </View>
  )
}

function Progress({ done, total }: { done: number; total: number }) {
  const shown = Math.min(done + 1, total)
  return (
    <View className='survey__progress' data-testid='survey-progress'>
      <View className='survey__progress-text'>
        <Text>{done >= total ? '已全部回答' : `第 ${shown} 题`}</Text>
        <Text className='survey__progress-total'>共 {total} 题</Text>
      </View>
      <View className='survey__progress-track'>
        <View className='survey__progress-fill' style={{ width: `${(Math.min(done, total) / total) * 100}%` }} />
      </View>
    </View>
  )
}

function Intro({ survey: s, answered, limitNote, onStart }: { survey: SurveyView; answered: boolean; limitNote: string; onStart: (fromMine: boolean) => void }) {
  const minutes = Math.max(1, Math.round(s.questions.length / 5))
  return (
    <View className='survey' data-testid='survey-intro'>
      <View className='survey__card'>
        <Text className='survey__org'>
          {s.orgName} · {periodLabel(s.period)}
        </Text>
        <Text className='survey__title' data-testid='survey-title'>
          {s.title}
        </Text>
        {s.intro ? <Text className='survey__lead'>{s.intro}</Text> : null}
        <View className='survey__facts'>
          <View className='survey__fact'>
            <Text className='survey__fact-value'>{s.questions.length}</Text>
            <Text className='survey__fact-label'>道题</Text>
          </View>
          <View className='survey__fact'>
            <Text className='survey__fact-value'>约 {minutes}</Text>
            <Text className='survey__fact-label'>分钟</Text>
          </View>
          <View className='survey__fact'>
            <Text className='survey__fact-value'>{dayText(s.closesOn)}</Text>
            <Text className='survey__fact-label'>截止</Text>
          </View>
        </View>
        <View className='survey__privacy'>
          <AtIcon value='lock' size={14} color='#18a058' />
          <Text className='survey__privacy-text'>匿名填写：只统计大家的整体结果，不记录你是谁。</Text>
        </View>
        {limitNote ? (
          <Text className='survey__limit' data-testid='survey-limit'>
            {limitNote}
          </Text>
        ) : null}
      </View>
      <View className='survey__tips'>
        <Text className='survey__tips-title'>怎么填</Text>
        <Text className='survey__tip'>· 每屏一道题，点选最符合你感受的一项</Text>
        <Text className='survey__tip'>· 有的题下面可以写几句想说的话，不写也行</Text>
        <Text className='survey__tip'>· 提交后到 {s.closesOn} 前都可以回来修改</Text>
      </View>
      {answered ? (
        <View className='survey__banner' data-testid='already-answered'>
          <NoticeBanner text='你已经填过这份问卷了，结束前可以修改你的回答' />
        </View>
      ) : null}
      <View className='survey__bar'>
        <View className='survey__bar-inner'>
          <View className='survey__bar-main' data-testid='start-button'>
            <AtButton type='primary' onClick={() => onStart(answered)}>
              {answered ? '修改我的回答' : '开始填写'}
            </AtButton>
          </View>
        </View>
      </View>
    </View>
  )
}

/** After closing: the community's results (residents of the community, or anyone who answered). */
function ClosedSurvey({ survey: s }: { survey: SurveyView }) {
  const res = useLoad<SurveyResults>(() => surveyResults(s._id), [s._id])
  if (res.status === 'error' && !res.data) {
    const refused = isApiError(res.error) && res.error.code === ErrorCodes.forbidden
    return refused ? (
      <PageState kind='empty' title='问卷已经结束' error={res.error} testId='results-refused' />
    ) : (
      <PageState kind='error' title='结果加载失败' error={res.error} onAction={() => void res.reload()} testId='results-error' />
    )
  }
  if (!res.data) return <PageState kind='loading' />
  const r = res.data
  return (
    <View className='survey' data-testid='survey-results'>
      <View className='survey__card'>
        <Text className='survey__org'>
          {s.orgName} · {periodLabel(s.period)}
        </Text>
        <Text className='survey__title'>{s.title}</Text>
        <Text className='survey__lead'>问卷已经结束，感谢大家参与。这是社区居民的整体评价（满分 100）。</Text>
      </View>
      <View className='survey__card'>
        {r.index.n === 0 ? (
          <PageState kind='empty' compact title='这次没有收到答卷' testId='results-empty' />
        ) : r.survey.kind === 'census' ? (
          <View role='link' onClick={() => void Taro.navigateTo({ url: surveyRoutes.census() })} data-testid='census-results-link'>
            <Text className='survey__lead'>这份调查的结果汇总到全市公布（只公布总数）。点这里看全市市民创业状况 ›</Text>
          </View>
        ) : (
          <SurveySummary index={r.index} />
        )}
      </View>
    </View>
  )
}

export default withCareMode(SurveyPage)
